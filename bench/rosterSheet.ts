// `npm run bench`, roster workbook section: the roster section's 10,000-row 威海 二级 table as a CSV with
// deposits, read, scored under jilin-2025 (折算) and written to .xlsx as `mib roster -o` would, first in a
// fresh process stage by stage (bench/rosterStages.ts), then in this one; then the
// planning alone, the streamed .xlsx writer alone, and the Office.js writer against a stand-in that counts
// syncs. After the stages, the whole `mib roster` command on that CSV in a fresh process (bench/rosterCommand.ts).
// Prints only; nothing is asserted.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gridPlansToXlsx } from '../src/cli/gridXlsx';
import { readCsv } from '../src/cli/roster/readCsv';
import { getPolicy, getRubric, scoreRoster } from '../src/core';
import { plannedRequests, writeGridPlans } from '../src/excel/writer';
import { planRosterWorkbook } from '../src/sheet/roster';
import { peakRss } from './measure';
import { weihaiRosterCsv } from './rosterStages';
import { benchRosterCommand } from './rosterCommand';
import { countingContext, median } from './sheet';

const ROWS = 10_000;
const RUNS = 3;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export async function benchRosterSheet(): Promise<void> {
  // first the whole run in a fresh process, as `mib roster -o` runs it, stage by stage
  const stages = fileURLToPath(new URL('./rosterStages.ts', import.meta.url));
  console.log(execFileSync(process.execPath, [...process.execArgv, stages], { encoding: 'utf8' }).trimEnd());

  const rubric = getRubric('weihai-2021-hospital-l2');
  const policy = getPolicy('jilin-2025');
  // the same in this process (after the other sections): read, score, plan, write
  const csv = weihaiRosterCsv(ROWS);
  const [runStart, cpuStart] = [performance.now(), process.cpuUsage()];
  const read = readCsv(csv, 'roster.csv');
  const readMs = performance.now() - runStart;
  const scoreStart = performance.now();
  const result = scoreRoster(rubric, read, policy, { convert: true });
  const scoreMs = performance.now() - scoreStart;
  const scoredRss = process.memoryUsage().rss;
  const workbookStart = performance.now();
  const bytes = await gridPlansToXlsx(planRosterWorkbook(result, rubric, policy).sheets);
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `CSV → .xlsx in this process (${mb(csv.length)} CSV): read ${readMs.toFixed(0)} ms, scoreRoster (jilin-2025, 折算, deposits) ${scoreMs.toFixed(0)} ms, plan + write ${(performance.now() - workbookStart).toFixed(0)} ms; total ${(performance.now() - runStart).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ${mb(bytes.length)}, rss ${mb(scoredRss)} after scoring, ${mb(process.memoryUsage().rss)} after writing, peak RSS of the bench process ${mb(peakRss())}`,
  );

  benchRosterCommand(csv);

  const planTimes: number[] = [];
  let plan = planRosterWorkbook(result, rubric, policy);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    plan = planRosterWorkbook(result, rubric, policy);
    planTimes.push(performance.now() - start);
  }
  const cells = plan.roster.plan.body!.rows.length * plan.roster.columns.length;
  console.log(`plan: ${ROWS} rows × ${plan.roster.columns.length} columns (${cells} cells), median ${median(planTimes).toFixed(0)} ms`);

  const xlsxStart = performance.now();
  const written = await gridPlansToXlsx(plan.sheets);
  console.log(`xlsx (ExcelJS streamed): ${mb(written.length)} in ${(performance.now() - xlsxStart).toFixed(0)} ms`);

  const requests = plannedRequests(plan.sheets);
  const { context, syncs } = countingContext();
  const writeStart = performance.now();
  await writeGridPlans(context, plan.sheets);
  console.log(
    `Office.js: ${syncs()} syncs, requests ${requests.map(mb).join(' + ')} (largest ${mb(Math.max(...requests))}), queued in ${(performance.now() - writeStart).toFixed(0)} ms`,
  );
}
