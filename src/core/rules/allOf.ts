import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { asDec, blankNotAchieved, boundText, compare, ComparisonSchema, describe, NOT_ACHIEVED, notEarnedWords, opText, traced } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** Several conditions that must all hold to earn the points: "电子处方开方量占总开方量20%、
 * 电子处方结算量占总结算量50%的，得5分" (江北 22). A yes/no part holds when it is 是; a missing part
 * is not achieved. */
const PartSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      input: InputSpecSchema.extend({ type: z.enum(['ratio', 'number', 'boolean']) }),
      op: ComparisonSchema.optional().describe('（是/否条件不填）比较：<、<=、>、>=、='),
      value: z.number().optional().describe('（是/否条件不填）界限值；比例写小数：20% 写 0.2'),
    })
    .strict()
    .refine((p) => (p.input.type === 'boolean') === (p.op === undefined && p.value === undefined), {
      message: '是/否条件不带比较；比例或数值条件须有 op 与 value',
    }),
);

export const AllOfSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('allOf'),
      parts: z.array(PartSchema).min(2).describe('须同时达到的条件（至少两个）'),
      points: z.number().positive().describe('全部达到时得的分'),
      ...clauseBase,
    })
    .strict(),
);
export type AllOfRule = z.infer<typeof AllOfSchema>;

export const allOf: RuleDefinition<AllOfRule> = {
  inputs: (rule) => rule.parts.map((p) => p.input),
  role: () => 'earn',
  blankMeans: (rule) => blankNotAchieved(notEarnedWords(rule.points)),
  maxEarn: (rule) => new D(rule.points),
  evaluate(rule, ctx) {
    const raws = rule.parts.map((part) => ctx.value(part.input));
    const holds = rule.parts.map((part, k) => {
      const raw = raws[k];
      if (part.input.type === 'boolean') return raw === true;
      const value = asDec(raw);
      return value !== undefined && compare(value, part.op ?? '>=', part.value ?? 0);
    });
    const all = holds.every(Boolean);
    const lines = traced(ctx, () => [
      ...rule.parts.map((part, k) => {
        const raw = raws[k];
        const cond = part.input.type === 'boolean' ? '' : `${opText[part.op ?? '>=']} ${boundText(part.input, part.value ?? 0)} `;
        const verdict = raw === undefined ? NOT_ACHIEVED : holds[k] ? '达到' : '未达到';
        return `${describe(part.input, raw)}（${cond}${verdict}）`;
      }),
      all ? `全部达到 → 得${rule.points}分` : '未全部达到 → 不得分',
    ]);
    return { earn: all ? new D(rule.points) : ZERO, lines };
  },
};
