// `npm run bench`, roster workbook section: a 10,000-row 威海 二级 roster scored by scoreRoster under
// jilin-2025 (折算, deposits) — the table of the roster section —, planned into 汇总名单 / 汇总统计 /
// 同级分组, written to .xlsx by the streamed writer, and written through Office.js against a stand-in that
// counts syncs. Prints only; nothing is asserted.
import { performance } from 'node:perf_hooks';
import { gridPlansToXlsx } from '../src/cli/gridXlsx';
import { getPolicy, getRubric, scoreRoster } from '../src/core';
import { plannedRequests, writeGridPlans } from '../src/excel/writer';
import { planRosterWorkbook } from '../src/sheet/roster';
import { weihaiRosterTable } from './roster';
import { countingContext, median } from './sheet';

const ROWS = 10_000;
const RUNS = 3;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export async function benchRosterSheet(): Promise<void> {
  const rubric = getRubric('weihai-2021-hospital-l2');
  const policy = getPolicy('jilin-2025');
  const table = weihaiRosterTable(ROWS);
  // deposits, so that refunds are computed and summed
  const withDeposits = { ...table, header: [...table.header, '质量保证金'], rows: table.rows.map((row, i) => [...row, 50000 + (i % 20) * 5000]) };
  const scoreStart = performance.now();
  const result = scoreRoster(rubric, withDeposits, policy, { convert: true });
  console.log(`scoreRoster (jilin-2025, 折算, deposits): ${(performance.now() - scoreStart).toFixed(0)} ms`);

  const planTimes: number[] = [];
  let plan = planRosterWorkbook(result, rubric, policy);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    plan = planRosterWorkbook(result, rubric, policy);
    planTimes.push(performance.now() - start);
  }
  const cells = plan.roster.plan.body!.rows.length * plan.roster.columns.length;
  console.log(`plan: ${ROWS} rows × ${plan.roster.columns.length} columns (${cells} cells), median ${median(planTimes).toFixed(0)} ms`);

  const rssBefore = process.memoryUsage().rss;
  const xlsxStart = performance.now();
  const bytes = await gridPlansToXlsx(plan.sheets);
  const xlsxMs = performance.now() - xlsxStart;
  console.log(`xlsx (ExcelJS streamed): ${mb(bytes.length)} in ${xlsxMs.toFixed(0)} ms, rss ${mb(process.memoryUsage().rss)} (was ${mb(rssBefore)})`);

  const requests = plannedRequests(plan.sheets);
  const { context, syncs } = countingContext();
  const writeStart = performance.now();
  await writeGridPlans(context, plan.sheets);
  console.log(
    `Office.js: ${syncs()} syncs, requests ${requests.map(mb).join(' + ')} (largest ${mb(Math.max(...requests))}), queued in ${(performance.now() - writeStart).toFixed(0)} ms`,
  );
}
