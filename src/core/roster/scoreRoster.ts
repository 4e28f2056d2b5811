import type { Assessment } from '../scoring/assess';
import { unfilledCount } from '../scoring/applicability';
import { type Dec, sum, ZERO } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import type { ItemResult, Result } from '../scoring/evaluate';
import type { Policy } from '../policy/schema';
import type { Rubric } from '../files/schema';
import { compositeStructure, SUBORDINATE_TEXT } from './composite';
import { depositStateOf } from './money';
import { readInstitutions, rowsOf } from './institutions';
import { peerClauses } from './peerClauses';
import { peerOptionsOf } from './peer/options';
import { computePeers, fedValues } from './peerValues';
import { rosterReadings } from './readings';
import { applyRosterRules, ranksRoster } from './rosterRules';
import { comparedWithLastYear, type DerivedCounts, derivedChanges, lastYearMarker, yearComparisons } from './previous';
import { assessRow, evaluateRow, rowInputs } from './scoreRow';
import { rosterSummary } from './summary';
import type { RosterInstitution, RosterItemScore, RosterOptions, RosterResult, RosterRowResult, RosterRows, RosterTable } from './types';

/**
 * Scores a whole roster: the institutions read and checked, the peer clauses computed over each 同级
 * group, every row evaluated with the computed values in place of its raw measures, then graded under
 * the policy (a parent on its 第十一条 composite, after its subordinates), and summed up. The roster is read
 * twice: first its institution fields and peer measures (an institution's `facts` keep the measures until
 * the peers are computed, then only what 较上年 compares), then each row's cells as it is scored (a roster
 * read a row at a time, RosterRows, holds no row longer); `onScored` takes the rows in order as they are done.
 */
