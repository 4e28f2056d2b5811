import { getRubric, isBlank, peerClauses } from '../../core';
import type { PlainValue } from '../types';

/**
 * A submitted sheet holds, in a peer clause's input, what a one-institution sheet holds: the interval, the
 * excess over the low band, the tier or the rank the institution typed. In a roster that column holds the
 * raw measure, computed over the peers by `mib roster`; carried over, a typed rank 1 (the best) would be
 * read as the smallest 办理量 (the worst). So the value is left out of the roster row, the column stays
 * for the agency's measures, and the file's line says which values were left out.
 */
type Fact = [id: string, value: PlainValue | null];

export function withoutPeerValues(rubricId: string, facts: readonly Fact[]): { facts: Fact[]; note?: string } {
  const measures = new Map(peerClauses(getRubric(rubricId)).map((c) => [c.inputId, c.peer.measure]));
  const left: string[] = [];
  const kept = facts.map(([id, value]): Fact => {
    if (!measures.has(id) || isBlank(value)) return [id, value];
    left.push(id);
    return [id, null];
  });
  if (left.length === 0) return { facts: kept };
  const what = [...new Set(left.map((id) => measures.get(id)))].join('、');
  return {
    facts: kept,
    note: `与同级机构比较的 ${left.join('、')} 本表填写的值未带入名单：名单中这些列填原始数据（${what}），汇总名单时按同级机构计算`,
  };
}
