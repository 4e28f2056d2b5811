import { D, type Dec, fmt, pct } from '../decimal';
import { MibError } from '../errors';
import { type GradeOptions, type GradeResult, gradeIndex, gradeOf } from './grade';
import type { DowngradeRefund, FractionalPoints, GradeBand, Policy, RatioRounding, RefundTier } from './schema';

export interface RefundOptions extends GradeOptions {
  fractionalPoints?: FractionalPoints;
  ratioRounding?: RatioRounding;
  downgradeRefund?: DowngradeRefund;
}

export interface RefundResult {
  grade: GradeResult;
  /** share of the deposit paid back, in [0, 1] */
  ratio: Dec;
  /** deposit × ratio, half-up to the cent */
  amount: Dec;
  deposit: Dec;
  trace: string[];
}

function policyRefund(policy: Policy) {
  if (!policy.refund) {
    throw new MibError(
      'not-applicable',
      'policy',
      `政策“${policy.id}”（${policy.provenance.documentNumber}）未规定质量保证金返还`,
      `policy ${policy.id} sets no deposit refund`,
    );
  }
  return policy.refund;
}

function countPoints(below: Dec, mode: FractionalPoints): Dec {
  if (below.lte(0)) return new D(0);
  if (mode === 'whole') return below.floor();
  if (mode === 'started') return below.ceil();
  return below;
}

function roundRatio(ratio: Dec, mode: RatioRounding): Dec {
  if (mode === 'percent-2') return ratio.times(100).toDecimalPlaces(2).div(100);
  if (mode === 'fraction-2') return ratio.toDecimalPlaces(2);
  return ratio;
}

/** The refund ratio a tier gives a score, with the arithmetic in Chinese. */
export function tierRatio(tier: RefundTier, score: Dec, fractional: FractionalPoints, rounding: RatioRounding): { ratio: Dec; line: string } {
  if (tier.kind === 'full') return { ratio: new D(1), line: `${tier.text} → 退还 100%` };
  if (tier.kind === 'none') return { ratio: new D(0), line: `${tier.text} → 退还 0%` };
  const below = countPoints(new D(tier.base).minus(score), fractional);
  const raw = D.max(0, D.min(1, new D(1).minus(below.times(tier.ratePerPoint))));
  const ratio = roundRatio(raw, rounding);
  const line = `${tier.text}：较${tier.base}分低 ${fmt(below)} 分，1 − ${fmt(below)}×${pct(tier.ratePerPoint)} = ${pct(raw)}${ratio.eq(raw) ? '' : ` ≈ ${pct(ratio)}`}`;
  return { ratio, line };
}

function tierOf(band: GradeBand, policy: Policy): RefundTier {
  if (!band.refund) {
    throw new MibError('invalid-file', 'grades', `政策“${policy.id}”的等次“${band.label}”没有返还规定`, `grade ${band.label} of ${policy.id} has no refund tier`);
  }
  return band.refund;
}

