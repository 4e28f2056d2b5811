import { documentName } from '../files/rubricLabel';
import { D, type Dec, fmt } from '../numbers/decimal';
import { MibError } from '../messages/errors';
import { bonusMaxOf } from '../scoring/evaluate';
import type { Rubric } from '../files/schema';
import type { Policy } from './schema';

/** The points a table or a policy counts in: its printed total, and the bonus allowed on top. */
export interface Scale {
  points: Dec;
  bonus: Dec;
}

// Each table's and policy's scale is worked out once: assess asks for both with every institution.
const rubricScales = new WeakMap<Rubric, Scale>();
const policyScales = new WeakMap<Policy, Scale>();

export function rubricScale(rubric: Rubric): Scale {
  let scale = rubricScales.get(rubric);
  if (!scale) rubricScales.set(rubric, (scale = Object.freeze({ points: new D(rubric.total), bonus: bonusMaxOf(rubric) })));
  return scale;
}

export function policyScale(policy: Policy): Scale {
  let scale = policyScales.get(policy);
  if (!scale) policyScales.set(policy, (scale = Object.freeze({ points: new D(policy.scale.points), bonus: new D(policy.scale.bonus) })));
  return scale;
}

/** "795 分（另有加分最多 60 分）" */
export function scaleText(scale: Scale): string {
  return `${fmt(scale.points)} 分${scale.bonus.gt(0) ? `（另有加分最多 ${fmt(scale.bonus)} 分）` : ''}`;
}

/** A table fits a policy when the policy's bands are written on the table's own total and the
 * table's bonus stays within what the policy allows (江北 100 under 吉林 100 + 10). */
export function scaleFits(rubric: Rubric, policy: Policy): boolean {
  const table = rubricScale(rubric);
  const graded = policyScale(policy);
  return table.points.eq(graded.points) && table.bonus.lte(graded.bonus);
}

/**
 * A score converted onto the policy's scale: score × policy points / table total ("折算为百分制":
 * 威海 650 / 795 → 81.76). Exact (decimal.js keeps 40 digits); the trace shows six decimals.
 */
export interface Conversion {
  /** the table's total the score is counted in (795) */
  from: Dec;
  /** the policy's scale (100) */
  to: Dec;
  /** 折算为百分制 / 折算为 N 分制 */
  label: string;
  labelEn: string;
}

export function conversionBetween(from: Dec | number, to: Dec | number): Conversion {
  const target = new D(to);
  const label = target.eq(100) ? '折算为百分制' : `折算为 ${fmt(target)} 分制`;
  return { from: new D(from), to: target, label, labelEn: `converted to a ${fmt(target)}-point scale` };
}

export function convertScore(conversion: Conversion, score: Dec | number): Dec {
  return new D(score).times(conversion.to).div(conversion.from);
}

/** The conversion from a table's total onto the policy's scale; none when they are the same. */
export function conversionFromTotal(total: Dec | number, policy: Policy): Conversion | undefined {
  return new D(total).eq(policy.scale.points) ? undefined : conversionBetween(total, policy.scale.points);
}

/** "折算为百分制：650 × 100 / 795 = 81.761006" */
export function conversionLine(conversion: Conversion, score: Dec | number, converted: Dec = convertScore(conversion, score)): string {
  return `${conversion.label}：${fmt(score)} × ${fmt(conversion.to)} / ${fmt(conversion.from)} = ${fmt(converted)}`;
}

// The conversion from a table onto a policy, made once per pair (a roster converts every institution's score)
const conversions = new WeakMap<Rubric, WeakMap<Policy, Conversion>>();

function conversionOnto(rubric: Rubric, policy: Policy): Conversion {
  let byPolicy = conversions.get(rubric);
  if (!byPolicy) conversions.set(rubric, (byPolicy = new WeakMap()));
  let conversion = byPolicy.get(policy);
  if (!conversion) byPolicy.set(policy, (conversion = Object.freeze(conversionBetween(rubric.total, policy.scale.points))));
  return conversion;
}

/**
 * The conversion a table needs under a policy: none when the scales fit; when they differ, a
 * conversion only if one was asked for (`convert`), else a refusal naming both scales and the
 * policies that do fit (`candidates`, the policies the caller can offer, asked for only then).
 */
