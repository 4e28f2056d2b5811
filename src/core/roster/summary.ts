import type { Policy } from '../policy/schema';
import { rosterMoney } from './money';
import type { RosterRowResult, RosterSummary } from './types';

/** The roster's counts and money: institutions per grade in the policy's order, provisional and withheld
 * grades, subordinates, vetoes, rows with a problem, and the deposits split so that every one is in one
 * line (rosterMoney: 返还, 不予返还, 暂缓 by why, 下属机构). */
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
  return {
    institutions: rows.length,
    perGrade,
    provisional,
    withheld,
    subordinates,
    vetoes: rows.filter((r) => r.vetoItems.length > 0).length,
    ...rosterMoney(rows),
    rowsWithProblems: rows.filter((r) => r.problems.length > 0 || r.invalid.length > 0).length,
  };
}
