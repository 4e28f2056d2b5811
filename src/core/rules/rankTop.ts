import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { asDec, blankNotAchieved, describe, NOT_ACHIEVED, notEarnedWords, traced } from './shared';
import { PeerRankingSchema } from './peer';
import { clauseBase, type RuleDefinition } from './types';

/** Points for a place among the first N: "医保业务办理量排名前3加3分" (江北 23.1), "全市率先完成...的前13家
 * 定点医疗机构得10分" (威海 B7). The input is the rank (1 = first); a missing rank earns nothing. */
export const RankTopSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('rankTop'),
      input: InputSpecSchema.extend({ type: z.literal('rank') }),
      top: z.number().int().positive().describe('前几名：“排名前3”写 3'),
      points: z.number().positive().describe('进入前几名得的分'),
      peer: PeerRankingSchema.optional(),
      ...clauseBase,
    })
    .strict(),
);
export type RankTopRule = z.infer<typeof RankTopSchema>;

export const rankTop: RuleDefinition<RankTopRule> = {
  inputs: (rule) => [rule.input],
  role: () => 'earn',
  blankMeans: (rule) => blankNotAchieved(notEarnedWords(rule.points)),
  maxEarn: (rule) => new D(rule.points),
  evaluate(rule, ctx) {
    const raw = ctx.value(rule.input);
    const rank = asDec(raw);
    const inTop = rank !== undefined && rank.lte(rule.top);
    return {
      earn: inTop ? new D(rule.points) : ZERO,
      lines: traced(ctx, () => [
        `${describe(rule.input, raw)}（${rank === undefined ? NOT_ACHIEVED : `前${rule.top}名${inTop ? '之内' : '之外'}`}）→ 得${inTop ? rule.points : 0}分`,
      ]),
    };
  },
};