export function conversionFor(
  rubric: Rubric,
  policy: Policy,
  convert: boolean,
  candidates: Policy[] | (() => Policy[]) = [],
): Conversion | undefined {
  if (scaleFits(rubric, policy)) return undefined;
  const table = rubricScale(rubric);
  const graded = policyScale(policy);
  // the same points, more bonus than the policy allows: nothing to convert (× 100 / 100 changes nothing);
  // the question is what a score beyond the policy's scale gets
  if (table.points.eq(graded.points)) {
    if (convert) return undefined;
    throw bonusBeyondScale(rubric, policy, table, graded);
  }
  if (convert) return conversionOnto(rubric, policy);
  const fitting = (typeof candidates === 'function' ? candidates() : candidates).filter((p) => scaleFits(rubric, p)).map((p) => p.id);
  throw new MibError(
    'scale-mismatch',
    'policy',
    `考核表“${documentName(rubric)}”按 ${scaleText(table)}计分，政策“${documentName(policy)}”按 ${scaleText(graded)}评定，分制不同，不能直接评定等次。` +
      (fitting.length > 0 ? `分制相同的政策有：${fitting.join('、')}；` : '没有分制相同的内置政策；') +
      `如确需按该政策评定，请明确要求折算（得分 × ${fmt(policy.scale.points)} / ${fmt(rubric.total)}）。`,
    `rubric ${rubric.id} scores out of ${fmt(rubric.total)}, policy ${policy.id} grades out of ${fmt(policy.scale.points)}: ` +
      `ask for a conversion explicitly${fitting.length > 0 ? ` or use ${fitting.join(', ')}` : ''}`,
  );
}

/**
 * A table whose total is the policy's but whose bonus is more than the policy allows (100 + 5 under a
 * 百分制 policy without bonus): the totals agree, only the bonus differs, and the message says so. What
 * the policy's text allows is offered: graded as it is, a score beyond the policy's scale not graded
 * (--convert, which here converts nothing); a cap at the policy's points only where its text says so.
 */
function bonusBeyondScale(rubric: Rubric, policy: Policy, table: Scale, graded: Scale): MibError {
  const top = graded.points.plus(graded.bonus);
  const allowed = graded.bonus.gt(0) ? `只允许加分最多 ${fmt(graded.bonus)} 分` : '不设加分';
  return new MibError(
    'bonus-beyond-scale',
    'policy',
    `考核表“${documentName(rubric)}”与政策“${documentName(policy)}”满分相同（${fmt(table.points)} 分），不同的只是加分：考核表另有加分最多 ${fmt(table.bonus)} 分，` +
      `政策${allowed}（“${policy.scale.text}”）。加分可使得分超过 ${fmt(top)} 分，政策未写这样的得分如何评定；满分相同，无须折算。` +
      `可照常评定，得分超过 ${fmt(top)} 分的不予评定（“${OUT_OF_SCALE}”），须明确要求；得分按 ${fmt(top)} 分封顶须政策原文有此规定，本工具不自行封顶。`,
    `rubric ${rubric.id} and policy ${policy.id} have the same total (${fmt(table.points)}); only the bonus differs ` +
      `(${fmt(table.bonus)} against ${fmt(graded.bonus)}): ask explicitly (--convert, which converts nothing here) to grade as is, ` +
      `a score above ${fmt(top)} then not graded`,
  );
}

/** How a table's scale differs from a policy's, for `mib check` on the pair: total and bonus compared
 * apart; the message is the one grading would refuse with. Undefined where they fit. */
export function scaleDifference(rubric: Rubric, policy: Policy): { field: string; message: string; messageEn: string } | undefined {
  if (scaleFits(rubric, policy)) return undefined;
  try {
    conversionFor(rubric, policy, false);
  } catch (error) {
    if (error instanceof MibError)
      return { field: error.code === 'bonus-beyond-scale' ? 'bonus' : 'total', message: error.message, messageEn: error.messageEn };
    throw error;
  }
  return undefined;
}

/** What stands in the grade and refund cells of a score beyond the policy's scale. */
export const OUT_OF_SCALE = '超出政策分制，不予评定';

export function withinScale(policy: Policy, score: Dec): boolean {
  const scale = policyScale(policy);
  return score.gte(0) && score.lte(scale.points.plus(scale.bonus));
}

/** A score is graded only within the policy's scale: [0, points + bonus]. */
export function checkWithinScale(policy: Policy, score: Dec): void {
  if (withinScale(policy, score)) return;
  const scale = policyScale(policy);
  const top = scale.points.plus(scale.bonus);
  throw new MibError(
    'out-of-scale',
    'score',
    `得分 ${fmt(score)} 不在政策“${documentName(policy)}”的分制内（${scaleText(scale)}，即 0 到 ${fmt(top)} 分），不予评定` +
      (score.gt(top) ? `；其他分制的考核表（如威海 795 分）须先折算为 ${fmt(scale.points)} 分制` : ''),
    `score ${fmt(score)} is outside policy ${policy.id}'s scale (0 to ${fmt(top)}); convert a score from another scale first`,
  );
}
