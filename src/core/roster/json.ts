import { toNumber } from '../numbers/decimal';
import { UNSTATED } from '../policy/unstated';
import type { Rubric } from '../files/schema';
import { findingsJson, rosterFindings } from './findings';
import { DEFERRED_STATES } from './money';
import { bulletin } from './publish';
import type { DeferredState, RosterResult, RosterRowResult } from './types';

const byDeferred = <T>(of: (state: DeferredState) => T) =>
  Object.fromEntries(DEFERRED_STATES.map((state) => [state, of(state)])) as Record<DeferredState, T>;

/** One institution of a scored roster as plain JSON (an element of `institutions`, and a line of
 * `mib roster --jsonl`). */
export function institutionJson(row: RosterRowResult) {
  return {
    code: row.institution.code,
    name: row.institution.name,
    total: toNumber(row.total),
    ...(row.ownTotal && { ownTotal: toNumber(row.ownTotal) }),
    ...(row.tableTotal && { tableTotal: toNumber(row.tableTotal) }),
    ...(row.grade !== undefined && { grade: row.grade }),
    gradeText: row.gradeText,
    ...(row.status && { gradeStatus: row.status }),
    refund: row.refund === undefined ? null : toNumber(row.refund),
    ...(row.refund && { refundText: row.refund.toFixed(2) }),
    // the notice leaves the band's refund unstated: its word and why, no amount
    ...(row.refundUnstated !== undefined && { refundText: UNSTATED, refundUnstated: row.refundUnstated }),
    ...(row.institution.deposit && { deposit: toNumber(row.institution.deposit), depositText: row.institution.deposit.toFixed(2) }),
    ...(row.depositState && { depositState: row.depositState }),
    vetoItems: row.vetoItems,
    items: row.items.map((i) => ({ id: i.id, ...(i.code && { code: i.code }), score: toNumber(i.score), overCap: toNumber(i.overCap) })),
    peer: row.peer.map((p) => ({
      id: p.inputId,
      item: p.itemNo,
      ...(p.code && { code: p.code }),
      group: p.group,
      ...(p.measure && { measure: toNumber(p.measure) }),
      ...(p.value !== undefined && { value: typeof p.value === 'string' ? Number(p.value) : p.value }),
      line: p.line,
    })),
    missing: row.missing,
    // (the blank 公立/民营 is counted among what is left to fill, as the single sheet's JSON has it)
    ...(row.ownershipMissing && { ownershipMissing: true }),
    ...(row.institution.selfScore && { selfScore: toNumber(row.institution.selfScore) }),
    ...(row.selfDifference && { selfDifference: toNumber(row.selfDifference) }),
    problems: [...row.invalid, ...row.problems].map((p) => p.message),
    // 名单规则 that marked the row (rosterRules.ts)
    ...(row.consequences && { consequences: row.consequences }),
    ...(row.previous && {
      previous: {
        ...(row.previous.total && { total: toNumber(row.previous.total) }),
        ...(row.previous.grade !== undefined && { grade: row.previous.grade }),
        ...(row.previous.change && { change: toNumber(row.previous.change) }),
        ...(row.previous.gradeChange && { gradeChange: row.previous.gradeChange }),
      },
    }),
    ...(row.result && { trace: row.result.items.flatMap((i) => i.trace) }),
    ...(row.assessment && { gradeTrace: row.assessment.trace }),
  };
}

/** The entries institutionJson writes after the 名单规则 marks (`consequences`), in its order. */
const AFTER_CONSEQUENCES = /*#__PURE__*/ new Set(['previous', 'trace', 'gradeTrace']);

/**
 * `institutionJson` of a row made before 名单规则 marked it (`mib roster --json` holds a row so, as text,
 * until the rules have run: the row whole was several kilobytes), with the row's marks put in their place:
 * the same JSON as institutionJson of the marked row, entry for entry and in its order.
 */
