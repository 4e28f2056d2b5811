import { cmp, type Dec, pct } from '../../numbers/decimal';
import type { PeerIntervals } from '../../rules/peer';
import type { PeerOptions } from '../types';
import { peerOptionWords } from './options';
import {
  cutsText,
  equalRuns,
  groupHead,
  groupName,
  MemberReadings,
  type PeerClauseContext,
  type PeerComputation,
  type PeerMember,
  type Said,
  sortedMembers,
} from './shared';

/** What the clause prints about its intervals, and the group's fund income growth where one is given. */
export interface IntervalText {
  /** the peer declaration: its printed interval for trimmed high values, its fund-growth bound */
  declaration: PeerIntervals;
  /** the year's fund income growth for this group (--fund-growth or the roster's column) */
  fundGrowth?: Dec;
}

/**
 * 威海 A3–A5 "从低到高依次平均划分为三个区间…对于增长率分布离散程度较大的，划分区间时可剔除部分过高或过低的数据。
 * 过低的增长率参照第一区间评分，过高的增长率参照第三区间评分": each peer's interval (1 = lowest). Equal width
 * divides [min, max] of the kept measures; equal count divides the kept peers. A measure on a cut point
 * goes to the lower interval; the trimmed low ones count in the first interval, the trimmed high ones in
 * the interval the text names (A5: the third of four) or, with the option `last`, in the last.
 * A5 "原则上，增长率第一区间最低值不应大于当年医保基金收入增长幅度": with the fund's growth given and below
 * the lowest kept measure, equal-width intervals divide [growth, max], so that the first interval starts at
 * it; equal-count intervals are counted by institutions, so nobody moves. Not given, the reading says so.
 */
export function peerIntervals(
  members: readonly PeerMember[],
  labels: readonly string[],
  options: PeerOptions,
  ctx: PeerClauseContext,
  printed?: IntervalText,
): PeerComputation {
  const n = labels.length;
  const sorted = sortedMembers(members);
  const count = sorted.length;
  // never trim the whole group: at least one measure stays to divide
  const trimmed = Math.min(Math.floor(options.trim * count), Math.floor((count - 1) / 2));
  const core = sorted.slice(trimmed, count - trimmed);
  const printedHigh = Math.min(n, printed?.declaration.trimmedHighInterval ?? n);
  const highInterval = options.trimmedHighInterval === 'printed' ? printedHigh : n;
  const intervalOf = new Map<number, number>();
  sorted.slice(0, trimmed).forEach((m) => intervalOf.set(m.key, 1));
  sorted.slice(count - trimmed).forEach((m) => intervalOf.set(m.key, highInterval));
  const bound = fundGrowthBound(core, options, printed);
  const cutPoints = options.intervals === 'equal-width' ? equalWidth(core, n, intervalOf, bound.from) : equalCount(core, n, options.ties, intervalOf);
  const highWords =
    printedHigh === n
      ? `过高的参照${labels[n - 1] ?? ''}`
      : options.trimmedHighInterval === 'printed'
        ? `过高的按原文参照${labels[highInterval - 1] ?? ''}（另一读法：归${labels[n - 1] ?? ''}，须在名册的同级比较口径中写明）`
        : `过高的归最后的${labels[n - 1] ?? ''}（经办机构的读法；原文写参照${labels[printedHigh - 1] ?? ''}）`;
  const trimWords = trimmed === 0 ? '不剔除' : `两端各剔除 ${trimmed} 家（${pct(options.trim)}），过低的参照第一区间、${highWords}`;
  const tieWords = options.intervals === 'equal-width' ? '分界点上的值归较低区间' : `分界点上的值归较低区间，${peerOptionWords.ties[options.ties]}`;
  const reading = [peerOptionWords.intervals[options.intervals], trimWords, tieWords, ...(bound.words ? [bound.words] : [])].join('，');
  const cuts = cutsText(cutPoints, ctx.show);
  const intervals = sorted.map((member) => intervalOf.get(member.key) ?? n);
  const said = intervalSaid(`分界点 ${cuts}（${reading}）→ `, labels, intervals, trimmed, count);
  const readings = new MemberReadings(ctx, sorted, (position) => intervals[position]!, said);
  return {
    group: {
      ...groupHead(ctx, 'intervals', reading, count),
      cutPoints,
      trimmedLow: trimmed,
      trimmedHigh: trimmed,
      ...(bound.from && { firstIntervalFrom: bound.from }),
      lines: [`${ctx.inputId} ${ctx.measureName}（${groupName(ctx.group)}，${count} 家）：${reading}；分界点 ${cuts}`],
    },
    readings,
  };
}

