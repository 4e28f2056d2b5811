// Issue 14's roster run stage by stage, as `mib roster -o` runs it: a fresh process, the 10,000-row 威海 二级
// table as the clerk's CSV (with deposits) → read (its lines kept, split as asked) → institutions and peers,
// then each row scored and only what the workbook reads kept of it (keptRow) → plan → .xlsx.
// Each stage prints its wall time, its CPU time (steadier when other work shares the machine) and the
// process's peak RSS so far; the load average stands beside them. Run by bench/rosterSheet.ts in a child
// process (`tsx bench/rosterStages.ts`), so that no earlier section's heap or code shapes the figures.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gridPlansToXlsx } from '../src/cli/gridXlsx';
import { keptRow, SharedScores } from '../src/cli/roster/keptRow';
import { readCsvRows } from '../src/cli/roster/readCsv';
import { getPolicy, getRubric, scoreRoster } from '../src/core';
import { readInstitutions } from '../src/core/roster/institutions';
import { peerOptionsOf } from '../src/core/roster/peer/options';
import { computePeers } from '../src/core/roster/peerValues';
import { rosterSummary } from '../src/core/roster/summary';
import { planRosterWorkbook } from '../src/sheet/roster';
import { mb, peakRss, timed } from './measure';
import { weihaiRosterTable } from './roster';

const ROWS = 10_000;
/** The 10,000-row roster as the clerk's CSV: UTF-8 bytes, with a 质量保证金 column. */
export function weihaiRosterCsv(rows = ROWS): Uint8Array {
  const table = weihaiRosterTable(rows);
  const lines = [
    [...table.header, '质量保证金'],
    ...table.rows.map((row, i) => [...row.map((v) => (v === undefined || v === null ? '' : String(v))), 50000 + (i % 20) * 5000]),
  ];
  return new TextEncoder().encode(`${lines.map((line) => line.join(',')).join('\r\n')}\r\n`);
}

export async function rosterStages(): Promise<void> {
  const rubric = getRubric('weihai-2021-hospital-l2');
  const policy = getPolicy('jilin-2025');
  const csv = weihaiRosterCsv();
  console.log(`(the bench's CSV made: peak RSS ${mb(peakRss())} before reading)`);
  const runStart = performance.now();
  const table = await timed(`read CSV (${mb(csv.length)}, ${ROWS} rows)`, () => readCsvRows(csv, 'roster.csv'));
  const shared = new SharedScores();
  const result = await timed('scoreRoster (read, peers, evaluate + assess, summary; jilin-2025, 折算, deposits), rows kept for the sheet', () =>
    scoreRoster(rubric, table, policy, { convert: true, onScored: (row) => keptRow(row, true, shared) }),
  );
  // its parts on their own, after it (as mib roster runs, scoreRoster above met them first)
  const read = await timed('  of which: institutions read and checked', () => readInstitutions(rubric, table, policy));
  await timed('  of which: peers (8 clauses over 2 groups)', () => computePeers(rubric, read.institutions, read.columns, peerOptionsOf()));
  await timed('  of which: summary', () => rosterSummary(result.institutions, policy, result.summary.subordinates));
  const plan = await timed('plan (汇总名单, 汇总统计, 同级分组; 汇总名单 made as written)', () =>
    planRosterWorkbook(result, rubric, policy, { streamed: true }),
  );
  const bytes = await timed('.xlsx write (ExcelJS streamed)', () => gridPlansToXlsx(plan.sheets));
  console.log(`CSV → .xlsx: ${(performance.now() - runStart).toFixed(0)} ms, ${mb(bytes.length)} written, peak RSS ${mb(peakRss())}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await rosterStages();