export function withConsequences(json: Record<string, unknown>, row: Pick<RosterRowResult, 'consequences'>): Record<string, unknown> {
  if (!row.consequences) return json;
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [key, value] of Object.entries(json)) {
    if (!placed && AFTER_CONSEQUENCES.has(key)) {
      out.consequences = row.consequences;
      placed = true;
    }
    if (key !== 'consequences') out[key] = value;
  }
  if (!placed) out.consequences = row.consequences;
  return out;
}

/** A scored roster as plain JSON, the `mib roster --json` contract of DESIGN.md: numbers as numbers, and
 * money beside its exact text (a double cannot hold every fen of a large sum), as serialize.ts does. */
export function rosterJson(roster: RosterResult, rubric?: Rubric): RosterJson {
  return rosterJsonWith(roster, roster.institutions.map(institutionJson), rubric);
}

/** The same with `institutions` as the caller gives them (mib roster builds each as it writes it); with the
 * rubric, the summary carries the findings (over-cap items, vetoes, self-score gaps, invalid and missing facts). */
export function rosterJsonWith<I>(roster: RosterResult, institutions: I, rubric?: Rubric) {
  const s = roster.summary;
  return {
    rubric: roster.rubricId,
    ...(roster.policyId && { policy: roster.policyId }),
    options: roster.options,
    institutions,
    groups: roster.groups.map((g) => ({
      id: g.inputId,
      item: g.itemNo,
      ...(g.code && { code: g.code }),
      group: g.group,
      kind: g.kind,
      reading: g.reading,
      count: g.count,
      cutPoints: g.cutPoints.map(toNumber),
      trimmedLow: g.trimmedLow,
      trimmedHigh: g.trimmedHigh,
      ...(g.firstIntervalFrom && { firstIntervalFrom: toNumber(g.firstIntervalFrom) }),
      lines: g.lines,
    })),
    summary: {
      institutions: s.institutions,
      perGrade: s.perGrade,
      provisional: s.provisional,
      withheld: s.withheld,
      subordinates: s.subordinates,
      vetoes: s.vetoes,
      depositTotal: toNumber(s.depositTotal),
      depositTotalText: s.depositTotal.toFixed(2),
      refundPaid: toNumber(s.refundPaid),
      refundPaidText: s.refundPaid.toFixed(2),
      refundWithheld: toNumber(s.refundWithheld),
      refundWithheldText: s.refundWithheld.toFixed(2),
      // 暂缓 by why and the subordinates' deposits: with 返还 and 不予返还 they add up to depositTotal
      deferred: byDeferred((state) => toNumber(s.deferred[state])),
      deferredText: byDeferred((state) => s.deferred[state].toFixed(2)),
      subordinateDeposits: toNumber(s.subordinateDeposits),
      subordinateDepositsText: s.subordinateDeposits.toFixed(2),
      rowsWithProblems: s.rowsWithProblems,
      ...(rubric && { findings: findingsJson(rosterFindings(roster, rubric)) }),
      // 通报: the paragraph an agency publishes with the 公示名单
      bulletin: bulletin(roster),
    },
    problems: roster.problems.map((p) => p.message),
    // the rubric's and policy's readings that applied (口径说明)
    readings: roster.readings,
    ...(roster.rules && {
      rules: roster.rules.map((o) => ({
        rule: o.rule,
        rank: o.rank,
        consequence: o.consequence,
        text: o.text,
        group: o.group,
        ranked: o.ranked,
        excluded: o.excluded,
        target: o.target,
        marked: o.marked,
        ...(o.cutScore && { cutScore: toNumber(o.cutScore) }),
        provisional: o.provisional,
        lines: o.lines,
      })),
    }),
    ...(roster.previousYear && {
      previousYear: {
        source: roster.previousYear.source,
        institutions: roster.previousYear.institutions,
        scored: roster.previousYear.scored,
        newcomers: roster.previousYear.newcomers,
        leavers: roster.previousYear.leavers.map((l) => ({
          code: l.code,
          name: l.name,
          ...(l.total && { total: toNumber(l.total) }),
          ...(l.grade !== undefined && { grade: l.grade }),
        })),
        lines: roster.previousYear.lines,
      },
    }),
  };
}

export type RosterJson = ReturnType<typeof rosterJsonWith<ReturnType<typeof institutionJson>[]>>;
