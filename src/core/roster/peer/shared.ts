import { cmp, D, type Dec, DecimalPool, fmt, toNumber } from '../../numbers/decimal';
import type { PeerGroupResult, PeerOptions, PeerReading } from '../types';

/** One peer's measure; `key` is the caller's handle (the institution's position in the roster). */
export interface PeerMember {
  key: number;
  measure: Dec;
}

/** What a computation needs to say its lines: the clause, the group, how the measure reads. */
export interface PeerClauseContext {
  inputId: string;
  itemNo: string;
  code?: string;
  group: string;
  /** the measure's name, e.g. 门诊次均费用增长率 */
  measureName: string;
  /** a measure as a person reads it (5% for a rate, 1234 for a count) */
  show(measure: Dec): string;
}

/** A computation's answer: the group's account and each member's reading with the value fed to the clause. */
export interface PeerComputation {
  group: PeerGroupResult;
  readings: MemberReadings;
}

/** Members in ascending order of measure (descending when asked), equal measures in the roster's order:
 * sorted once per group and clause, so a 10,000-row roster stays n log n. */
export function sortedMembers(members: readonly PeerMember[], descending = false): PeerMember[] {
  const sign = descending ? -1 : 1;
  // compared as doubles first (cheap, and never out of order: toNumber only merges neighbours), exactly on a tie
  const keyed = members.map((m) => ({ m, n: toNumber(m.measure) }));
  keyed.sort((a, b) => sign * (a.n - b.n || cmp(a.m.measure, b.m.measure)) || a.m.key - b.m.key);
  return keyed.map((k) => k.m);
}

/** For each position in a sorted list, the first and last position of its run of equal measures. */
export function equalRuns(sorted: readonly PeerMember[]): { first: number[]; last: number[] } {
  const first = new Array<number>(sorted.length);
  const last = new Array<number>(sorted.length);
  let start = 0;
  for (let p = 1; p <= sorted.length; p++) {
    if (p === sorted.length || cmp(sorted[p]!.measure, sorted[start]!.measure) !== 0) {
      for (let q = start; q < p; q++) {
        first[q] = start;
        last[q] = p - 1;
      }
      start = p;
    }
  }
  return { first, last };
}

/** "20% of 7 peers" as a count, rounded as the option says. */
export function shareCount(share: number | Dec, count: number, rounding: PeerOptions['tierRounding']): number {
  const exact = new D(share).times(count);
  const whole = rounding === 'floor' ? exact.floor() : rounding === 'ceil' ? exact.ceil() : exact.toDecimalPlaces(0, D.ROUND_HALF_UP);
  return toNumber(whole);
}

export function groupName(group: string): string {
  return group === '' ? '全部机构' : `“${group}”组`;
}

/** The group-level fields every computation fills the same way. */
export function groupHead(ctx: PeerClauseContext, kind: PeerGroupResult['kind'], reading: string, count: number) {
  return { inputId: ctx.inputId, itemNo: ctx.itemNo, ...(ctx.code && { code: ctx.code }), group: ctx.group, kind, reading, count };
}

/** Words what the member at `position` (in the computation's sorted order), whose measure is `measure`, gave:
 * one per computation, not one per member (a function made per member costs more than the member's scoring).
 * It holds what the group computed (cut points, each position's interval or tier), never the members. */
export type Said = (position: number, measure: Dec) => string;

/**
 * A member's reading: the measure, then what it gave. Its line is worded when first read (and kept): a
 * 10,000-row roster has a reading per peer clause and row, and the sheet writes only the values; the
 * JSON, the trace and 展开 read the lines. `toJSON` gives the line too, as a plain reading would.
 */
class MemberReading implements PeerReading {
  readonly inputId: string;
  readonly itemNo: string;
  declare readonly code?: string;
  readonly measure: Dec;
  readonly group: string;
  readonly value: number | string;
  readonly #ctx: PeerClauseContext;
  #said: Said | string;
  readonly #position: number;

  constructor(ctx: PeerClauseContext, measure: Dec, value: number | string, said: Said, position: number) {
    this.inputId = ctx.inputId;
    this.itemNo = ctx.itemNo;
    if (ctx.code) this.code = ctx.code;
    this.measure = measure;
    this.group = ctx.group;
    this.value = value;
    this.#ctx = ctx;
    this.#said = said;
    this.#position = position;
  }

  get line(): string {
    if (typeof this.#said !== 'string') {
      const ctx = this.#ctx;
      this.#said = `${ctx.inputId} ${ctx.measureName} ${ctx.show(this.measure)}（${groupName(ctx.group)}）：${this.#said(this.#position, this.measure)}`;
    }
    return this.#said;
  }

  toJSON(): PeerReading & { value: number | string } {
    return { ...this, line: this.line };
  }
}

/**
 * A computation's readings, made as they are asked for: the members' measures and fed values by their
 * position in the sorted order, the group's context and its `said`, once for the group. A 100,000-row
 * roster's readings made at once (an object per member and clause, each holding its group) were most of
 * its memory; `release` lets go of a member's measure once its row has its reading.
 */
export class MemberReadings {
  readonly size: number;
  readonly #ctx: PeerClauseContext;
  readonly #said: Said;
  readonly #keys: Int32Array;
  /** each measure, one Decimal for each value the group's measures take (DecimalPool: a Decimal parsed from
   * text is about 240 bytes, and 100,000 rows' measures repeat a few hundred values); a Decimal never
   * changes, so one serves every reading made of it */
  readonly #measures: (Dec | undefined)[];
  readonly #values: (number | string)[];
  #positions: Map<number, number> | undefined;

  /** `sorted`: the members in the computation's order; `valueAt`: the value fed at each position */
  constructor(ctx: PeerClauseContext, sorted: readonly PeerMember[], valueAt: (position: number) => number | string, said: Said) {
    this.size = sorted.length;
    this.#ctx = ctx;
    this.#said = said;
    this.#keys = Int32Array.from(sorted, (m) => m.key);
    const pool = new DecimalPool();
    this.#measures = sorted.map((m) => pool.shared(m.measure));
    this.#values = sorted.map((_, p) => valueAt(p));
  }

  /** the caller's key of the member at a position */
  keyAt(position: number): number {
    return this.#keys[position]!;
  }

  /** the reading of the member at a position (a new one on each call, until it is released) */
  at(position: number): PeerReading & { value: number | string } {
    const measure = this.#measures[position];
    if (measure === undefined) throw new Error(`peer reading ${position} of ${this.#ctx.inputId} was let go`);
    return new MemberReading(this.#ctx, measure, this.#values[position]!, this.#said, position);
  }

  release(position: number): void {
    this.#measures[position] = undefined;
  }

  /** the reading of the member with this key */
  get(key: number): (PeerReading & { value: number | string }) | undefined {
    this.#positions ??= new Map(Array.from(this.#keys, (k, p) => [k, p]));
    const position = this.#positions.get(key);
    return position === undefined ? undefined : this.at(position);
  }

  /** every member's reading, in the computation's order */
  *values(): IterableIterator<PeerReading & { value: number | string }> {
    for (let p = 0; p < this.size; p++) yield this.at(p);
  }
}

export const cutsText = (cuts: Dec[], show: (d: Dec) => string) => (cuts.length === 0 ? '无' : cuts.map(show).join('、'));
export { fmt };