/** What a member's interval says, made apart from the computation so that it holds only the group's words and
 * each position's interval, never the members. */
function intervalSaid(head: string, labels: readonly string[], intervals: readonly number[], trimmed: number, count: number): Said {
  return (position) => {
    const why = position < trimmed ? '（剔除的过低值）' : position >= count - trimmed ? '（剔除的过高值）' : '';
    return `${head}${labels[intervals[position]! - 1] ?? intervals[position]}${why}`;
  };
}

const FUND_GROWTH_TEXT = '原文“原则上，增长率第一区间最低值不应大于当年医保基金收入增长幅度”';

/**
 * The fund-growth bound of the first interval: where the clause prints it, `from` is the growth when it is
 * below the lowest kept measure (equal-width intervals then start there), and `words` says what was done:
 * applied, not needed, not applicable to equal-count intervals, or not applied for want of the growth.
 */
function fundGrowthBound(core: PeerMember[], options: PeerOptions, printed?: IntervalText): { from?: Dec; words?: string } {
  if (printed?.declaration.fundGrowthBound !== true) return {};
  const growth = printed.fundGrowth;
  if (growth === undefined) return { words: `${FUND_GROWTH_TEXT}未用：未给当年医保基金收入增长幅度（名册的“基金收入增长幅度”列）` };
  const lowest = core[0]!.measure;
  if (cmp(growth, lowest) >= 0) return { words: `${FUND_GROWTH_TEXT}：最低值 ${pct(lowest)} 不大于基金收入增长幅度 ${pct(growth)}，区间不变` };
  if (options.intervals === 'equal-count')
    return { words: `${FUND_GROWTH_TEXT}：等人数区间按家数划分，第一区间自基金收入增长幅度 ${pct(growth)} 起，各家所在区间不变` };
  return { from: growth, words: `${FUND_GROWTH_TEXT}：最低值 ${pct(lowest)} 大于基金收入增长幅度 ${pct(growth)}，区间自 ${pct(growth)} 起等宽划分` };
}

/** n intervals of equal width over [min, max] of the kept measures (from `from` where the fund-growth
 * bound sets the first interval's lowest value lower); returns the n − 1 cut points. */
function equalWidth(core: PeerMember[], n: number, intervalOf: Map<number, number>, from?: Dec): Dec[] {
  const low = from ?? core[0]!.measure;
  const width = core[core.length - 1]!.measure.minus(low).div(n);
  const cutPoints = Array.from({ length: n - 1 }, (_, i) => low.plus(width.times(i + 1)));
  for (const member of core) {
    const below = cutPoints.findIndex((cut) => cmp(member.measure, cut) <= 0);
    intervalOf.set(member.key, below === -1 ? n : below + 1);
  }
  return cutPoints;
}

/** n intervals of (nearly) equal count; equal measures straddling a cut all go to the better (lower) or
 * the worse interval as `ties` says. Returns each interval's upper limit but the last's. */
function equalCount(core: PeerMember[], n: number, ties: PeerOptions['ties'], intervalOf: Map<number, number>): Dec[] {
  const m = core.length;
  const starts = Array.from({ length: n }, (_, i) => Math.floor((i * m) / n));
  const intervalAt = (position: number) => {
    let i = n - 1;
    while (i > 0 && starts[i]! > position) i--;
    return i + 1;
  };
  const runs = equalRuns(core);
  core.forEach((member, p) => intervalOf.set(member.key, intervalAt(ties === 'better' ? runs.first[p]! : runs.last[p]!)));
  // the cut after interval i: the largest measure that ends up in an interval ≤ i
  return Array.from({ length: n - 1 }, (_, i) => {
    let upper: Dec | undefined;
    for (const member of core) if ((intervalOf.get(member.key) ?? n) <= i + 1) upper = member.measure;
    return upper ?? core[0]!.measure;
  });
}
