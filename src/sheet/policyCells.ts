import { D, OUT_OF_SCALE, type Policy, UNSTATED, vetoEffectOf } from '../core';
import { exactCents, MAX_RATIO_DECIMALS } from './exactMoney';
import { ifChain, num, READ_DECIMALS, str, withoutBinaryNoise } from './formulaParts';

type Band = Policy['grades'][number];
type AnyTier = NonNullable<Band['refund']>;
/** A tier that states a refund: an unstated band (灌南 below 70) has no amount to compute. */
type Tier = Exclude<AnyTier, { kind: 'unstated' }>;
type RefundRule = NonNullable<Policy['refund']>;
type PerPoint = Extract<Tier, { kind: 'perPointBelow' }>;
type Withhold = Extract<Tier, { kind: 'withhold' }>;

/** The label of the band holding `score`, as nested IFs over the bands' lower bounds, best first. The
 * score is read without binary noise: a total of 69.99999999999999 (Excel shows 70) is graded as 70. */
function gradeChain(bands: Band[], score: string): string {
  const read = withoutBinaryNoise(score);
  const pairs = bands.slice(0, -1).map((band): [string, string] => [`${read}>=${num(band.min ?? 0)}`, str(band.label)]);
  return ifChain(pairs, str(bands[bands.length - 1]?.label ?? ''));
}

/** The score under a veto, as the core's vetoedScore: kept (fail), or the lower of the score and the
 * policy's number (setScore: 江北 0; capScore: "最高按60分计"): a veto is never better than no veto. */
function vetoedScoreFormula(policy: Policy, total: string): string {
  const score = policy.veto.score;
  if (vetoEffectOf(policy.veto) === 'fail' || score === undefined) return total;
  // a score is never below 0: a veto to 0 (江北) is 0 itself
  return score <= 0 ? num(score) : `MIN(${num(score)},${total})`;
}

/** The score the grade is read from: the policy's veto sets or caps it (江北: 存在否决项得分为0分); the
 * table's own veto clause only says that a veto happened. */
export function effectiveScore(policy: Policy, total: string, vetoCount: string): string {
  const vetoed = vetoedScoreFormula(policy, total);
  return vetoed === total ? total : `IF(${vetoCount}>0,${vetoed},${total})`;
}

/**
 * 等次 as a plain formula: the half-open bands of the policy (each [min, max), best first), and under a
 * veto the band of the vetoed score, no better than the policy's veto grade. `beforeVeto` is the score
 * before the policy's veto where `total` already holds it (the 总分 cell under a policy). Downgrades (降档)
 * are a reviewer's decision and are applied with MIB.GRADE's third argument, not here.
 */
export function gradeFormula(policy: Policy, total: string, vetoCount: string, top?: number, beforeVeto: string = total): string {
  // the veto grade is a ceiling (absent: the vetoed score alone decides)
  const vetoIndex = policy.grades.findIndex((g) => g.label === policy.veto.grade);
  const vetoed = gradeChain(policy.grades.slice(Math.max(0, vetoIndex)), vetoedScoreFormula(policy, total));
  const graded = `IF(${vetoCount}>0,${vetoed},${gradeChain(policy.grades, total)})`;
  // a score can pass the policy's scale (威海's bonus converted, or a bonus the policy does not allow): never
  // graded; read before the veto, as the core's withinScale reads it
  return top === undefined ? `=${graded}` : `=IF(${beforeVeto}>${num(top)},${str(OUT_OF_SCALE)},${graded})`;
}

/** The most a policy grades: its scale's points and the bonus it allows. */
export function policyTop(policy: Policy): number {
  return policy.scale.points + policy.scale.bonus;
}

/** Decimal places of a number as a policy file writes it (0.025 → 3). */
function decimalsOf(value: number): number {
  const [, fraction = ''] = num(value).split('.');
  return fraction.length;
}

/** Formula text and its decimals (a whole count of 10^-decimals, or a value with that many decimals). */
interface Scaled {
  value: string;
  decimals: number;
}

/** The points below the tier's base ("每低1分") and how many decimals they have: the score read at
 * READ_DECIMALS, the gap taken as it is (proportional), in whole points, or every started point. */
function pointsBelow(tier: PerPoint, score: string, mode: RefundRule['fractionalPoints']): Scaled {
  const gap = `MAX(0,${num(tier.base)}-${withoutBinaryNoise(score)})`;
  if (mode === 'proportional') return { value: gap, decimals: Math.max(READ_DECIMALS, decimalsOf(tier.base)) };
  // the gap without noise first: 90 − 85.000000001 must not count as 5 whole points because of a binary 4.99…
  const settled = `MAX(0,${withoutBinaryNoise(`${num(tier.base)}-${withoutBinaryNoise(score)}`)})`;
  return { value: mode === 'whole' ? `INT(${settled})` : `ROUNDUP(${settled},0)`, decimals: 0 };
}

