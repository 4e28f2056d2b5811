import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, fmt, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { applyCap, asDec, blankNoFinding, blankNotAchieved, describe, NO_FINDING, NOT_ACHIEVED, signed, effectOutcome, traced } from './shared';
import { clauseBase, type RuleDefinition, effectSchema } from './types';

/** Points the reviewer sets within a printed range: "视情节轻重每次扣5-10分" (威海 C23),
 * "根据拖欠时间长短扣1-5分", "每次加1-5分，最高20分" (威海 D2). The input is the total points: with
 * `perOccurrence` a total k occurrences can reach, without it a total within [min, max]. Zero means no
 * finding. */
export const DiscretionarySchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('discretionary'),
      input: InputSpecSchema.extend({ type: z.literal('points') }),
      effect: effectSchema,
      min: z.number().nonnegative().describe('每次（或一次性）最少扣/加几分：“扣5-10分”写 5'),
      max: z.number().positive().describe('每次（或一次性）最多扣/加几分：“扣5-10分”写 10'),
      perOccurrence: z.boolean().describe('true = “每次”扣/加，审核人填合计分；false = 只扣/加一次'),
      cap: z.number().positive().optional().describe('（可不填）本条合计最多扣/加几分'),
      ...clauseBase,
    })
    .strict(),
);
export type DiscretionaryRule = z.infer<typeof DiscretionarySchema>;

/** Why a total does not fit the clause's range, or null when it does. Per occurrence, k findings give
 * [k·min, k·max], so a total fits when some whole k ≥ 1 has k·min ≤ total ≤ k·max. */
export function discretionaryProblem(rule: DiscretionaryRule, total: InstanceType<typeof D>): string | null {
  if (total.isZero()) return null;
  if (total.lt(rule.min)) return `${rule.perOccurrence ? '每次' : '本条'}至少${fmt(rule.min)}分，填写的${fmt(total)}分不足`;
  if (!rule.perOccurrence) return total.gt(rule.max) ? `本条最多${fmt(rule.max)}分，填写的是${fmt(total)}分` : null;
  const fewest = total.div(rule.max).ceil();
  const most = rule.min === 0 ? fewest : total.div(rule.min).floor();
  return fewest.lte(most) ? null : `每次${fmt(rule.min)}–${fmt(rule.max)}分，合计${fmt(total)}分不是任何次数能扣得的`;
}

export const discretionary: RuleDefinition<DiscretionaryRule> = {
  inputs: (rule) => [rule.input],
  role: (rule) => rule.effect,
  blankMeans: (rule) =>
    rule.effect === 'deduct'
      ? blankNoFinding({ zh: '不扣分', en: 'nothing deducted' })
      : blankNotAchieved({ zh: '本条不加分', en: 'this clause adds nothing' }),
  maxEarn: (rule, itemPoints) => (rule.cap !== undefined ? new D(rule.cap) : rule.perOccurrence ? itemPoints : new D(rule.max)),
  checkValue: (rule, _spec, value) => (typeof value === 'boolean' ? null : discretionaryProblem(rule, value)),
  evaluate(rule, ctx) {
    const value = ctx.value(rule.input);
    const total = asDec(value) ?? ZERO;
    const { applied, notApplied } = applyCap(total, rule.cap);
    const lines = traced(ctx, () => {
      let line = describe(rule.input, value);
      if (value === undefined) line += `（${rule.effect === 'deduct' ? NO_FINDING : NOT_ACHIEVED}）`;
      if (total.gt(0)) line += ` → 酌情${signed(rule.effect, total)}（每${rule.perOccurrence ? '次' : '项'}${fmt(rule.min)}–${fmt(rule.max)}分）`;
      if (notApplied.gt(0)) line += `（本条最多${rule.effect === 'deduct' ? '扣' : '得'}${fmt(rule.cap ?? 0)}分，${fmt(notApplied)}分不计）`;
      return [line];
    });
    return effectOutcome(rule.effect, applied, lines, notApplied);
  },
};
