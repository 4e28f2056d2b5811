import type { RosterResult } from './types';

/** A scored roster as plain JSON, the `mib roster --json` contract of DESIGN.md: numbers as numbers, and
 * money beside its exact text (a double cannot hold every fen of a large sum), as serialize.ts does. */
export function rosterJson(roster: RosterResult) {
  const s = roster.summary;
  return {
    rubric: roster.rubricId,
    ...(roster.policyId && { policy: roster.policyId }),
    options: roster.options,
    institutions: roster.institutions.map((row) => ({
      code: row.institution.code,
      name: row.institution.name,
      total: row.total.toNumber(),
      ...(row.ownTotal && { ownTotal: row.ownTotal.toNumber() }),
      ...(row.grade !== undefined && { grade: row.grade }),
      gradeText: row.gradeText,
      ...(row.status && { gradeStatus: row.status }),
      refund: row.refund?.toNumber() ?? null,
      ...(row.refund && { refundText: row.refund.toFixed(2) }),
      vetoItems: row.vetoItems,
      items: row.items.map((i) => ({ id: i.id, ...(i.code && { code: i.code }), score: i.score.toNumber(), overCap: i.overCap.toNumber() })),
      peer: row.peer.map((p) => ({
        id: p.inputId,
        item: p.itemNo,
        ...(p.code && { code: p.code }),
        group: p.group,
        ...(p.measure && { measure: p.measure.toNumber() }),
        ...(p.value !== undefined && { value: typeof p.value === 'string' ? Number(p.value) : p.value }),
        line: p.line,
      })),
      missing: row.missing,
      ...(row.selfDifference && { selfDifference: row.selfDifference.toNumber() }),
      problems: [...row.invalid, ...row.problems].map((p) => p.message),
      ...(row.result && { trace: row.result.items.flatMap((i) => i.trace) }),
      ...(row.assessment && { gradeTrace: row.assessment.trace }),
    })),
    groups: roster.groups.map((g) => ({
      id: g.inputId,
      item: g.itemNo,
      ...(g.code && { code: g.code }),
      group: g.group,
      kind: g.kind,
      reading: g.reading,
      count: g.count,
      cutPoints: g.cutPoints.map((c) => c.toNumber()),
      trimmedLow: g.trimmedLow,
      trimmedHigh: g.trimmedHigh,
      lines: g.lines,
    })),
    summary: {
      institutions: s.institutions,
      perGrade: s.perGrade,
      provisional: s.provisional,
      withheld: s.withheld,
      subordinates: s.subordinates,
      vetoes: s.vetoes,
      depositTotal: s.depositTotal.toNumber(),
      depositTotalText: s.depositTotal.toFixed(2),
      refundPaid: s.refundPaid.toNumber(),
      refundPaidText: s.refundPaid.toFixed(2),
      refundWithheld: s.refundWithheld.toNumber(),
      refundWithheldText: s.refundWithheld.toFixed(2),
      rowsWithProblems: s.rowsWithProblems,
    },
    problems: roster.problems.map((p) => p.message),
    // the rubric's and policy's readings that applied (口径说明)
    readings: roster.readings,
  };
}
export type RosterJson = ReturnType<typeof rosterJson>;
