import { documentName } from '../files/rubricLabel';
import { D, type Dec, dec, fmt, pct } from '../numbers/decimal';
import { decimalFromText } from '../numbers/decimalText';
import { clipped } from '../messages/echo';
import { MibError } from '../messages/errors';
import { type GradeOptions, type GradeResult, gradeIndex, gradeOf } from './grade';
import { afterExtra, extraWithheld } from './extraWithholding';
import { UNSTATED, unstatedRefundLine } from './unstated';
import { withholdRatio } from './withhold';
import type { DowngradeRefund, FractionalPoints, GradeBand, Policy, RatioRounding, RefundTier, SpecialCase } from './schema';

export interface RefundOptions extends GradeOptions {
  fractionalPoints?: FractionalPoints;
  ratioRounding?: RatioRounding;
  downgradeRefund?: DowngradeRefund;
  /** the institution's circumstances that withhold a further share (挂牌督办), by the policy's names */
  circumstances?: readonly string[];
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

/** A score in a band whose refund the notice leaves unstated (灌南: nothing below 70): no ratio, no amount. */
export interface UnstatedRefund {
  grade: GradeResult;
  /** the notice's text, the reason shown beside 方案未规定 */
  unstated: string;
  deposit: Dec;
  trace: string[];
}

export const isUnstated = (refund: RefundResult | UnstatedRefund): refund is UnstatedRefund => 'unstated' in refund;

/** A refund as a cell shows it: the amount to the fen, or 方案未规定 where the notice states none. */
export function refundShown(refund: RefundResult | UnstatedRefund): string {
  return isUnstated(refund) ? UNSTATED : refund.amount.toFixed(2);
}

function policyRefund(policy: Policy) {
  if (!policy.refund) {
    throw new MibError(
      'not-applicable',
      'policy',
      `政策“${documentName(policy)}”（${policy.provenance.documentNumber}）未规定质量保证金返还`,
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
export function tierRatio(tier: StatedTier, score: Dec, fractional: FractionalPoints, rounding: RatioRounding): { ratio: Dec; line: string } {
  if (tier.kind === 'full') return { ratio: new D(1), line: `${tier.text} → 退还 100%` };
  if (tier.kind === 'none') return { ratio: new D(0), line: `${tier.text} → 退还 0%` };
  if (tier.kind === 'withhold') return withholdRatio(tier);
  const below = countPoints(new D(tier.base).minus(score), fractional);
  const raw = D.max(0, D.min(1, new D(1).minus(below.times(tier.ratePerPoint))));
  const ratio = roundRatio(raw, rounding);
  const line = `${tier.text}：较${tier.base}分低 ${fmt(below)} 分，1 − ${fmt(below)}×${pct(tier.ratePerPoint)} = ${pct(raw)}${ratio.eq(raw) ? '' : ` ≈ ${pct(ratio)}`}`;
  return { ratio, line };
}

export type StatedTier = Exclude<RefundTier, { kind: 'unstated' }>;

function tierOf(band: GradeBand, policy: Policy): RefundTier {
  if (!band.refund) {
    throw new MibError(
      'invalid-file',
      'grades',
      `政策“${documentName(policy)}”的等次“${band.label}”没有返还规定`,
      `grade ${band.label} of ${policy.id} has no refund tier`,
    );
  }
  return band.refund;
}

function money(deposit: Dec, ratio: Dec): Dec {
  return deposit.times(ratio).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** The largest deposit every face computes exactly to the fen, exclusive: 10¹³ yuan. Below it a deposit
 * to the fen has at most 15 significant digits, what an Excel number cell holds, and the sheet's whole-
 * number refund (deposit in fen below 10¹⁵, exactMoney.ts) and MIB.REFUND's returned double stay exact. */
export const DEPOSIT_LIMIT = /*#__PURE__*/ new D('1e13');
/** The most significant digits a deposit may have: what a number cell holds (Excel keeps 15). */
export const DEPOSIT_DIGITS = 15;

/** Why a deposit ≥ 0 cannot be held exactly (null when it can): 10¹³ yuan or more, or more than 15
 * significant digits (a deposit of 40 digits would lose fen in decimal.js's 40-digit products). Refused,
 * never rounded. */
export function depositBeyondRange(deposit: Dec): { zh: string; en: string } | null {
  if (deposit.gte(DEPOSIT_LIMIT))
    return { zh: '须小于 10000000000000 元（10¹³ 元），超出这一范围无法在各处精确计算到分', en: 'must be below 10^13 yuan' };
  if (deposit.precision(true) > DEPOSIT_DIGITS && !deposit.isZero())
    return {
      zh: `有效数字不能超过 ${DEPOSIT_DIGITS} 位（Excel 数字单元格能保存的位数），多出的位数会被舍去而改变金额`,
      en: `must have at most ${DEPOSIT_DIGITS} significant digits`,
    };
  return null;
}

/** A deposit: a Decimal or number ≥ 0, or plain decimal text ("50000", "9007199254740.93"), never
 * hex or an exponent. Text is read digit by digit, so money never passes through a JS number. A deposit
 * beyond what every face holds exactly (depositBeyondRange) is refused. */
export function parseDeposit(deposit: Dec | number | string): Dec {
  const d = typeof deposit === 'string' ? decimalFromText(deposit) : dec(deposit);
  const shown = clipped(String(deposit));
  if (d === null || !d.isFinite() || d.lt(0)) {
    throw new MibError(
      'invalid-argument',
      'deposit',
      `质量保证金金额应为不小于0的十进制数，收到的是“${shown}”`,
      `deposit must be a decimal number ≥ 0, got "${shown}"`,
    );
  }
  const beyond = depositBeyondRange(d);
  if (beyond)
    throw new MibError('invalid-argument', 'deposit', `质量保证金金额${beyond.zh}，收到的是“${shown}”`, `deposit ${beyond.en}, got "${shown}"`);
  return d;
}

/** The deposit refund for a score: the grade (after veto and downgrade) picks the refund tier, the tier
 * gives the ratio, the amount rounds half-up to the cent. Options default to the policy file's choices.
 * A band whose refund the notice leaves unstated gives no ratio and no amount (UnstatedRefund). */
export function refundOutcome(
  policy: Policy,
  score: Dec | number,
  depositIn: Dec | number | string,
  options: RefundOptions = {},
): RefundResult | UnstatedRefund {
  policyRefund(policy);
  const deposit = parseDeposit(depositIn);
  return refundForGrade(policy, gradeOf(policy, score, options), score, deposit, options);
}

/** refundOutcome where an amount is needed: a score in a band the notice leaves unstated is refused with
 * the notice's text. */
export function refundOf(policy: Policy, score: Dec | number, depositIn: Dec | number | string, options: RefundOptions = {}): RefundResult {
  const refund = refundOutcome(policy, score, depositIn, options);
  if (!isUnstated(refund)) return refund;
  throw new MibError(
    'not-applicable',
    'score',
    `${fmt(dec(score))} 分的保证金返还${UNSTATED}（${refund.unstated}），没有金额`,
    `the policy states no refund for ${fmt(dec(score))}`,
  );
}

/** refundOf once the score is graded (assess grades first, and grades once): `grade` is
 * gradeOf(policy, score, options), `deposit` parsed. */
export function refundForGrade(
  policy: Policy,
  grade: GradeResult,
  score: Dec | number,
  deposit: Dec,
  options: RefundOptions = {},
): RefundResult | UnstatedRefund {
  const settings = policyRefund(policy);
  const fractional = options.fractionalPoints ?? settings.fractionalPoints;
  const rounding = options.ratioRounding ?? settings.ratioRounding;
  const follows = options.downgradeRefund ?? policy.downgrade?.refundFollows ?? 'grade';
  const band = follows === 'score' && !grade.vetoed ? gradeOf(policy, score, { veto: false }).band : grade.band;
  const trace = [...grade.trace];
  if (band !== grade.band) trace.push(`降档不改变返还档次，按得分所在等次“${band.label}”返还`);
  const stated = tierOf(band, policy);
  // the notice says nothing of this band's deposit: no amount is invented, whatever else applies
  if (stated.kind === 'unstated') return { grade, unstated: stated.text, deposit, trace: [...trace, unstatedRefundLine(stated)] };
  const tier = tierRatio(stated, grade.score, fractional, rounding);
  const extra = extraWithheld(policy, options.circumstances ?? []);
  const ratio = afterExtra(tier.ratio, extra.ratio);
  const amount = money(deposit, ratio);
  trace.push(tier.line, ...extra.lines);
  if (extra.lines.length > 0) trace.push(`${pct(tier.ratio)} − ${pct(extra.ratio)}${ratio.isZero() ? '，不低于 0' : ''} = ${pct(ratio)}`);
  const free = downgradeCostsNothing(policy, grade, band, ratio);
  if (free) trace.push(free);
  trace.push(`${fmt(deposit)} × ${pct(ratio)} = ${amount.toFixed(2)} 元`);
  return { grade, ratio, amount, deposit, trace };
}

/** 吉林: a downgrade from 优 moves the refund to 良's rule, which counts from 90 and caps at 100%, so a
 * score of 90 or more still gets everything back. The text does not say whether that is meant; the
 * trace says it happened rather than leave a reviewer to wonder why 降档 cost nothing. */
export function downgradeCostsNothing(policy: Policy, grade: GradeResult, band: GradeBand, ratio: Dec): string | null {
  if (grade.downgradeSteps === 0 || band !== grade.band || !ratio.eq(1)) return null;
  const own = policy.grades.find((g) => g.label === grade.scoreLabel)?.refund;
  const tier = band.refund;
  if (!own || !tier || tier.kind !== 'perPointBelow') return null;
  return `降档后按“${band.label}”的返还规则计算，但该规则以 ${tier.base} 分为基准，得分 ${fmt(grade.score)} 分不低于 ${tier.base} 分，比例封顶 100%：本次降档不减少返还（办法未规定此时另行扣减；如需降档也减少返还，须另定口径）`;
}

export interface SpecialRefundResult {
  ratio: Dec | null;
  amount: Dec | null;
  /** 第十三条: returned with next year's assessment, not now */
  deferred: boolean;
  trace: string[];
}

/** What the grade cell says for an institution outside the normal assessment (no grade at all), and
 * the short Chinese name a user may type for the case instead of its id. */
export const specialCaseLabels: Record<SpecialCase, { zh: string; en: string; name: string }> = {
  requestedTerminationWithViolations: {
    zh: '申请终止协议（有违规违约），不评定等次',
    en: 'terminated on request (with violations): no grade',
    name: '申请终止有违规',
  },
  requestedTerminationClean: {
    zh: '申请终止协议（无违规违约），不评定等次',
    en: 'terminated on request (no violations): no grade',
    name: '申请终止无违规',
  },
  rescinded: { zh: '解除协议，不再纳入当年度考核', en: 'agreement rescinded: not assessed this year', name: '解除协议' },
  underSixMonths: { zh: '履约不满6个月，纳入下一年度考核', en: 'under six months: assessed next year', name: '履约不满6个月' },
  newlyAdmitted: { zh: '定点不满一年，不纳入当年度考核', en: 'admitted under a year ago: not assessed this year', name: '准入不满一年' },
};

/** A special case by its id or its short Chinese name, or undefined. */
export function specialCaseNamed(text: string): SpecialCase | undefined {
  const wanted = text.trim();
  return (Object.keys(specialCaseLabels) as SpecialCase[]).find((kind) => kind === wanted || specialCaseLabels[kind].name === wanted);
}

/** What the refund cell says for a special case without an amount. */
export function specialRefundText(result: SpecialRefundResult): string | undefined {
  if (result.amount !== null) return undefined;
  return result.deferred ? '本年度不返还，纳入下一年度考核后一并返还' : '政策未规定这种情形的保证金处理';
}

/** The policy's rule for a special case, or a refusal naming the cases it does have. */
export function specialCaseRule(policy: Policy, kind: SpecialCase): { text: string; lowestOfGrade?: string } {
  const rule = policy.specialCases?.[kind];
  if (rule) return rule;
  const known = (Object.keys(policy.specialCases ?? {}) as SpecialCase[]).map((k) => specialCaseLabels[k].name);
  throw new MibError(
    'not-applicable',
    'case',
    `政策“${documentName(policy)}”没有规定这种情形（${specialCaseLabels[kind].name}）${known.length > 0 ? `；它规定的情形有：${known.join('、')}` : '；它没有规定任何特殊情形'}`,
    `policy ${policy.id} has no rule for ${kind}`,
  );
}

/** 吉林 第十三条–第十五条, 宁德 准入不满一年: deposits of institutions outside the normal assessment. */
export function specialRefund(policy: Policy, kind: SpecialCase, depositIn: Dec | number | string): SpecialRefundResult {
  const rule = specialCaseRule(policy, kind);
  const deposit = parseDeposit(depositIn);
  if (kind === 'underSixMonths') return { ratio: null, amount: null, deferred: true, trace: [rule.text] };
  // 宁德 names the case but sets nothing for the deposit: no amount is invented
  if (kind === 'newlyAdmitted') return { ratio: null, amount: null, deferred: false, trace: [rule.text] };
  const settings = policyRefund(policy);
  let ratio: Dec;
  const trace = [rule.text];
  if (kind === 'requestedTerminationWithViolations' && rule.lowestOfGrade !== undefined) {
    const band = policy.grades[gradeIndex(policy, rule.lowestOfGrade)];
    if (!band || band.min === undefined) {
      throw new MibError(
        'invalid-file',
        `specialCases.${kind}`,
        `等次“${rule.lowestOfGrade}”不存在或没有下限`,
        `grade ${rule.lowestOfGrade} missing or unbounded`,
      );
    }
    const stated = tierOf(band, policy);
    if (stated.kind === 'unstated') return { ratio: null, amount: null, deferred: false, trace: [...trace, unstatedRefundLine(stated)] };
    const tier = tierRatio(stated, new D(band.min), settings.fractionalPoints, settings.ratioRounding);
    ratio = tier.ratio;
    trace.push(`“${band.label}”最低比例即 ${band.min} 分时：${tier.line}`);
  } else {
    ratio = new D(kind === 'requestedTerminationClean' ? 1 : 0);
  }
  const amount = money(deposit, ratio);
  trace.push(`${fmt(deposit)} × ${pct(ratio)} = ${amount.toFixed(2)} 元`);
  return { ratio, amount, deferred: false, trace };
}
