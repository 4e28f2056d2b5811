import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import {
  asDec,
  blankNotAchieved,
  boundText,
  compare,
  ComparisonSchema,
  deductionWords,
  describe,
  notEarnedWords,
  NOT_ACHIEVED,
  opText,
  resolvePoints,
  signed,
  traced,
  effectOutcome,
} from './shared';
import { clauseBase, pointsSchema, type RuleDefinition, effectSchema } from './types';

/** A measured ratio against a printed bound: "网采率未达到90%的不得分" (江北 20: `< 0.9`, deduct all),
 * "占总结算笔数未达到50%的扣10分" (江北 18.1), "占比30%的，得5分" (江北 21: `>= 0.3`, earn 5),
 * "网下采购超过1%的，扣5分" (威海 C13: `> 0.01`). `when` is the condition under which the effect applies.
 * A missing measurement counts as not achieved: a deduction applies, an earning does not. */
export const ThresholdSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('threshold'),
      input: InputSpecSchema.extend({ type: z.enum(['ratio', 'signedRatio', 'number']) }),
      when: z
        .object({ op: ComparisonSchema, value: z.number().describe('界限值；比例写小数：50% 写 0.5') })
        .strict()
        .describe('条件成立时扣分（或得分）：“未达到50%”写 { "op": "<", "value": 0.5 }'),
      effect: effectSchema,
      points: pointsSchema,
      /** the condition as another sentence of the table puts the bound (江北 20 指标释义 “药品网采率是否高于90%”:
       * `<=`, so exactly 90% also fails); used when the rubric's `boundaryReading` is "definition" */
      otherReading: z
        .object({ op: ComparisonSchema, text: z.string().min(1).describe('另一种写法的原文') })
        .strict()
        .optional()
        .describe('（可不填）指标释义对界限的另一种写法；考核表 boundaryReading 为 definition 时按它'),
      ...clauseBase,
    })
    .strict(),
);
export type ThresholdRule = z.infer<typeof ThresholdSchema>;

export const threshold: RuleDefinition<ThresholdRule> = {
  inputs: (rule) => [rule.input],
  role: (rule) => rule.effect,
  blankMeans: (rule) => {
    const words = rule.effect === 'earn' ? notEarnedWords(rule.points) : deductionWords(rule.points);
    return blankNotAchieved(words);
  },
  maxEarn: (rule, itemPoints) => (rule.points === 'all' ? itemPoints : new D(rule.points)),
  evaluate(rule, ctx) {
    const value = asDec(ctx.value(rule.input));
    const holds = value === undefined ? rule.effect === 'deduct' : compare(value, rule.when.op, rule.when.value);
    const amount = holds ? resolvePoints(rule.points, ctx) : ZERO;
    const lines = traced(ctx, () => {
      const cond = `${opText[rule.when.op]} ${boundText(rule.input, rule.when.value)}`;
      const verdict = value === undefined ? NOT_ACHIEVED : holds ? `${cond} 成立` : `${cond} 不成立`;
      const tail = holds ? ` → ${rule.points === 'all' ? '不得分（' + signed(rule.effect, amount) + '）' : signed(rule.effect, amount)}` : '';
      return [`${describe(rule.input, ctx.value(rule.input))}（${verdict}）${tail}`];
    });
    return effectOutcome(rule.effect, amount, lines);
  },
};