function money(deposit: Dec, ratio: Dec): Dec {
  return deposit.times(ratio).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

export function parseDeposit(deposit: Dec | number | string): Dec {
  let d: Dec;
  try {
    d = new D(deposit);
  } catch {
    throw new MibError('invalid-argument', 'deposit', `质量保证金金额应为不小于0的数，收到的是“${deposit}”`, `deposit must be a number ≥ 0, got "${deposit}"`);
  }
  if (!d.isFinite() || d.lt(0)) {
    throw new MibError('invalid-argument', 'deposit', `质量保证金金额应为不小于0的数，收到的是“${deposit}”`, `deposit must be a number ≥ 0, got "${deposit}"`);
  }
  return d;
}

/** The deposit refund for a score: the grade (after veto and downgrade) picks the refund tier, the tier
 * gives the ratio, the amount rounds half-up to the cent. Options default to the policy file's choices. */
export function refundOf(policy: Policy, score: Dec | number, depositIn: Dec | number | string, options: RefundOptions = {}): RefundResult {
  const settings = policyRefund(policy);
  const deposit = parseDeposit(depositIn);
  const fractional = options.fractionalPoints ?? settings.fractionalPoints;
  const rounding = options.ratioRounding ?? settings.ratioRounding;
  const follows = options.downgradeRefund ?? policy.downgrade?.refundFollows ?? 'grade';
  const grade = gradeOf(policy, score, options);
  const band = follows === 'score' && !grade.vetoed ? gradeOf(policy, score, { veto: false }).band : grade.band;
  const { ratio, line } = tierRatio(tierOf(band, policy), grade.score, fractional, rounding);
  const amount = money(deposit, ratio);
  const trace = [...grade.trace];
  if (band !== grade.band) trace.push(`降档不改变返还档次（选项 downgradeRefund = score），按“${band.label}”返还`);
  trace.push(line);
  const free = downgradeCostsNothing(policy, grade, band, ratio);
  if (free) trace.push(free);
  trace.push(`${fmt(deposit)} × ${pct(ratio)} = ${amount.toFixed(2)} 元`);
  return { grade, ratio, amount, deposit, trace };
}

/** 吉林: a downgrade from 优 moves the refund to 良's rule, which counts from 90 and caps at 100%, so a
 * score of 90 or more still gets everything back. The text does not say whether that is meant; the
 * trace says it happened rather than leave a reviewer to wonder why 降档 cost nothing. */
function downgradeCostsNothing(policy: Policy, grade: GradeResult, band: GradeBand, ratio: Dec): string | null {
  if (grade.downgradeSteps === 0 || band !== grade.band || !ratio.eq(1)) return null;
  const own = policy.grades.find((g) => g.label === grade.scoreLabel)?.refund;
  const tier = band.refund;
  if (!own || !tier || tier.kind !== 'perPointBelow') return null;
  return `降档后按“${band.label}”的返还规则计算，但该规则以 ${tier.base} 分为基准，得分 ${fmt(grade.score)} 分不低于 ${tier.base} 分，比例封顶 100%：本次降档不减少返还（办法未规定此时另行扣减；如需降档也减少返还，须另定口径）`;
}

export type SpecialCase = 'requestedTerminationWithViolations' | 'requestedTerminationClean' | 'rescinded' | 'underSixMonths';

export interface SpecialRefundResult {
  ratio: Dec | null;
  amount: Dec | null;
  /** 第十三条: returned with next year's assessment, not now */
  deferred: boolean;
  trace: string[];
}

/** 吉林 第十三条–第十五条: deposits of institutions outside the normal assessment. */
export function specialRefund(policy: Policy, kind: SpecialCase, depositIn: Dec | number | string): SpecialRefundResult {
  const settings = policyRefund(policy);
  const deposit = parseDeposit(depositIn);
  const rule = policy.specialCases?.[kind];
  if (!rule) {
    throw new MibError('not-applicable', 'case', `政策“${policy.id}”没有规定这种情形（${kind}）`, `policy ${policy.id} has no rule for ${kind}`);
  }
  if (kind === 'underSixMonths') return { ratio: null, amount: null, deferred: true, trace: [rule.text] };
  let ratio: Dec;
  const trace = [rule.text];
  if (kind === 'requestedTerminationWithViolations' && 'lowestOfGrade' in rule) {
    const band = policy.grades[gradeIndex(policy, rule.lowestOfGrade)];
    if (!band || band.min === undefined) {
      throw new MibError('invalid-file', `specialCases.${kind}`, `等次“${rule.lowestOfGrade}”不存在或没有下限`, `grade ${rule.lowestOfGrade} missing or unbounded`);
    }
    const tier = tierRatio(tierOf(band, policy), new D(band.min), settings.fractionalPoints, settings.ratioRounding);
    ratio = tier.ratio;
    trace.push(`“${band.label}”最低比例即 ${band.min} 分时：${tier.line}`);
  } else {
    ratio = new D(kind === 'requestedTerminationClean' ? 1 : 0);
  }
  const amount = money(deposit, ratio);
  trace.push(`${fmt(deposit)} × ${pct(ratio)} = ${amount.toFixed(2)} 元`);
  return { ratio, amount, deferred: false, trace };
}