export function scoreRoster(rubric: Rubric, table: RosterTable | RosterRows, policy?: Policy, options: RosterOptions = {}): RosterResult {
  const peerOptions = peerOptionsOf(options.peer);
  const rowSource = rowsOf(table);
  // 较上年: facts computed from last year's roster where the row leaves them blank
  const previous = options.previous;
  const comparisons = previous ? yearComparisons(rubric) : [];
  const derivedCounts = new Map<string, DerivedCounts>();
  // of each row's facts, an institution keeps the peers' measures and what 较上年 compares: a row is scored
  // from its cells, and the facts kept whole went on with every institution of the result (the pane's
  // worker sent 10,000 rows' 130 facts each to the pane's thread, which never read them)
  const compared = comparisons.flatMap((c) => [c.id, c.measure]);
  const kept = new Set([...peerClauses(rubric).map((c) => c.inputId), ...compared]);
  const read = readInstitutions(rubric, table, policy, kept);
  const { institutions, columns } = read;
  const peers = computePeers(rubric, institutions, columns, peerOptions);
  // the peers have their measures now: a row keeps only what 较上年 still reads
  for (const inst of institutions) inst.facts = compared.length > 0 ? keepOnly(inst.facts, compared) : NO_FACTS;
  const structure = compositeStructure(institutions, policy, table, columns.fields.parentCode);
  const inputColumn = new Map(columns.inputs.map((c) => [c.id, c.column]));
  const trace = options.trace === true;
  const inputs = rowInputs(rubric, columns.inputs, peers.inputIds);
  const isParent = (i: number) => policy !== undefined && structure.subordinatesOf.has(i) && !structure.subordinates.has(i);
  const evaluated = (inst: RosterInstitution, i: number): Result => {
    const derived = previous && comparisons.length > 0 ? derivedChanges(inst, previous, comparisons, derivedCounts) : undefined;
    const fed = fedValues(peers.readings.get(i));
    const result = evaluateRow(rubric, inst, rowSource.row(inst.row), inputs, fed, options, peers.invalid.get(i), derived);
    // each bad fact named by its cell, as the reviewer finds it in the roster
    return result.invalid.length === 0 ? result : { ...result, invalid: result.invalid.map((p) => withCell(p, inst, inputColumn, table)) };
  };
  // one row at a time, its Result and Assessment dropped as soon as its row is made (10,000 of them kept
  // at once held most of a gigabyte); a parent under 第十一条 waits for its subordinates' scores
  const rows: RosterRowResult[] = new Array(institutions.length);
  let next = 0;
  // 名单规则 rank the final scores: under them, rows are handed on once all are done and marked, each held
  // meanwhile as `onHeld` keeps it; otherwise each as soon as it is done. Either way a row is compared with
  // last year's as it is done (its own score and grade, which the rules do not change): held for 较上年,
  // 100,000 rows' whole results took 800 MB
  const holdRows = ranksRoster(policy);
  const markLastYear = previous && lastYearMarker(previous, policy);
  // the rows done, handed on in order: a row waits for a parent above it
  const handOn = () => {
    for (; next < rows.length && rows[next] !== undefined; next++) rows[next] = options.onScored?.(rows[next]!, next) ?? rows[next]!;
  };
  const finish = (i: number, result: Result, assessment: Assessment | undefined) => {
    const inst = institutions[i]!;
    rows[i] = rowResult(
      inst,
      result,
      assessment,
      structure.subordinates.has(i),
      [...(read.rowProblems.get(inst.row) ?? []), ...(structure.rowProblems.get(i) ?? [])],
      peers.readings.get(i) ?? [],
      trace,
    );
    markLastYear?.(rows[i]!);
    peers.readings.delete(i);
  };
  // under 名单规则, a finished row is held as onHeld keeps it, once a parent has taken what it reads of it
  const hold = (i: number) => {
    if (holdRows) rows[i] = options.onHeld?.(rows[i]!, i) ?? rows[i]!;
  };
  // what a parent's composite takes of each subordinate (its row may be handed on, and slimmed, before)
  const parentOf = new Map<number, number>();
  for (const [parent, subs] of structure.subordinatesOf) if (isParent(parent)) for (const sub of subs) parentOf.set(sub, parent);
  const pending = new Map([...structure.subordinatesOf].filter(([parent]) => isParent(parent)).map(([parent, subs]) => [parent, subs.length]));
  const ofSubordinate = new Map<number, { total: Dec; invalid: number; missing: number }>();
  const waiting = new Map<number, Result>();
  const finishParent = (i: number, result: Result) => {
    // a subordinate's row total is its assessed score; its bad and blank facts weigh on the parent's status
    const subs = structure.subordinatesOf.get(i)!.map((s) => ofSubordinate.get(s)!);
    const composite = {
      subordinates: subs.map((r) => r.total),
      invalid: subs.reduce((n, r) => n + r.invalid, 0),
      missing: subs.reduce((n, r) => n + r.missing, 0),
    };
    finish(i, result, assessRow(rubric, result, policy!, institutions[i]!, options, { composite }));
    hold(i);
  };
  institutions.forEach((inst, i) => {
    const result = evaluated(inst, i);
    peers.invalid.delete(i);
    if (isParent(i)) {
      if (pending.get(i) === 0) finishParent(i, result);
      else waiting.set(i, result);
    } else {
      finish(i, result, policy && assessRow(rubric, result, policy, inst, options));
      const parent = parentOf.get(i);
      if (parent !== undefined) {
        const row = rows[i]!;
        ofSubordinate.set(i, { total: row.total, invalid: row.invalid.length, missing: unfilledCount(row) });
        const left = pending.get(parent)! - 1;
        pending.set(parent, left);
        const parentResult = waiting.get(parent);
        if (left === 0 && parentResult) {
          waiting.delete(parent);
          finishParent(parent, parentResult);
        }
      }
      hold(i);
    }
    if (!holdRows) handOn();
    options.onRow?.(i + 1, institutions.length);
  });
  // 名单规则: marks on the finished rows, ranked by their final scores
  const rules = applyRosterRules(rows, policy);
  const previousYear = previous && comparedWithLastYear(rows, previous, comparisons, derivedCounts);
  const previousProblems = previous ? [...previous.problems, ...[...derivedCounts.values()].flatMap((c) => c.bad)] : [];
  handOn();
  return {
    rubricId: rubric.id,
    ...(policy && { policyId: policy.id }),
    options: peerOptions,
    institutions: rows,
    groups: peers.groups,
    summary: rosterSummary(rows, policy, structure.subordinates.size),
    problems: [...read.problems, ...peers.problems, ...structure.problems, ...previousProblems],
    readings: rosterReadings(rubric, policy, rows, rules),
    ...(rules && { rules }),
    ...(previousYear && { previousYear }),
  };
}