/** 1 − below × rate, clamped at 0, before the policy's rounding, and the decimals its exact value has. */
function rawRatio(tier: PerPoint, score: string, refund: RefundRule): Scaled {
  const below = pointsBelow(tier, score, refund.fractionalPoints);
  return { value: `MAX(0,1-${below.value}*${num(tier.ratePerPoint)})`, decimals: below.decimals + decimalsOf(tier.ratePerPoint) };
}

/** The ratio's decimals after the policy's rounding ("保留两位小数点" of a percent: 90.66% keeps 4). */
const ROUNDED_DECIMALS: Record<RefundRule['ratioRounding'], number | null> = { 'percent-2': 4, 'fraction-2': 2, none: null };

/**
 * The refund ratio of a "每低1分扣x%" tier, 1 − below × rate, as a whole count of 10^-decimals, so
 * that the amount can be worked in whole numbers. Rounded by the policy (percent-2: to 10^-4), the
 * count ratio × 10^keep is first freed of binary noise at the decimals its exact value has (9 for the
 * score, plus the rate's, minus keep: 7 for 吉林's 2%), so that a half such as 9066.5 is exactly a half
 * when ROUND decides it; that rounding keeps at most 14 significant digits, where the noise (about
 * 10^-16 of the value) cannot reach. Unrounded, the count is a whole number already and ROUND(…,0) only
 * removes the noise. Null when the count needs more digits than that (a rate with more than 4 or 5
 * decimals).
 */
function tierRatio(tier: PerPoint, score: string, refund: RefundRule): Scaled | null {
  const { value: ratio, decimals: exactDecimals } = rawRatio(tier, score, refund);
  const keep = ROUNDED_DECIMALS[refund.ratioRounding];
  if (keep === null) return exactDecimals > MAX_RATIO_DECIMALS ? null : { value: `ROUND(${ratio}*10^${exactDecimals},0)`, decimals: exactDecimals };
  const count = `${ratio}*10^${keep}`;
  const noise = exactDecimals - keep;
  if (noise <= 0) return { value: `ROUND(${count},0)`, decimals: keep };
  if (keep + 1 + noise > 14) return null;
  return { value: `ROUND(ROUND(${count},${noise}),0)`, decimals: keep };
}

/** The ratio of a fixed-share tier ("扣除20%" pays back 80%) as a whole count of 10^-decimals: a constant. */
function withholdCount(tier: Withhold): Scaled {
  const decimals = decimalsOf(tier.ratio);
  return { value: new D(1).minus(tier.ratio).times(new D(10).pow(decimals)).toFixed(0), decimals };
}

/** Any tier's refund ratio as a whole count of 10^-decimals; null when it needs too many digits. */
function tierCount(tier: Tier, score: string, refund: RefundRule): Scaled | null {
  if (tier.kind === 'full') return { value: '1', decimals: 0 };
  if (tier.kind === 'none') return { value: '0', decimals: 0 };
  if (tier.kind === 'withhold') return withholdCount(tier);
  return tierRatio(tier, score, refund);
}

/** The circumstances a cell lists, as one comma-delimited text (",挂牌督办,其他,") to look a name up in;
 * the core reads the cell the same way (circumstancesFrom: commas, 、, ；, spaces). */
function listedIn(cell: string): string {
  const separators = ['，', '、', ';', '；', ' ', '　'];
  const unified = separators.reduce((text, sep) => `SUBSTITUTE(${text},${str(sep)},",")`, `TRIM(${cell})`);
  return `","&${unified}&","`;
}

/** The extra share withheld (挂牌督办 再扣除10%) for the circumstances the cell names, as a whole count of
 * 10^-decimals; null when the policy names none. Names the policy does not know are ignored here. */
function extraCount(policy: Policy, share: string | undefined, decimals: number): string | null {
  if ((policy.extraWithholding ?? []).length === 0 || share === undefined) return null;
  // the share is a ratio with at most extraDecimals places: ROUND gives back its whole count exactly
  return `ROUND(${share}*10^${decimals},0)`;
}

/**
 * The further share withheld for the circumstances a cell names (挂牌督办 再扣除10% → 10%), as the 另扣比例
 * cell computes it once: each of the policy's names found in the cell adds its share. The refund reads that
 * cell, rather than repeating this for every grade (five grades × three names passed Excel's 8,192
 * characters a formula). Null where the policy names none.
 */
export function circumstanceShareFormula(policy: Policy, cell: string): string | null {
  const rules = policy.extraWithholding ?? [];
  if (rules.length === 0) return null;
  const decimals = extraDecimals(policy);
  const scale = new D(10).pow(decimals);
  const listed = listedIn(cell);
  const count = rules.map((c) => `IF(ISNUMBER(FIND(${str(`,${c.name},`)},${listed})),${new D(c.ratio).times(scale).toFixed(0)},0)`).join('+');
  return `=(${count})/10^${decimals}`;
}

/** The decimals the extra shares need (0.1 → 1). */
function extraDecimals(policy: Policy): number {
  return Math.max(0, ...(policy.extraWithholding ?? []).map((c) => decimalsOf(c.ratio)));
}

