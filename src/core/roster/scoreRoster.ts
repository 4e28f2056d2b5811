import type { Assessment } from '../assess';
import { type Dec, sum, ZERO } from '../decimal';
import type { Problem } from '../errors';
import type { ItemResult, Result } from '../evaluate';
import type { Policy } from '../policy/schema';
import type { Rubric } from '../schema';
import { compositeStructure, SUBORDINATE_TEXT } from './composite';
import { depositStateOf } from './money';
import { readInstitutions } from './institutions';
import { peerOptionsOf } from './peer/options';
import { computePeers } from './peerValues';
import { rosterReadings } from './readings';
import { applyRosterRules } from './rosterRules';
import { comparedWithLastYear, type DerivedCounts, derivedChanges, yearComparisons } from './previous';
import { assessRow, evaluateRow, rowInputs } from './scoreRow';
import { rosterSummary } from './summary';
import type { RosterInstitution, RosterItemScore, RosterOptions, RosterResult, RosterRowResult, RosterTable } from './types';

/**
 * Scores a whole roster: the institutions read and checked, the peer clauses computed over each 同级
 * group, every row evaluated with the computed values in place of its raw measures, then graded under
 * the policy (a parent on its 第十一条 composite, after its subordinates), and summed up.
 */
export function scoreRoster(rubric: Rubric, table: RosterTable, policy?: Policy, options: RosterOptions = {}): RosterResult {
  const peerOptions = peerOptionsOf(options.peer);
  const read = readInstitutions(rubric, table, policy);
  const { institutions, columns } = read;
  const peers = computePeers(rubric, institutions, columns, peerOptions);
  const structure = compositeStructure(institutions, policy, table, columns.fields.parentCode);
  const inputColumn = new Map(columns.inputs.map((c) => [c.id, c.column]));
  const trace = options.trace === true;
  const inputs = rowInputs(rubric, columns.inputs, peers.inputIds);
  const isParent = (i: number) => policy !== undefined && structure.subordinatesOf.has(i) && !structure.subordinates.has(i);
  // 较上年: facts computed from last year's roster where the row leaves them blank
  const previous = options.previous;
  const comparisons = previous ? yearComparisons(rubric) : [];
  const derivedCounts = new Map<string, DerivedCounts>();
  const evaluated = (inst: RosterInstitution, i: number): Result => {
    const derived = previous && comparisons.length > 0 ? derivedChanges(inst, previous, comparisons, derivedCounts) : undefined;
    const result = evaluateRow(rubric, inst, table.rows[inst.row]!, inputs, peers.fed.get(i), options, peers.invalid.get(i), derived);
    // each bad fact named by its cell, as the reviewer finds it in the roster
    return result.invalid.length === 0 ? result : { ...result, invalid: result.invalid.map((p) => withCell(p, inst, inputColumn, table)) };
  };
  const finish = (inst: RosterInstitution, i: number, result: Result, assessment: Assessment | undefined): RosterRowResult =>
    rowResult(
      inst,
      result,
      assessment,
      structure.subordinates.has(i),
      [...(read.rowProblems.get(inst.row) ?? []), ...(structure.rowProblems.get(i) ?? [])],
      peers.readings.get(i) ?? [],
      trace,
    );
  // one row at a time, its Result and Assessment dropped as soon as its row is made (10,000 of them kept
  // at once held most of a gigabyte); a parent under 第十一条 waits for its subordinates' scores
  const rows: RosterRowResult[] = new Array(institutions.length);
  const waiting = new Map<number, Result>();
  institutions.forEach((inst, i) => {
    const result = evaluated(inst, i);
    if (isParent(i)) waiting.set(i, result);
    else rows[i] = finish(inst, i, result, policy && assessRow(rubric, result, policy, inst, options));
    options.onRow?.(i + 1, institutions.length);
  });
  for (const [i, result] of waiting) {
    const inst = institutions[i]!;
    // a subordinate's row total is its assessed score; its bad and blank facts weigh on the parent's status
    const subs = structure.subordinatesOf.get(i)!.map((s) => rows[s]!);
    const composite = {
      subordinates: subs.map((r) => r.total),
      invalid: subs.reduce((n, r) => n + r.invalid.length, 0),
      missing: subs.reduce((n, r) => n + r.missing.length, 0),
    };
    rows[i] = finish(inst, i, result, assessRow(rubric, result, policy!, inst, options, { composite }));
  }
  // 名单规则: marks on the finished rows, ranked by their final scores
  const rules = applyRosterRules(rows, policy);
  const previousYear = previous && comparedWithLastYear(rows, previous, comparisons, derivedCounts, policy);
  const previousProblems = previous ? [...previous.problems, ...[...derivedCounts.values()].flatMap((c) => c.bad)] : [];
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

function withCell(problem: Problem, inst: RosterInstitution, inputColumn: Map<string, number>, table: RosterTable): Problem {
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
    // the institution scored itself on the table, so its self-score meets the table's own total (复核),
    // before 折算 and 第十一条 put the score on the policy's footing
    ...((assessment?.conversion || assessment?.ownScore) && { tableTotal: result.total }),
    ...(institution.selfScore && { selfDifference: institution.selfScore.minus(result.total) }),
    ...(depositState && { depositState }),
    problems,
    ...(trace && { result, ...(assessment && { assessment }) }),
  };
}
