import type { Assessment } from '../assess';
import { type Dec, sum } from '../decimal';
import type { Problem } from '../errors';
import type { Result } from '../evaluate';
import type { Policy } from '../policy/schema';
import type { Rubric } from '../schema';
import { compositeStructure, SUBORDINATE_TEXT } from './composite';
import { readInstitutions } from './institutions';
import { peerOptionsOf } from './peer/options';
import { computePeers } from './peerValues';
import { assessRow, evaluateRow } from './scoreRow';
import { rosterSummary } from './summary';
import type { RosterInstitution, RosterOptions, RosterResult, RosterRowResult, RosterTable } from './types';

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
  const evaluated = (inst: RosterInstitution, i: number): Result => {
    const facts: Record<string, unknown> = { ...inst.facts };
    for (const id of peers.inputIds) facts[id] = peers.fed.get(i)?.get(id);
    const result = evaluateRow(rubric, inst, facts, options, peers.invalid.get(i));
    // each bad fact named by its cell, as the reviewer finds it in the roster
    const invalid = result.invalid.map((p) => withCell(p, inst, inputColumn, table));
    return { ...result, invalid };
  };
  const rows: RosterRowResult[] = new Array<RosterRowResult>(institutions.length);
  const finish = (inst: RosterInstitution, i: number, result: Result, assessment: Assessment | undefined) => {
    rows[i] = rowResult(
      inst,
      result,
      assessment,
      structure.subordinates.has(i),
      [...(read.rowProblems.get(inst.row) ?? []), ...(structure.rowProblems.get(i) ?? [])],
      peers.readings.get(i) ?? [],
      options.trace === true,
    );
  };
  // each row finished as soon as it is graded, so that its Result is garbage at once (10,000 Results held
  // together took ~700 MB); only the parents wait, for their subordinates' scores (第十一条)
  const isParent = (i: number) => policy !== undefined && structure.subordinatesOf.has(i) && !structure.subordinates.has(i);
  const parents = new Map<number, Result>();
  const subordinateScores = new Map<number, Dec>();
  institutions.forEach((inst, i) => {
    const result = evaluated(inst, i);
    if (isParent(i)) return void parents.set(i, result);
    const assessment = policy && assessRow(rubric, result, policy, inst, options);
    if (assessment && structure.subordinates.has(i)) subordinateScores.set(i, assessment.score);
    finish(inst, i, result, assessment);
  });
  for (const [i, result] of parents) {
    const inst = institutions[i]!;
    const subordinates = structure.subordinatesOf.get(i)!.map((s) => subordinateScores.get(s)!);
    finish(inst, i, result, assessRow(rubric, result, policy!, inst, options, { composite: { subordinates } }));
  }
  return {
    rubricId: rubric.id,
    ...(policy && { policyId: policy.id }),
    options: peerOptions,
    institutions: rows,
    groups: peers.groups,
    summary: rosterSummary(rows, policy, structure.subordinates.size),
    problems: [...read.problems, ...peers.problems, ...structure.problems],
  };
}

function withCell(problem: Problem, inst: RosterInstitution, inputColumn: Map<string, number>, table: RosterTable): Problem {
  const column = inputColumn.get(problem.field);
  if (column === undefined) return problem;
  const cell = table.cellName(inst.row, column);
  return { ...problem, message: `${cell}：${problem.message}`, messageEn: `${cell}: ${problem.messageEn}` };
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
  return {
    institution,
    total,
    ...(assessment?.ownScore && { ownTotal: assessment.ownScore }),
    ...(graded && assessment.grade && { grade: assessment.grade.label }),
    gradeText: subordinate ? SUBORDINATE_TEXT : (assessment?.gradeText ?? ''),
    ...(graded && { status: assessment.status.kind }),
    ...(refund && { refund }),
    vetoItems: result.vetoItems,
    items: result.items.map((item) => ({ id: item.id, ...(item.code && { code: item.code }), score: item.score, overCap: item.overCap })),
    peer,
    overCap: sum(result.items.map((i) => i.overCap)),
    invalid: result.invalid,
    missing: result.missing,
    ...(institution.selfScore && { selfDifference: institution.selfScore.minus(total) }),
    problems,
    ...(trace && { result, ...(assessment && { assessment }) }),
  };
}
