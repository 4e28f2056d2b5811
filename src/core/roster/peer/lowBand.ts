import { beyond, D, type Dec, pct, ZERO } from '../../numbers/decimal';
import type { PeerOptions } from '../types';
import { peerOptionWords } from './options';
import {
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

/** Where the clause counts from and the most its input holds: 威海 A1/A2 count from 0 (the input is the
 * excess over the band), A6 from its printed 20%; a ratio input holds at most 1. */
export interface LowBandClause {
  reference: number;
  max?: number;
}

/**
 * 威海 A1, A2 "根据本市同级定点医疗机构自费率情况，合理设置低位区间，每高于该区间1个百分点扣…" (and A6 read as
 * the peers' lowest 20%): the low band is the lowest `lowBandShare` of the peers (at least one), its upper
 * limit the largest measure within it. The clause is fed reference + max(0, measure − upper), so that
 * its own "每高于…1个百分点" counts the points above the band whatever its printed reference.
 */
export function peerLowBand(members: readonly PeerMember[], clause: LowBandClause, options: PeerOptions, ctx: PeerClauseContext): PeerComputation {
  const sorted = sortedMembers(members);
  const count = sorted.length;
  const inBand = Math.min(count, Math.max(1, shareCount(options.lowBandShare, count, options.tierRounding)));
  const upper = sorted[inBand - 1]!.measure;
  const reading = `低位区间为同级最低的 ${pct(options.lowBandShare)}（${count} 家的 ${pct(options.lowBandShare)} ${peerOptionWords.tierRounding[options.tierRounding]}为 ${inBand} 家）`;
  const inBandFed = fedValue(clause, ZERO).toFixed();
  const said = lowBandSaid(clause, ctx, upper, reading, inBand);
  const fed = (p: number) => (p < inBand ? inBandFed : fedValue(clause, excessOf(p, sorted[p]!.measure, inBand, upper)).toFixed());
  const readings = new MemberReadings(ctx, sorted, fed, said);
  return {
    group: {
      ...groupHead(ctx, 'lowBand', reading, count),
      cutPoints: [upper],
      trimmedLow: 0,
      trimmedHigh: 0,
      lines: [`${ctx.inputId} ${ctx.measureName}（${groupName(ctx.group)}，${count} 家）：${reading}；上限 ${ctx.show(upper)}`],
    },
    readings,
  };
}

/** 威海 A6 under `a6LowBand: fixed`: the printed 占比 is the band; each measure goes to the clause as it is. */
export function printedLowBand(members: readonly PeerMember[], clause: LowBandClause, ctx: PeerClauseContext): PeerComputation {
  const band = new D(clause.reference);
  const reading = `低位区间${peerOptionWords.a6LowBand.fixed}：${ctx.show(band)} 及以下`;
  const said = printedSaid(`${reading}，按本条计`);
  const readings = new MemberReadings(ctx, members, (p) => members[p]!.measure.toFixed(), said);
  return {
    group: {
      ...groupHead(ctx, 'lowBand', reading, members.length),
      cutPoints: [band],
      trimmedLow: 0,
      trimmedHigh: 0,
      lines: [`${ctx.inputId} ${ctx.measureName}（${groupName(ctx.group)}，${members.length} 家）：${reading}`],
    },
    readings,
  };
}

// the first inBand members are within the band (sorted, and at most the band's upper limit): no arithmetic
const excessOf = (p: number, measure: Dec, inBand: number, upper: Dec) => (p < inBand ? ZERO : beyond(measure, upper));

/** What a member's place against the band says (made apart: it holds the band, never the members). */
function lowBandSaid(clause: LowBandClause, ctx: PeerClauseContext, upper: Dec, reading: string, inBand: number): Said {
  return (p, measure) => {
    const excess = excessOf(p, measure, inBand, upper);
    const where = `低位区间上限 ${ctx.show(upper)}（${reading}）→ ${excess.isZero() ? '在区间内' : `高出 ${ctx.show(excess)}`}`;
    return clause.reference === 0 ? where : `${where}，本条从 ${ctx.show(new D(clause.reference))} 起算，计为 ${ctx.show(fedValue(clause, excess))}`;
  };
}

const printedSaid =
  (words: string): Said =>
  () =>
    words;

function fedValue(clause: LowBandClause, excess: Dec): Dec {
  const fed = clause.reference === 0 ? excess : excess.plus(clause.reference);
  // past the input's range every step is already counted (A6: 10 − 80 steps earns 0 either way)
  return clause.max === undefined ? fed : D.min(fed, clause.max);
}
