import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, fmt } from '../numbers/decimal';
import { linear, LinearSchema } from './linear';
import { table, TableSchema } from './table';
import { threshold, ThresholdSchema } from './threshold';
import { traced } from './shared';
import { clauseBase, type RuleContext, type RuleDefinition, type RuleOutcome } from './types';

/** Two or more ways to earn an item, the higher counts: "满足以上任意一条均可得分，按高分计算" (威海 A6).
 * Each method is an earning clause of its own with its own input. */
const MethodSchema = /*#__PURE__*/ lazySchema(() => z.union([LinearSchema, TableSchema, ThresholdSchema]));
type Method = z.infer<typeof MethodSchema>;

export const BestOfSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('bestOf'),
      methods: z.array(MethodSchema).min(2).describe('各种计分方法（linear、table 或 threshold，均为得分），按高分计'),
      ...clauseBase,
    })
    .strict()
    .refine((r) => r.methods.every((m) => (m.kind !== 'linear' && m.kind !== 'threshold' ? true : m.effect === 'earn')), {
      message: '按高分计算的各方法须为得分方法（effect: earn）',
    }),
);
export type BestOfRule = z.infer<typeof BestOfSchema>;

function evaluateMethod(method: Method, ctx: RuleContext): RuleOutcome {
  switch (method.kind) {
    case 'linear':
      return linear.evaluate(method, ctx);
    case 'table':
      return table.evaluate(method, ctx);
    case 'threshold':
      return threshold.evaluate(method, ctx);
  }
}

function methodMax(method: Method, itemPoints: InstanceType<typeof D>) {
  switch (method.kind) {
    case 'linear':
      return linear.maxEarn?.(method, itemPoints) ?? itemPoints;
    case 'table':
      return table.maxEarn?.(method, itemPoints) ?? itemPoints;
    case 'threshold':
      return threshold.maxEarn?.(method, itemPoints) ?? itemPoints;
  }
}

export const bestOf: RuleDefinition<BestOfRule> = {
  inputs: (rule) => rule.methods.map((m) => m.input),
  role: () => 'earn',
  // each method is scored on its own (a blank method earns 0, 按未达到计); the higher counts
  blankMeans: () => ({
    zh: '不填视为此方法未达到（得0分），按其他方法的高分计',
    en: 'blank counts as this method not achieved (0): the other method’s score counts',
  }),
  maxEarn: (rule, itemPoints) => D.max(...rule.methods.map((m) => methodMax(m, itemPoints))),
  evaluate(rule, ctx) {
    const outcomes = rule.methods.map((m) => evaluateMethod(m, ctx));
    const earns = outcomes.map((o) => o.earn ?? new D(0));
    const best = D.max(...earns);
    const lines = traced(ctx, () => [
      ...outcomes.flatMap((o, i) => o.lines.map((l) => `方法${i + 1}：${l}`)),
      `按高分计算：max(${earns.map((e) => fmt(e)).join(', ')}) = ${fmt(best)}分`,
    ]);
    return { earn: best, lines };
  },
};
