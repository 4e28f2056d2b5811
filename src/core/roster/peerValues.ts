import { decimalOrNull } from '../numbers/cellValues';
import { D, type Dec, fmt, pct } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import { type InputSpec, isBlank, parseInputValue, show, showValue } from '../scoring/inputs';
import type { Rubric } from '../files/schema';
import type { RosterColumns } from './institutions';
import { peerIntervals } from './peer/intervals';
import { peerLowBand, printedLowBand } from './peer/lowBand';
import { peerRanking } from './peer/ranking';
import { groupName, MemberReadings, type PeerClauseContext, type PeerComputation, type PeerMember } from './peer/shared';
import { peerTiers } from './peer/tiers';
import { type PeerClause, peerClauses } from './peerClauses';
import type { PeerGroupResult, PeerOptions, PeerReading, RosterInstitution } from './types';

/** What the peers give each institution: the readings (by position in the roster), whose values are fed to
 * its clauses (fedValues), the bad measures (as invalid facts of that row), and each group's account. */
export interface PeerValues {
  /** the input ids whose column holds a measure: their raw cells never reach evaluate */
  inputIds: Set<string>;
  readings: RowReadings;
  invalid: Map<number, Problem[]>;
  groups: PeerGroupResult[];
  problems: Problem[];
}

/** The peer group of the rows whose 级别/类型 cell is blank. */
export const UNLEVELLED = '未填级别/类型';

type Measured = { measure: Dec } | { fail: true } | { problem: Problem } | undefined;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Computes every peer clause whose column the roster has, over each peer group (同级: one 级别/类型). */
export function computePeers(rubric: Rubric, institutions: readonly RosterInstitution[], columns: RosterColumns, options: PeerOptions): PeerValues {
  const readings = new RowReadings(institutions.length);
  const out: PeerValues = { inputIds: new Set(), readings, invalid: new Map(), groups: [], problems: [] };
  const columnOf = new Map(columns.inputs.map((c) => [c.id, c.column]));
  const groups = new Map<string, number[]>();
  // no 级别/类型 column: one group; with it, the rows that leave it blank are a group of their own, named so
  const blankLevel = columns.fields.level === undefined ? '' : UNLEVELLED;
  institutions.forEach((inst, i) => push(groups, inst.level ?? blankLevel, i));
  for (const clause of peerClauses(rubric)) {
    const column = columnOf.get(clause.inputId);
    if (column === undefined) continue;
    out.inputIds.add(clause.inputId);
    const slot = readings.clause();
    for (const [group, positions] of groups) {
      const ctx = contextOf(clause, group);
      const members = groupMembers(clause, measureReader(clause), ctx, positions, institutions, slot, out);
      const printed = clause.peer.kind === 'lowBand' && clause.peer.printed === true && options.a6LowBand === 'fixed';
      if (members.length === 0) continue;
      if (members.length < 2 && !printed) {
        const message = `${clause.itemNo}${clause.code ? `（${clause.code}）` : ''} ${clause.inputId} ${ctx.measureName}：${groupName(group)}只有 1 家填了数据，无法与同级机构比较，本项留空（暂评）`;
        out.problems.push({ field: clause.inputId, message, messageEn: `${clause.inputId}: peer group "${group}" has a single measure; left blank` });
        for (const m of members)
          readings.set(slot, m.key, { inputId: clause.inputId, itemNo: clause.itemNo, measure: m.measure, group, line: message });
        continue;
      }
      const fundGrowth =
        clause.peer.kind === 'intervals' && clause.peer.fundGrowthBound ? groupFundGrowth(positions, institutions, options, ctx, out) : undefined;
      const computed = compute(clause, members, options, ctx, printed, fundGrowth);
      out.groups.push(computed.group);
      readings.setAll(slot, computed.readings);
    }
  }
  return out;
}

/** The members of a group that give the clause a measure, in the group's order: a bad measure is its row's
 * problem, a 不参加排名 tier its row's reading, and neither is a member. (A function of its own, not a loop
 * inside computePeers: V8 compiles a loop over 10,000 rows while it runs, with the whole function around it;
 * and it reads no clause but a 不参加排名 tier's labels, each cell through the clause's reader: the clauses'
 * objects differ in shape, and the loop that read them was compiled anew as each clause came, ten times over
 * a 10,000-row roster, where it now is four to six.) */
