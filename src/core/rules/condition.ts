import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import {
  blankNoFinding,
  blankNotAchieved,
  describe,
  NO_FINDING,
  NOT_ACHIEVED,
  notEarnedWords,
  resolvePoints,
  signed,
  effectOutcome,
  traced,
} from './shared';
import { clauseBase, pointsSchema, type RuleDefinition, effectSchema } from './types';

/** A fixed amount when a yes/no fact holds: "未达到...的扣10分", "未如实填报相关数据的不得分"
 * (points "all"), "提交影像资料佐证...得2分" (earned), "符合要求的得5分".
 * Missing: no finding for a deduction, not achieved for an earning. */
export const ConditionSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('condition'),
      input: InputSpecSchema.extend({ type: z.literal('boolean') }),
      effect: effectSchema,
      points: pointsSchema,
      ...clauseBase,
    })
    .strict(),
);
export type ConditionRule = z.infer<typeof ConditionSchema>;

export const condition: RuleDefinition<ConditionRule> = {
  inputs: (rule) => [rule.input],
  role: (rule) => rule.effect,
  blankMeans: (rule) =>
    rule.effect === 'deduct' ? blankNoFinding({ zh: '不扣分', en: 'nothing deducted' }) : blankNotAchieved(notEarnedWords(rule.points)),
  maxEarn: (rule, itemPoints) => (rule.points === 'all' ? itemPoints : new D(rule.points)),
  evaluate(rule, ctx) {
    const value = ctx.value(rule.input);
    const amount = value === true ? resolvePoints(rule.points, ctx) : ZERO;
    const lines = traced(ctx, () => {
      const blank = value === undefined ? `（${rule.effect === 'deduct' ? NO_FINDING : NOT_ACHIEVED}）` : '';
      const tail = value === true ? ` → ${rule.points === 'all' ? `不得分（${signed(rule.effect, amount)}）` : signed(rule.effect, amount)}` : '';
      return [`${describe(rule.input, value)}${blank}${tail}`];
    });
    return effectOutcome(rule.effect, amount, lines);
  },
};
