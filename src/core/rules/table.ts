import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { D, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { asDec, blankNotAchieved, EARNS_NOTHING, boundText, compare, ComparisonSchema, describe, NOT_ACHIEVED, opText, traced } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** A list of printed outcomes tried in order, the first that holds wins: "比上年同期下降≥2%的，得10分；
 * 与去年持平的、得7分，...增幅≤2%的，得5分,大于2%的不得分" (威海 A6 method 2). A missing measurement
 * earns nothing. */
export const TableSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('table'),
      input: InputSpecSchema.extend({ type: z.enum(['ratio', 'signedRatio', 'number']) }),
      rows: z
        .array(
          z
            .object({ op: ComparisonSchema, value: z.number().describe('界限值；比例写小数'), points: z.number().nonnegative().describe('得的分') })
            .strict(),
        )
        .min(1)
        .describe('分档，从上往下第一个成立的档计分'),
      otherwise: z.number().nonnegative().describe('各档都不成立时得的分'),
      ...clauseBase,
    })
    .strict(),
);
export type TableRule = z.infer<typeof TableSchema>;

export const table: RuleDefinition<TableRule> = {
  inputs: (rule) => [rule.input],
  role: () => 'earn',
  blankMeans: () => blankNotAchieved(EARNS_NOTHING),
  maxEarn: (rule) => D.max(new D(rule.otherwise), ...rule.rows.map((r) => new D(r.points))),
  evaluate(rule, ctx) {
    const raw = ctx.value(rule.input);
    const value = asDec(raw);
    if (value === undefined) return { earn: ZERO, lines: traced(ctx, () => [`${describe(rule.input, raw)} → ${NOT_ACHIEVED}，得0分`]) };
    const row = rule.rows.find((r) => compare(value, r.op, r.value));
    const earn = new D(row ? row.points : rule.otherwise);
    const why = () => (row ? `${opText[row.op]} ${boundText(rule.input, row.value)}` : '其余情况');
    return { earn, lines: traced(ctx, () => [`${describe(rule.input, raw)}（${why()}）→ 得${earn.toString()}分`]) };
  },
};
