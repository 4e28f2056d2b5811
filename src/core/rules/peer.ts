import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';

/**
 * A clause that depends on the peers says so here (issue 14), so that a region's own table can declare
 * its own: in a roster its column holds the raw measure (a growth rate, a 自费率, a score, a 办理量) and
 * the roster computes what a one-institution sheet has typed by hand (the interval, the excess over the
 * low band, the tier, the rank). A one-institution sheet ignores it.
 */
const measure = () => z.string().min(1).describe('名册里这一列填的原始数据，如 门诊次均费用增长率');

/** 威海 A3–A5 "从低到高依次平均划分为…个区间": the roster puts each peer's measure in an interval. */
export const PeerIntervalsSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('intervals').describe('同级机构的数据从低到高划分区间，本机构所在区间即本条的输入'),
      measure: measure(),
      trimmedHighInterval: z
        .number()
        .int()
        .positive()
        .optional()
        .describe(
          '（可不填）原文写的剔除的过高值参照第几区间评分：威海 A5 划分四个区间却写“过高的增长率参照第三区间评分”，填 3；不填为最后一个区间。名册按选项 trimmedHighInterval 取原文（printed，默认）或最后区间（last）',
        ),
      fundGrowthBound: z
        .literal(true)
        .optional()
        .describe(
          '（可不填）原文写“原则上，增长率第一区间最低值不应大于当年医保基金收入增长幅度”（威海 A5）：名册给出基金收入增长幅度（--fund-growth 或“基金收入增长幅度”列）时第一区间自不高于它的值起划分，未给时列为口径说明',
        ),
    })
    .strict()
    .describe('（可不填）名册里按同级机构划分区间：本列填原始数据（如增长率 5% 或 0.05），区间由名册算出'),
);

/** 威海 A1, A2 "合理设置低位区间", A6 "低位区间占比20%": the roster sets the low band from the peers. */
export const PeerLowBandSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('lowBand').describe('低位区间由同级机构中最低的一部分定出'),
      measure: measure(),
      printed: z
        .literal(true)
        .optional()
        .describe('（可不填）原文印了低位区间（威海 A6 “低位区间占比20%”）：名册按选项 a6LowBand 取原文的区间（fixed）或同级最低的一部分（peers）'),
    })
    .strict()
    .describe('（可不填）名册里按同级机构设低位区间：本列填比率本身，名册算出高于区间上限的幅度'),
);

/** 威海 一级 B3 "根据得分由高到低排名，分别为优秀，占比20%…": the roster puts each peer's score in a tier. */
export const PeerTiersSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('tiers').describe('同级机构按得分由高到低分档'),
      measure: measure(),
      shares: z.array(z.number().positive().max(1)).min(2).describe('由高到低各档的占比，与选项的前几项一一对应，合计为 1：如 [0.2, 0.6, 0.2]'),
      fail: z.string().min(1).optional().describe('（可不填）不参加排名、直接定档的词及其选项（如 不合格）：名册里本列可填这个词'),
    })
    .strict()
    .refine((p) => Math.abs(p.shares.reduce((a, b) => a + b, 0) - 1) < 1e-9, { message: '各档占比合计须为 1' })
    .describe('（可不填）名册里按同级机构的得分分档：本列填得分，等次由名册算出'),
);

/** 江北 23.1 "医保业务办理量排名前3": the roster ranks the peers' measure. */
export const PeerRankingSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('ranking').describe('同级机构按数据排名，名次即本条的输入'),
      measure: measure(),
      order: z.enum(['descending', 'ascending']).describe('descending = 由高到低排名（数大的第 1），ascending = 由低到高'),
    })
    .strict()
    .describe('（可不填）名册里按同级机构排名：本列填原始数据（如办理量），名次由名册算出'),
);

export type PeerIntervals = z.infer<typeof PeerIntervalsSchema>;
export type PeerLowBand = z.infer<typeof PeerLowBandSchema>;
export type PeerTiers = z.infer<typeof PeerTiersSchema>;
export type PeerRanking = z.infer<typeof PeerRankingSchema>;
export type PeerDeclaration = PeerIntervals | PeerLowBand | PeerTiers | PeerRanking;