function groupMembers(
  clause: PeerClause,
  measureOf: MeasureReader,
  ctx: PeerClauseContext,
  positions: readonly number[],
  institutions: readonly RosterInstitution[],
  slot: number,
  out: PeerValues,
): PeerMember[] {
  const members: PeerMember[] = [];
  const inputId = ctx.inputId;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    const measured = measureOf(institutions[i]!.facts[inputId]);
    if (measured === undefined) continue;
    if ('problem' in measured) push(out.invalid, i, measured.problem);
    else if ('fail' in measured) {
      const value = clause.labels.length;
      out.readings.set(slot, i, {
        inputId: clause.inputId,
        itemNo: clause.itemNo,
        group: ctx.group,
        value,
        line: `${clause.inputId} ${ctx.measureName}：${clause.labels[value - 1]}（不参加排名）`,
      });
    } else members.push({ key: i, measure: measured.measure });
  }
  return members;
}

/**
 * Each row's peer readings, in the clauses' order, made when the row asks for them: by clause, each row's
 * computation (or a reading of its own: a 不参加排名 tier, a group of one) and its position there. Made once
 * a row and kept until `delete`, which lets go of the members' measures as well.
 */
export class RowReadings {
  readonly #rows: number;
  /** by clause: where each row's reading is (an index into #sources, −1 for none) and its position there */
  readonly #source: Int32Array[] = [];
  readonly #position: Int32Array[] = [];
  readonly #sources: (MemberReadings | PeerReading)[] = [];
  readonly #made = new Map<number, PeerReading[]>();

  constructor(rows: number) {
    this.#rows = rows;
  }

  /** a new clause's slot */
  clause(): number {
    this.#source.push(new Int32Array(this.#rows).fill(-1));
    this.#position.push(new Int32Array(this.#rows));
    return this.#source.length - 1;
  }

  set(slot: number, row: number, reading: PeerReading): void {
    this.#source[slot]![row] = this.#sources.push(reading) - 1;
  }

  setAll(slot: number, readings: MemberReadings): void {
    const source = this.#sources.push(readings) - 1;
    for (let p = 0; p < readings.size; p++) {
      const row = readings.keyAt(p);
      this.#source[slot]![row] = source;
      this.#position[slot]![row] = p;
    }
  }

