import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { asDec, describe, traced } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** Points fixed by another instrument and entered as they are: "按当年度医保信用评价指标体系标准确定"
 * (威海 B5). The input is validated within [0, max]; a missing entry earns nothing. */
export const ManualSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('manual'),
      input: InputSpecSchema.extend({ type: z.literal('points'), max: z.number().positive() }),
      ...clauseBase,
    })
    .strict(),
);
export type ManualRule = z.infer<typeof ManualSchema>;

export const manual: RuleDefinition<ManualRule> = {
  inputs: (rule) => [rule.input],
  role: () => 'earn',
  blankMeans: () => ({ zh: '不填按0分计', en: 'blank counts as 0 points' }),
  maxEarn: (rule) => new D(rule.input.max),
  evaluate(rule, ctx) {
    const raw = ctx.value(rule.input);
    const earn = asDec(raw) ?? ZERO;
    return { earn, lines: traced(ctx, () => [`${describe(rule.input, raw)} → ${raw === undefined ? '按0分计，' : ''}得${earn.toString()}分`]) };
  },
};
