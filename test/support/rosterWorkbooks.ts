// Roster workbooks planned, written to .xlsx by the streamed writer and recalculated by LibreOffice in one
// run, for the tests that compare the workbook's formulas with the core's numbers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gridPlansToXlsx } from '../../src/cli/gridXlsx';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import type { MoneyKey } from '../../src/core/roster/money';
import type { DeferredState, RosterResult } from '../../src/core/roster/types';
import { type RosterWorkbookPlan, planRosterWorkbook, type SummaryCells } from '../../src/sheet/roster';
import { type Computed, recalculate, sofficeVersion } from './sofficeRecalc';

export interface RosterWorkbookCase {
  result: RosterResult;
  plan: RosterWorkbookPlan;
  file: string;
}

/** Each roster (key, result, rubric id) planned under 吉林's policy and written to .xlsx, then all of them
 * recalculated by LibreOffice (computed is keyed by file); refuses plainly when LibreOffice is missing. */
export async function recalculatedRosters(
  prefix: string,
  made: [key: string, result: RosterResult, rubricId: string][],
): Promise<{ cases: Record<string, RosterWorkbookCase>; computed: Map<string, Computed> }> {
  if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
  const jilin = getPolicy('jilin-2025');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const cases: Record<string, RosterWorkbookCase> = {};
  for (const [key, result, rubricId] of made) {
    const plan = planRosterWorkbook(result, getRubric(rubricId), jilin);
    const file = join(dir, `${key}.xlsx`);
    writeFileSync(file, await gridPlansToXlsx(plan.sheets));
    cases[key] = { result, plan, file };
  }
  const computed = await recalculate(Object.values(cases).map((c) => c.file));
  return { cases, computed };
}

/** The cell of each money line in 汇总统计, by the core's key (MONEY_KEYS). */
export function moneyCell(cells: SummaryCells, key: MoneyKey): string {
  if (key.startsWith('deferred.')) return cells.deferred[key.slice('deferred.'.length) as DeferredState];
  return cells[key as 'depositTotal' | 'refundPaid' | 'refundWithheld' | 'subordinateDeposits'];
}