  get(row: number): PeerReading[] | undefined {
    let made = this.#made.get(row);
    if (made) return made;
    for (let slot = 0; slot < this.#source.length; slot++) {
      const at = this.#source[slot]![row]!;
      if (at < 0) continue;
      const source = this.#sources[at]!;
      (made ??= []).push(source instanceof MemberReadings ? source.at(this.#position[slot]![row]!) : source);
    }
    if (made) this.#made.set(row, made);
    return made;
  }

  /** the row is done with: its readings and its measures let go */
  delete(row: number): void {
    this.#made.delete(row);
    for (let slot = 0; slot < this.#source.length; slot++) {
      const at = this.#source[slot]![row]!;
      if (at < 0) continue;
      const source = this.#sources[at]!;
      if (source instanceof MemberReadings) source.release(this.#position[slot]![row]!);
      this.#source[slot]![row] = -1;
    }
  }
}

/** The values the peers feed one row's clauses, by input id: its readings that gave one (a Map per row,
 * made as the row is scored, not one for every row at once). */
export function fedValues(readings: readonly PeerReading[] | undefined): Map<string, string | number> | undefined {
  let fed: Map<string, string | number> | undefined;
  for (const reading of readings ?? []) if (reading.value !== undefined) (fed ??= new Map()).set(reading.inputId, reading.value);
  return fed;
}

/** The year's fund income growth for a group (威海 A5's bound): --fund-growth, else the roster's 基金收入增长幅度
 * column where the group's rows that fill it agree; rows that differ are a problem and the bound is not applied. */
function groupFundGrowth(
  positions: number[],
  institutions: readonly RosterInstitution[],
  options: PeerOptions,
  ctx: PeerClauseContext,
  out: PeerValues,
): Dec | undefined {
  if (options.fundGrowth !== undefined) return new D(String(options.fundGrowth));
  const given = positions.map((i) => institutions[i]!.fundGrowth).filter((g): g is Dec => g !== undefined);
  const first = given[0];
  if (first === undefined) return undefined;
  if (given.every((g) => g.eq(first))) return first;
  const shown = [...new Set(given.map((g) => pct(g)))].join('、');
  out.problems.push({
    field: '基金收入增长幅度',
    message: `${ctx.inputId} ${ctx.measureName}：${groupName(ctx.group)}的“基金收入增长幅度”不一致（${shown}），第一区间的下限未按它划分；同一统筹区应填同一个值`,
    messageEn: `${ctx.inputId}: the group's fund income growth differs between rows (${shown}); not applied`,
  });
  return undefined;
}

function compute(
  clause: PeerClause,
  members: PeerMember[],
  options: PeerOptions,
  ctx: PeerClauseContext,
  printed: boolean,
  fundGrowth: Dec | undefined,
): PeerComputation {
  const peer = clause.peer;
  switch (peer.kind) {
    case 'intervals':
      return peerIntervals(members, clause.labels, options, ctx, { declaration: peer, ...(fundGrowth && { fundGrowth }) });
    case 'lowBand': {
      // the most the clause's input holds: a ratio or a change of one 1 (100%), a number its max
      const max = clause.spec.type === 'ratio' || clause.spec.type === 'signedRatio' ? 1 : clause.spec.max;
      const band = { reference: clause.reference, ...(max !== undefined && { max }) };
      return printed ? printedLowBand(members, band, ctx) : peerLowBand(members, band, options, ctx);
    }
    case 'tiers':
      return peerTiers(members, peer.shares, clause.labels, options, ctx);
    case 'ranking':
      return peerRanking(members, peer.order === 'descending', options.ties, ctx);
  }
}

/** What `make` gives for a clause, made once for each clause. */
function perClause<T>(make: (clause: PeerClause) => T): (clause: PeerClause) => T {
  const made = new WeakMap<PeerClause, T>();
  return (clause) => {
    let value = made.get(clause);
    if (value === undefined) made.set(clause, (value = make(clause)));
    return value;
  };
}

/** The spec a measure is read with: a rate for a low band (the clause's own ratio), a 0–100 score for
 * tiers, a number ≥ 0 for a ranking; a growth rate (intervals) is any rate, read separately. One spec per
 * clause: its parsing schema is built once and cached on it. */
const measureSpec = /*#__PURE__*/ perClause(newMeasureSpec);

function newMeasureSpec(clause: PeerClause): InputSpec {
  const label = clause.peer.measure;
  switch (clause.peer.kind) {
    case 'lowBand':
      return { ...clause.spec, label };
    case 'tiers':
      return { id: clause.inputId, label, type: 'number', min: clause.scoreSpec?.min ?? 0, max: clause.scoreSpec?.max ?? 100 };
    default:
      return { id: clause.inputId, label, type: 'number', min: 0 };
  }
}

/** A clause's measure as its cell gives it: none for a blank, a 不参加排名 tier (the clause's fail word), a
 * problem, or the measure. What the clause fixes is taken once, so that the reader's code, shared by every
 * clause's reader, never reads a clause's object. */
type MeasureReader = (raw: unknown) => Measured;

const measureReader = /*#__PURE__*/ perClause(newMeasureReader);

function newMeasureReader(clause: PeerClause): MeasureReader {
  const { inputId, peer } = clause;
  // a growth rate has no bound (it may pass ±100%), so no input spec reads it: a number cell or a rate
  // as a CSV holds it ("0.05", "5%") is read by the schema's own quick reading, anything else by the schema
  const rate = peer.kind === 'intervals' ? peer.measure : undefined;
  // else the input's own parser: its quick path, range checks and refusals, as for any fact
  const spec = measureSpec(clause);
  const fail = peer.kind === 'tiers' ? peer.fail : undefined;
  // one function for every clause (a reader of its own for a rate made the loop's call meet two)
  return (raw) => {
    if (isBlank(raw)) return undefined;
    if (rate !== undefined) {
      const measure = decimalOrNull(raw, true);
      if (measure) return { measure };
      const message = `${inputId}（${rate}）应为比率（5% 填 5% 或 0.05，可为负），收到的是 ${show(raw)}`;
      return { problem: { field: inputId, message, messageEn: `${inputId}: expects a rate, got ${show(raw)}` } };
    }
    if (fail !== undefined && typeof raw === 'string' && raw.trim() === fail) return { fail: true };
    const parsed = parseInputValue(spec, raw);
    if ('problem' in parsed) return fail ? { problem: { ...parsed.problem, message: `${parsed.problem.message}（或填“${fail}”）` } } : parsed;
    return typeof parsed.value === 'boolean' ? undefined : { measure: parsed.value };
  };
}

function contextOf(clause: PeerClause, group: string): PeerClauseContext {
  const spec = measureSpec(clause);
  const rate = clause.peer.kind === 'intervals';
  return {
    inputId: clause.inputId,
    itemNo: clause.itemNo,
    ...(clause.code && { code: clause.code }),
    group,
    measureName: clause.peer.measure,
    show: (d) => (rate ? pct(d) : spec.type === 'number' ? fmt(d) : showValue(spec, d)),
  };
}