const NO_FACTS: Record<string, unknown> = Object.freeze({});

function keepOnly(facts: Record<string, unknown>, ids: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of ids) if (id in facts) out[id] = facts[id];
  return out;
}

function withCell(problem: Problem, inst: RosterInstitution, inputColumn: Map<string, number>, table: Pick<RosterTable, 'cellName'>): Problem {
  const column = inputColumn.get(problem.field);
  if (column === undefined) return problem;
  const cell = table.cellName(inst.row, column);
  return { ...problem, message: `${cell}：${problem.message}`, messageEn: `${cell}: ${problem.messageEn}` };
}

/** The full-score and the zero-score reading of each item, made once and shared by every row that
 * scores so (most rows, most items): 10,000 rows × 46 items of their own were tens of megabytes. */
const sharedScores = /*#__PURE__*/ new WeakMap<Dec, { full: RosterItemScore; zero: RosterItemScore }>();

function itemScore(item: ItemResult): RosterItemScore {
  const plain = item.overCap.isZero() && (item.score === item.max || item.score.isZero());
  if (!plain) return newItemScore(item, item.score, item.overCap);
  // keyed by the item's points (one Decimal per item of a rubric's plan), checked by id
  let shared = sharedScores.get(item.max);
  if (!shared || shared.full.id !== item.id || shared.full.code !== item.code) {
    shared = { full: newItemScore(item, item.max, ZERO), zero: newItemScore(item, ZERO, ZERO) };
    sharedScores.set(item.max, shared);
  }
  return item.score === item.max ? shared.full : shared.zero;
}

function newItemScore(item: ItemResult, score: Dec, overCap: Dec): RosterItemScore {
  return Object.freeze({ id: item.id, ...(item.code && { code: item.code }), score, overCap });
}

function rowResult(
  institution: RosterInstitution,
  result: Result,
  assessment: Assessment | undefined,
  subordinate: boolean,
  problems: Problem[],
  peer: RosterRowResult['peer'],
  trace: boolean,
): RosterRowResult {
  const total = assessment?.score ?? result.total;
  const graded = assessment && !subordinate;
  const refund = graded ? (assessment.refund?.amount ?? assessment.special?.refund?.amount ?? undefined) : undefined;
  const depositState = depositStateOf(institution.deposit, subordinate, assessment);
  return {
    institution,
    total,
    ...(assessment?.ownScore && { ownTotal: assessment.ownScore }),
    ...(graded && assessment.grade && { grade: assessment.grade.label }),
    gradeText: subordinate ? SUBORDINATE_TEXT : (assessment?.gradeText ?? ''),
    ...(graded && { status: assessment.status.kind }),
    ...(refund && { refund }),
    ...(graded && assessment.unstatedRefund && { refundUnstated: assessment.unstatedRefund.unstated }),
    vetoItems: result.vetoItems,
    items: result.items.map(itemScore),
    peer,
    overCap: sum(result.items.map((i) => i.overCap)),
    invalid: result.invalid,
    missing: result.missing,
    ...(result.ownershipMissing && { ownershipMissing: true as const }),
    // the institution scored itself on the table, so its self-score meets the table's own total (复核),
    // before 折算 and 第十一条 put the score on the policy's footing
    ...((assessment?.conversion || assessment?.ownScore) && { tableTotal: result.total }),
    ...(institution.selfScore && { selfDifference: institution.selfScore.minus(result.total) }),
    ...(depositState && { depositState }),
    problems,
    ...(trace && { result, ...(assessment && { assessment }) }),
  };
}
