import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D } from '../numbers/decimal';
import { InputSpecSchema, listOptionsSchema } from '../scoring/inputs';
import { PeerIntervalsSchema } from './peer';
import { asDec, describe, traced } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** A peer interval that needs every institution's data: "从低到高依次平均划分为三个区间，第一区间得满分；
 * 第二区间扣2分；第三区间扣4分" (威海 A3–A5). Until the roster computes intervals, the reviewer enters the
 * band; `cutPoints` says how the text divides the peers. A missing band counts as the last (not achieved). */
export const BandSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('band'),
      input: InputSpecSchema.extend({ type: z.literal('band'), options: listOptionsSchema() }),
      deductions: z.array(z.number().nonnegative()).min(2).describe('各区间扣的分，与 input.options 一一对应'),
      cutPoints: z.string().min(1).describe('区间怎么划分，照原文（写给审核人看）'),
      peer: PeerIntervalsSchema.optional(),
      ...clauseBase,
    })
    .strict()
    .refine((r) => r.deductions.length === r.input.options.length, { message: '区间数与扣分数不一致' })
    .refine((r) => (r.peer?.trimmedHighInterval ?? 1) <= r.input.options.length, {
      message: 'peer.trimmedHighInterval 大于区间数',
      path: ['peer', 'trimmedHighInterval'],
    }),
);
export type BandRule = z.infer<typeof BandSchema>;

export const band: RuleDefinition<BandRule> = {
  inputs: (rule) => [rule.input],
  role: () => 'deduct',
  blankMeans: (rule) => {
    const last = rule.deductions.length - 1;
    const amount = rule.deductions[last] ?? 0;
    const what = amount === 0 ? { zh: '不扣分', en: 'nothing deducted' } : { zh: `扣${amount}分`, en: `${amount} deducted` };
    return {
      zh: `不填按最后一档（${rule.input.options[last] ?? ''}）计，${what.zh}`,
      en: `blank counts as the last interval (${rule.input.options[last] ?? ''}): ${what.en}`,
    };
  },
  evaluate(rule, ctx) {
    const raw = ctx.value(rule.input);
    const value = asDec(raw);
    const index = value === undefined ? rule.deductions.length - 1 : value.toNumber() - 1;
    const deduct = new D(rule.deductions[index] ?? 0);
    return {
      deduct,
      lines: traced(ctx, () => {
        const head = value === undefined ? `${describe(rule.input, raw)}，按${rule.input.options[index] ?? ''}计` : describe(rule.input, raw);
        return [`${head} → ${deduct.isZero() ? '不扣分' : `扣${deduct.toString()}分`}`];
      }),
    };
  },
};
