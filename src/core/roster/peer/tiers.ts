import { type Dec, pct } from '../../numbers/decimal';
import type { PeerOptions } from '../types';
import { peerOptionWords } from './options';
import {
  equalRuns,
  groupHead,
  groupName,
  MemberReadings,
  type PeerClauseContext,
  type PeerComputation,
  type PeerMember,
  type Said,
  shareCount,
  sortedMembers,
} from './shared';

/**
 * 威海 一级 B3 "考核结果根据得分由高到低排名，分别为优秀，占比20%…良好，占比60%…一般，占比20%": each peer's tier
 * (1 = best). Tier j ends after round(n × the shares up to j) peers (rounded as `tierRounding` says), the
 * last tier takes the rest; equal scores across a boundary all go to the higher tier (ties better) or the
 * lower (ties worse).
 */
export function peerTiers(
  members: readonly PeerMember[],
  shares: readonly number[],
  labels: readonly string[],
  options: PeerOptions,
  ctx: PeerClauseContext,
): PeerComputation {
  const sorted = sortedMembers(members, true);
  const count = sorted.length;
  let cumulative = 0;
  const ends: number[] = [];
  shares.forEach((share, j) => {
    cumulative += share;
    const end = j === shares.length - 1 ? count : Math.min(count, shareCount(Math.round(cumulative * 1e9) / 1e9, count, options.tierRounding));
    ends.push(Math.max(end, ends[j - 1] ?? 0));
  });
  const tierAt = (position: number) => ends.findIndex((end) => position < end) + 1;
  const runs = equalRuns(sorted);
  const tierOf = sorted.map((_, p) => tierAt(options.ties === 'better' ? runs.first[p]! : runs.last[p]!));
  const counts = shares.map((_, j) => tierOf.filter((t) => t === j + 1).length);
  // each tier's lowest score (the boundary a reviewer checks), for the tiers that hold anyone
  const cutPoints: Dec[] = [];
  for (let j = 0; j < shares.length - 1; j++) {
    const lowest = sorted.filter((_, p) => tierOf[p] === j + 1).pop();
    if (lowest) cutPoints.push(lowest.measure);
  }
  const shareWords = shares.map((s, j) => `${labels[j] ?? j + 1} ${pct(s)}`).join('、');
  const reading = `由高到低 ${shareWords}，家数${peerOptionWords.tierRounding[options.tierRounding]}，${peerOptionWords.ties[options.ties]}`;
  const countWords = counts.map((c, j) => `${labels[j] ?? j + 1} ${c} 家`).join('、');
  const said = tierSaid(runs.first, `（共 ${count} 家；${countWords}；${reading}）→ `, labels, tierOf);
  const readings = new MemberReadings(ctx, sorted, (p) => tierOf[p]!, said);
  return {
    group: {
      ...groupHead(ctx, 'tiers', reading, count),
      cutPoints,
      trimmedLow: 0,
      trimmedHigh: 0,
      lines: [`${ctx.inputId} ${ctx.measureName}（${groupName(ctx.group)}，${count} 家）：${reading}；${countWords}`],
    },
    readings,
  };
}

/** What a member's tier says (made apart: it holds each position's place and tier, never the members). */
function tierSaid(first: readonly number[], words: string, labels: readonly string[], tierOf: readonly number[]): Said {
  return (p) => `第 ${first[p]! + 1} 名${words}${labels[tierOf[p]! - 1] ?? tierOf[p]}`;
}
