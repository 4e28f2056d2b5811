import { peerOptionWords } from './options';
import type { PeerOptions } from '../types';
import {
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

/**
 * 江北 23.1 "医保业务办理量排名前3加3分": each peer's rank, 1 = best (the largest measure when `descending`).
 * Competition ranking: equal measures share the best of their places (1, 1, 3) under ties better, the
 * worst (2, 2, 3 → 1, 3, 3) under ties worse.
 */
export function peerRanking(members: readonly PeerMember[], descending: boolean, ties: PeerOptions['ties'], ctx: PeerClauseContext): PeerComputation {
  const sorted = sortedMembers(members, descending);
  const runs = equalRuns(sorted);
  const reading = `${descending ? '由高到低' : '由低到高'}排名，${peerOptionWords.ties[ties]}`;
  const ranks = (ties === 'better' ? runs.first : runs.last).map((p) => p + 1);
  const said = rankSaid(`共 ${sorted.length} 家（${reading}）→ 第 `, ranks);
  const readings = new MemberReadings(ctx, sorted, (p) => ranks[p]!, said);
  const top = sorted.slice(0, 3).map((m) => ctx.show(m.measure));
  return {
    group: {
      ...groupHead(ctx, 'ranking', reading, sorted.length),
      cutPoints: [],
      trimmedLow: 0,
      trimmedHigh: 0,
      lines: [`${ctx.inputId} ${ctx.measureName}（${groupName(ctx.group)}，${sorted.length} 家）：${reading}；前三位 ${top.join('、')}`],
    },
    readings,
  };
}

/** What a member's rank says (made apart: it holds each position's rank, never the members). */
function rankSaid(head: string, ranks: readonly number[]): Said {
  return (p) => `${head}${ranks[p]} 名`;
}
