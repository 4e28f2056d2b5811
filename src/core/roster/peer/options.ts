import * as z from 'zod';
import { lazySchema } from '../../files/lazySchema';
import { MibError } from '../../messages/errors';
import { zodProblems } from '../../messages/zodMessages';
import { pct } from '../../numbers/decimal';
import type { PeerOptions } from '../types';

/** The documented defaults (docs/编写考核表与政策.md): equal-width intervals, nothing trimmed, the lowest
 * 20% of the peers as the low band, A6's 20% read as the printed 占比, 20% of 7 rounded half up, and
 * equal measures all on the better side of a cut. */
export const defaultPeerOptions: PeerOptions = {
  intervals: 'equal-width',
  trim: 0,
  lowBandShare: 0.2,
  a6LowBand: 'fixed',
  tierRounding: 'round',
  ties: 'better',
  trimmedHighInterval: 'printed',
};

/** The options as the command line and the pane hand them over: any subset, each checked. */
export const PeerOptionsSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      intervals: z.enum(['equal-width', 'equal-count']).describe('区间划分：equal-width = 等宽（按最小值到最大值等分），equal-count = 等人数'),
      trim: z.number().min(0).lt(0.5).describe('划分区间前两端各剔除的比例（0 = 不剔除）；剔除的值分别参照第一区间、最后区间'),
      lowBandShare: z.number().gt(0).max(1).describe('低位区间占同级机构的比例，如 0.2'),
      a6LowBand: z.enum(['fixed', 'peers']).describe('威海 A6 “低位区间占比20%”：fixed = 占比 20% 及以下，peers = 同级机构中最低的 20%'),
      tierRounding: z.enum(['round', 'floor', 'ceil']).describe('按比例算家数时的取整：round = 四舍五入，floor = 去尾，ceil = 进一'),
      ties: z.enum(['better', 'worse']).describe('数据相同跨越分界时：better = 都归较好的一侧，worse = 都归较差的一侧'),
      trimmedHighInterval: z
        .enum(['printed', 'last'])
        .describe('剔除的过高值：printed = 参照原文所写的区间（威海 A5 “过高的增长率参照第三区间评分”），last = 归最后一个区间'),
      fundGrowth: z
        .number()
        .gt(-1)
        .lt(10)
        .describe('当年医保基金收入增长幅度（如 0.05 即 5%）：威海 A5 “第一区间最低值不应大于”它；不给则不用这一句，并在口径中写明'),
    })
    .partial()
    .strict(),
);

/** The options with the defaults filled in; a bad option is a refusal naming it, in Chinese. */
export function peerOptionsOf(options: Partial<PeerOptions> = {}): PeerOptions {
  const parsed = PeerOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    throw new MibError(
      'invalid-argument',
      problems[0]?.field ?? 'peer',
      `名册的选项有误：${problems.map((p) => p.message).join('；')}`,
      `bad roster option: ${problems.map((p) => p.messageEn).join('; ')}`,
    );
  }
  return { ...defaultPeerOptions, ...parsed.data };
}

/** The readings in words, for the sheet's header and each trace line. */
export const peerOptionWords = {
  intervals: { 'equal-width': '等宽区间', 'equal-count': '等人数区间' },
  tierRounding: { round: '四舍五入', floor: '去尾', ceil: '进一' },
  ties: { better: '并列归较好一侧', worse: '并列归较差一侧' },
  a6LowBand: { fixed: '按原文的占比', peers: '按同级机构最低的一部分' },
  trimmedHighInterval: { printed: '参照原文所写的区间', last: '归最后一个区间' },
} as const;

/** Every option in one line of words, for a report's header: "等宽区间；不剔除；低位区间为同级最低的 20%；…". */
export function peerOptionsText(options: PeerOptions): string {
  return [
    peerOptionWords.intervals[options.intervals],
    options.trim === 0 ? '不剔除过高或过低的数据' : `两端各剔除 ${pct(options.trim)}`,
    `低位区间为同级最低的 ${pct(options.lowBandShare)}`,
    `威海 A6 低位区间${peerOptionWords.a6LowBand[options.a6LowBand]}`,
    `按比例算家数${peerOptionWords.tierRounding[options.tierRounding]}`,
    `数据相同跨越分界时${peerOptionWords.ties[options.ties]}`,
    `剔除的过高值${peerOptionWords.trimmedHighInterval[options.trimmedHighInterval]}`,
    ...(options.fundGrowth === undefined ? [] : [`当年医保基金收入增长幅度 ${pct(options.fundGrowth)}`]),
  ].join('；');
}