/** The amount one tier pays back, exact to the fen, less any extra share (1 − withheld − extra, at least
 * 0); null when the tier's rate has too many decimals. */
function tierAmount(policy: Policy, tier: Tier, score: string, refund: RefundRule, deposit: string, circumstances?: string): string | null {
  const count = tierCount(tier, score, refund);
  if (count === null) return null;
  const decimals = Math.max(count.decimals, extraDecimals(policy));
  const extra = extraCount(policy, circumstances, decimals);
  if (extra === null) {
    // the formulas the bundled policies have always had
    if (tier.kind === 'full') return `ROUND(${deposit},2)`;
    if (tier.kind === 'none') return '0';
    return `${exactCents(`ROUND(${deposit}*100,0)`, count.value, count.decimals)}/100`;
  }
  if (tier.kind === 'none') return '0';
  if (decimals > MAX_RATIO_DECIMALS) return null;
  const shift = decimals - count.decimals;
  const scaled = shift === 0 ? count.value : `${count.value}*10^${shift}`;
  return `${exactCents(`ROUND(${deposit}*100,0)`, `MAX(0,${scaled}-(${extra}))`, decimals)}/100`;
}

/**
 * 退还保证金 as a plain formula: the grade cell picks the tier, the tier gives the amount, half-up to the
 * fen. A deposit × ratio in doubles cannot be exact to the fen at 10¹² (12 integer digits and a ratio's
 * decimals exceed the 15 digits a double holds), so the amount is worked in whole numbers: the deposit
 * in fen, the ratio as a whole count of 10^-n, multiplied in parts that each stay exact (exactMoney.ts).
 * The deposit is read to the fen. Blank when no deposit is entered; null when the policy sets no refund.
 * `circumstances` is the 另扣比例 cell (circumstanceShareFormula) where the policy names circumstances.
 */
export function refundFormula(policy: Policy, grade: string, score: string, deposit: string, circumstances?: string): string | null {
  const refund = policy.refund;
  if (!refund) return null;
  const amounts = policy.grades.map((band) => (stated(band) ? tierAmount(policy, band.refund, score, refund, deposit, circumstances) : '0'));
  const amount = amounts.some((a) => a === null)
    ? approximateRefund(policy, refund, grade, score, deposit, circumstances)
    : ifChain(
        policy.grades.slice(0, -1).map((band, k): [string, string] => [`${grade}=${str(band.label)}`, amounts[k]!]),
        amounts[amounts.length - 1] ?? '0',
      );
  return `=IF(${deposit}="","",${unlessUnstated(policy, grade, amount)})`;
}

/** Whether a band states its refund (an unstated one, 灌南 below 70, states none). */
const stated = (band: Band): band is Band & { refund: Tier } => band.refund !== undefined && band.refund.kind !== 'unstated';

/** The amount, or 方案未规定 (text, never a number) where the grade cell names a band whose refund the
 * notice leaves unstated. */
function unlessUnstated(policy: Policy, grade: string, amount: string): string {
  const unstated = policy.grades.filter((band) => band.refund?.kind === 'unstated').map((band) => `${grade}=${str(band.label)}`);
  if (unstated.length === 0) return amount;
  return `IF(${unstated.length === 1 ? unstated[0] : `OR(${unstated.join(',')})`},${str(UNSTATED)},${amount})`;
}

/**
 * A policy file whose rate has more decimals than the whole-number arithmetic can carry (more than 5)
 * gets the plain deposit × ratio, rounded to 6 places and then to the fen: exact for ordinary deposits,
 * not at 10¹². No bundled policy needs it.
 */
function approximateRefund(policy: Policy, refund: RefundRule, grade: string, score: string, deposit: string, circumstances?: string): string {
  const tierOnly = (tier: Exclude<Tier, { kind: 'none' }>): string => {
    if (tier.kind === 'full') return '1';
    if (tier.kind === 'withhold') return num(new D(1).minus(tier.ratio).toNumber());
    const raw = rawRatio(tier, score, refund).value;
    if (refund.ratioRounding === 'percent-2') return `ROUND(${raw}*100,2)/100`;
    if (refund.ratioRounding === 'fraction-2') return `ROUND(${raw},2)`;
    return raw;
  };
  const decimals = extraDecimals(policy);
  const extra = extraCount(policy, circumstances, decimals);
  const ratioOf = (tier: Tier): string => {
    if (tier.kind === 'none') return '0';
    return extra === null ? tierOnly(tier) : `MAX(0,${tierOnly(tier)}-(${extra})/10^${decimals})`;
  };
  const pairs = policy.grades.map((band): [string, string] => [`${grade}=${str(band.label)}`, stated(band) ? ratioOf(band.refund) : '0']);
  const ratio = ifChain(pairs.slice(0, -1), pairs[pairs.length - 1]?.[1] ?? '0');
  return `ROUND(ROUND(${deposit}*${ratio},6),2)`;
}
