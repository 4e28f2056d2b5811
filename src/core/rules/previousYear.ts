import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';

/**
 * A clause whose fact compares with last year ("比上年同期下降≥2%", "与去年持平", 威海 A6 method 2) may say
 * which of the table's measures it compares, so that `mib roster --previous <last year's roster>` can
 * compute the change itself: this year's value of `measure` (its column in this year's roster) against
 * last year's (the same column of last year's roster, or its 测量值 in a roster result workbook).
 *
 * - `difference`: this year − last year (percentage points for a ratio: 24% → 21% is −3%);
 * - `relative`: (this year − last year) / last year (a growth rate).
 *
 * The clause's own fact already is the change, so where the roster fills it, the value filled stands
 * and the reading says so; only a blank cell (or no column) is computed. Without `--previous` nothing
 * changes.
 */
export const PreviousYearSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      measure: z
        .string()
        .regex(/^([A-Z]?\d+)\.\d+$/, '输入编号须为“序号.序号”形式，如 30.1')
        .describe('与上年比较的是哪个事实（本表的输入编号，如 威海 A6 的 30.1 检查、化验费用占比）：本年取名单中该列，上年取上年名单中该列'),
      change: z
        .enum(['difference', 'relative'])
        .describe('变化怎么算：difference = 本年 − 上年（比例之差，即百分点），relative = （本年 − 上年）÷ 上年（增长率）'),
    })
    .strict()
    .describe(
      '（可不填）本条的事实是与上年相比的变化（“比上年同期下降”“与去年持平”）：名册给出上年名单（--previous）时，本列留空的由名册按上年数据算出',
    ),
);
export type PreviousYearDeclaration = z.infer<typeof PreviousYearSchema>;
export const previousYearChangeWords = { difference: '本年 − 上年', relative: '（本年 − 上年）÷ 上年' } as const;
