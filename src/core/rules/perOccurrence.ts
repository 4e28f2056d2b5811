import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { constant, D, fmt, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { applyCap, asDec, blankNoFinding, blankNotAchieved, describe, NO_FINDING, NOT_ACHIEVED, signed, effectOutcome, traced } from './shared';
import { clauseBase, type RuleDefinition, effectSchema } from './types';

/** Points per occurrence: "发现一次扣1分，扣完为止" (江北 6), "每次1分" (江北 23.2, earned),
 * "每项加5分" (威海 D1). `cap` is the clause's own ceiling ("最高10分"); the item's points cap the rest.
 * A missing count is no occurrence. */
export const PerOccurrenceSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('perOccurrence'),
      input: InputSpecSchema.extend({ type: z.literal('count') }),
      effect: effectSchema,
      points: z.number().positive().describe('每次扣（得）几分，可为小数：“每人次扣0.1分”写 0.1'),
      cap: z.number().positive().optional().describe('（可不填）本条最多扣（得）几分：“最多扣1分”写 1'),
      ...clauseBase,
    })
    .strict(),
);
export type PerOccurrenceRule = z.infer<typeof PerOccurrenceSchema>;

export const perOccurrence: RuleDefinition<PerOccurrenceRule> = {
  inputs: (rule) => [rule.input],
  role: (rule) => rule.effect,
  blankMeans: (rule) =>
    rule.effect === 'deduct'
      ? blankNoFinding({ zh: '不扣分', en: 'nothing deducted' })
      : blankNotAchieved({ zh: '本条不得分', en: 'this clause earns nothing' }),
  maxEarn: (rule, itemPoints) =>
    rule.cap !== undefined ? new D(rule.cap) : rule.input.max !== undefined ? new D(rule.input.max).times(rule.points) : itemPoints,
  evaluate(rule, ctx) {
    const value = ctx.value(rule.input);
    const count = asDec(value) ?? ZERO;
    // no occurrence: the count is already the product (0 × points), no Decimal to make
    const raw = count.isZero() ? count : count.times(constant(rule.points));
    const { applied, notApplied } = applyCap(raw, rule.cap);
    const lines = traced(ctx, () => {
      let line = `${describe(rule.input, value)}`;
      if (value === undefined) line += `（${rule.effect === 'deduct' ? NO_FINDING : NOT_ACHIEVED}）`;
      if (count.gt(0)) line += ` → ${fmt(count)}次 × ${fmt(rule.points)}分 = ${signed(rule.effect, raw)}`;
      if (notApplied.gt(0)) line += `（本条最多${rule.effect === 'deduct' ? '扣' : '得'}${fmt(rule.cap ?? 0)}分，${fmt(notApplied)}分不计）`;
      return [line];
    });
    return effectOutcome(rule.effect, applied, lines, notApplied);
  },
};
