import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { D, ZERO } from '../decimal';
import { InputSpecSchema } from '../inputs';
import { asDec, blankNotAchieved, EARNS_NOTHING, describe, NOT_ACHIEVED } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** One of several printed outcomes: "按期完成工作得10分，按期完成工作但效果较差的得5分，其余情况不得分"
 * (威海 B6); 基层服务 等次 优秀/良好/一般/不合格 (威海 一级 B3). A missing choice earns nothing. */
export const ChoiceSchema = /*#__PURE__*/ lazySchema(() => z
  .object({
    kind: z.literal('choice'),
    input: InputSpecSchema.extend({ type: z.literal('choice'), options: z.array(z.string()).min(2) }),
    points: z.array(z.number().nonnegative()).min(2),
    ...clauseBase,
  })
  .strict()
  .refine((r) => r.points.length === r.input.options.length, { message: '选项数与分值数不一致' }));
export type ChoiceRule = z.infer<typeof ChoiceSchema>;

export const choice: RuleDefinition<ChoiceRule> = {
  inputs: (rule) => [rule.input],
  role: () => 'earn',
  blankMeans: () => blankNotAchieved(EARNS_NOTHING),
  maxEarn: (rule) => D.max(...rule.points.map((p) => new D(p))),
  evaluate(rule, ctx) {
    const raw = ctx.value(rule.input);
    const value = asDec(raw);
    const earn = value === undefined ? ZERO : new D(rule.points[value.toNumber() - 1] ?? 0);
    return { earn, lines: [`${describe(rule.input, raw)} → ${value === undefined ? `${NOT_ACHIEVED}，` : ''}得${earn.toString()}分`] };
  },
};
