import { sum, ZERO } from '../decimal';
import type { Policy } from '../policy/schema';
import type { RosterRowResult, RosterSummary } from './types';

/** The roster's counts and money: institutions per grade in the policy's order, provisional and withheld
 * grades, subordinates, vetoes, deposits, refunds paid and withheld (deposit − refund where a refund is
 * known), rows with a problem. */
export function rosterSummary(rows: readonly RosterRowResult[], policy: Policy | undefined, subordinates: number): RosterSummary {
  const perGrade = (policy?.grades ?? []).map((g) => ({ label: g.label, count: 0 }));
  const index = new Map(perGrade.map((g, i) => [g.label, i]));
  let provisional = 0;
  let withheld = 0;
  for (const row of rows) {
    if (row.grade !== undefined) perGrade[index.get(row.grade) ?? -1]!.count++;
    const status = row.status;
    if (status === 'provisional') provisional++;
    else if (status === 'withheld') withheld++;
  }
  const refunded = rows.filter((r) => r.refund !== undefined && r.institution.deposit !== undefined);
  return {
    institutions: rows.length,
    perGrade,
    provisional,
    withheld,
    subordinates,
    vetoes: rows.filter((r) => r.vetoItems.length > 0).length,
    depositTotal: sum(rows.map((r) => r.institution.deposit ?? ZERO)),
    refundPaid: sum(refunded.map((r) => r.refund!)),
    refundWithheld: sum(refunded.map((r) => r.institution.deposit!.minus(r.refund!))),
    rowsWithProblems: rows.filter((r) => r.problems.length > 0 || r.invalid.length > 0).length,
  };
}
