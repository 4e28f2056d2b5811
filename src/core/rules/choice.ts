import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema, listOptionsSchema } from '../scoring/inputs';
import { asDec, blankNotAchieved, EARNS_NOTHING, describe, NOT_ACHIEVED, traced } from './shared';
import { fmt } from '../numbers/decimal';
import { PeerTiersSchema } from './peer';
import { clauseBase, type RuleDefinition } from './types';

/** One of several printed outcomes: "按期完成工作得10分，按期完成工作但效果较差的得5分，其余情况不得分"
 * (威海 B6); 基层服务 等次 优秀/良好/一般/不合格 (威海 一级 B3). A missing choice earns nothing.
 * `percentOf`: the table also prints "按得分的百分数×30分，例：得分85…=25.5" (威海 一级 B3), a score the
 * grades alone cannot give; where that 0–100 score is entered it counts (points × score%), else the grade. */
export const ChoiceSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('choice'),
      input: InputSpecSchema.extend({ type: z.literal('choice'), options: listOptionsSchema() }),
      points: z.array(z.number().nonnegative()).min(2).describe('各选项得的分，与 input.options 一一对应'),
      percentOf: z
        .object({ input: InputSpecSchema.extend({ type: z.literal('number') }), points: z.number().positive().describe('得分 × 百分比的基数') })
        .strict()
        .optional()
        .describe('（可不填）另给一个 0–100 的得分时按 分值 × 得分% 计（威海 一级 B3）'),
      peer: PeerTiersSchema.optional(),
      ...clauseBase,
    })
    .strict()
    .refine((r) => r.points.length === r.input.options.length, { message: '选项数与分值数不一致' })
    .refine((r) => !r.peer || r.peer.shares.length + (r.peer.fail ? 1 : 0) === r.input.options.length, {
      message: 'peer.shares 的档数（加上 fail 的一档）须与选项数一致',
    }),
);
export type ChoiceRule = z.infer<typeof ChoiceSchema>;

export const choice: RuleDefinition<ChoiceRule> = {
  inputs: (rule) => (rule.percentOf ? [rule.input, rule.percentOf.input] : [rule.input]),
  role: () => 'earn',
  blankMeans: () => blankNotAchieved(EARNS_NOTHING),
  maxEarn: (rule) => D.max(...rule.points.map((p) => new D(p)), rule.percentOf?.points ?? 0),
  evaluate(rule, ctx) {
    const score = rule.percentOf ? asDec(ctx.value(rule.percentOf.input)) : undefined;
    if (rule.percentOf && score !== undefined) {
      const { percentOf } = rule;
      const earn = score.div(100).times(percentOf.points);
      const grade = ctx.value(rule.input);
      const lines = traced(ctx, () => [
        `${describe(percentOf.input, score)} → ${fmt(score)}%×${fmt(percentOf.points)} = ${fmt(earn)}分`,
        ...(grade !== undefined ? [`${describe(rule.input, grade)}：已填得分，按得分计，等次不另计`] : []),
      ]);
      return { earn, lines };
    }
    const raw = ctx.value(rule.input);
    const value = asDec(raw);
    const earn = value === undefined ? ZERO : new D(rule.points[value.toNumber() - 1] ?? 0);
    return {
      earn,
      lines: traced(ctx, () => [`${describe(rule.input, raw)} → ${value === undefined ? `${NOT_ACHIEVED}，` : ''}得${earn.toString()}分`]),
    };
  },
};
