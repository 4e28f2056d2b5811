import { cmp, D, type Dec, toNumber, ZERO } from '../../core/numbers/decimal';
import type { PeerReading, RosterInstitution, RosterItemScore, RosterRowResult } from '../../core/roster/types';

const NONE: never[] = Object.freeze([]) as never[];

/**
 * What `mib roster` keeps of a row once it is scored and written (a 100,000-row roster kept whole is
 * several gigabytes): what the summary, the readings, the text report and the problems read (the
 * institution, total, grade, money, vetoes, problems, and for the findings the blanks and the items scored
 * beyond their points). The workbook's 汇总名单 is planned from the kept rows
 * once all are scored (a column appears when some row needs it), so `forSheet` keeps its columns too: the
 * item scores (one shared object for each item and score as the sheet shows it: most rows share most) and the peer
 * readings' measures and values, without their lines (the sheet writes none; a reading that words its line
 * when asked holds on to its whole peer computation); the rest is let go.
 */
export function keptRow(row: RosterRowResult, forSheet: boolean, shared: SharedScores): RosterRowResult {
  const { institution } = row;
  return {
    ...row,
    institution: keptInstitution(institution),
    total: tight(row.total),
    ...(row.ownTotal && { ownTotal: tight(row.ownTotal) }),
    ...(row.refund && { refund: tight(row.refund) }),
    overCap: tight(row.overCap),
    ...(row.tableTotal && { tableTotal: tight(row.tableTotal) }),
    ...(row.selfDifference && { selfDifference: tight(row.selfDifference) }),
    gradeText: interned(row.gradeText),
    vetoItems: orNone(row.vetoItems),
    invalid: orNone(row.invalid),
    missing: orNone(row.missing),
    problems: orNone(row.problems),
    // the findings (需要复核) name the items scored beyond their points, and count the blanks
    items: forSheet ? row.items.map((item, position) => sharedItem(item, position, shared)) : row.items.filter((item) => !item.overCap.isZero()),
    peer: forSheet ? row.peer.map(keptReading) : NONE,
  };
}

/**
 * What `--previous` keeps of a row of last year's roster once it is scored: the institution (without its
 * facts), the total and the grade, all that is compared with this year's (previous.ts readPreviousYear);
 * its items, readings, blanks and problems let go. keptRow's rows, kept for 100,000 rows of last year
 * beside this year's, took 800 MB.
 */
export function gradedOnly(row: RosterRowResult): RosterRowResult {
  return {
    institution: keptInstitution(row.institution),
    total: tight(row.total),
    ...(row.grade !== undefined && { grade: interned(row.grade) }),
    gradeText: interned(row.gradeText),
    vetoItems: NONE,
    items: NONE,
    peer: NONE,
    overCap: ZERO,
    invalid: NONE,
    missing: NONE,
    problems: NONE,
  };
}

/** The institution without its facts, its money kept tight. */
function keptInstitution(institution: RosterInstitution): RosterInstitution {
  const { deposit, selfScore, fundGrowth } = institution;
  return {
    ...institution,
    facts: {},
    ...(deposit && { deposit: tight(deposit) }),
    ...(selfScore && { selfScore: tight(selfScore) }),
    ...(fundGrowth && { fundGrowth: tight(fundGrowth) }),
  };
}

/** A Decimal kept to the end as a copy of the same value whose digits fill their array: decimal.js grows
 * a result's digits a push at a time, leaving room for 17 (about 240 bytes a Decimal); its copy slices them. */
const tight = (d: Dec): Dec => (d.isZero() && !d.isNeg() ? ZERO : new D(d));

/** An empty list as the one shared empty list (most rows have no veto, no problem). */
const orNone = <T>(list: T[]): T[] => (list.length === 0 ? NONE : list);

/** One object for each clause and group, shared by their rows' readings: by input, then group (a key joined
 * from the four fields was a string made for each of a row's readings). */
const keptClauses = new Map<string, Map<string, PeerReading>>();

function keptClause({ inputId, itemNo, code, group }: PeerReading): PeerReading {
  let byGroup = keptClauses.get(inputId);
  if (byGroup === undefined) keptClauses.set(inputId, (byGroup = new Map()));
  let clause = byGroup.get(group);
  // an input belongs to one clause of one item in a table: another table's reading takes the place over
  if (clause === undefined || clause.itemNo !== itemNo || (clause.code ?? '') !== (code ?? '')) {
    clause = { inputId, itemNo, ...(code && { code }), group, line: '' };
    byGroup.set(group, clause);
  }
  return clause;
}

/** A peer reading as 汇总名单 reads it: the measure and the value, no line; the clause's fields are its
 * clause's (one object for each clause and group). One shape for every clause's reading, so that the
 * sheet's columns read them all alike. */
class KeptReading implements PeerReading {
  readonly #clause: PeerReading;
  readonly measure: Dec | undefined;
  readonly value: string | number | undefined;

  constructor(clause: PeerReading, measure: Dec | undefined, value: string | number | undefined) {
    this.#clause = clause;
    this.measure = measure;
    this.value = value;
  }

  get inputId(): string {
    return this.#clause.inputId;
  }
  get itemNo(): string {
    return this.#clause.itemNo;
  }
  get code(): string | undefined {
    return this.#clause.code;
  }
  get group(): string {
    return this.#clause.group;
  }
  get line(): string {
    return '';
  }
}

function keptReading(reading: PeerReading): PeerReading {
  const value = typeof reading.value === 'string' ? interned(reading.value) : reading.value;
  return new KeptReading(keptClause(reading), reading.measure, value);
}

/** The texts many rows say alike (a grade's words, a value the peers fed), one string for each. */
const texts = new Map<string, string>();
const TEXTS_KEPT = 10_000;

function interned(text: string): string {
  const found = texts.get(text);
  if (found !== undefined) return found;
  if (texts.size < TEXTS_KEPT) texts.set(text, text);
  return text;
}

/** The item scores kept, by the item's position in the rubric: each score as the sheet writes it (a
 * number), and the one the position shared last. */
export class SharedScores {
  readonly byScore: Map<number, RosterItemScore>[] = [];
  readonly last: (RosterItemScore | undefined)[] = [];
}

/** One object for each item and score as 汇总名单 shows it (a number: all the sheet reads of an item
 * is its score's number); an item with points over its cap is kept as it is. */
function sharedItem(item: RosterItemScore, position: number, shared: SharedScores): RosterItemScore {
  // most rows score most items as the row before did, most often in the very object the core shares for an
  // item's full and zero score (scoreRoster's itemScore); else a comparison (cmp: decimal.js's eq copies its
  // argument), not a decimal's number
  const last = shared.last[position];
  if (item === last) return last;
  if (!item.overCap.isZero()) return item;
  if (last?.id === item.id && cmp(last.score, item.score) === 0) return last;
  const byScore = (shared.byScore[position] ??= new Map());
  const score = toNumber(item.score);
  const found = byScore.get(score);
  if (found?.id === item.id) return (shared.last[position] = found);
  byScore.set(score, item);
  return (shared.last[position] = item);
}
