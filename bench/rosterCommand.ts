// `npm run bench`, roster workbook section: the whole `mib roster` command, as a clerk runs it, from a
// 10,000-row 威海 二级 CSV on disk to the .xlsx, through the real command handler (run in main.ts) in a
// fresh Node process, so that its peak memory is the command's own. Prints only; nothing is asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs `mib roster weihai-2021-hospital-l2 --input roster.csv --policy jilin-2025 --convert -o roster.xlsx`
 * in a child process (bench/rosterCommandChild.ts) and prints its time and peak RSS. */
export function benchRosterCommand(csv: Uint8Array): void {
  const dir = mkdtempSync(join(tmpdir(), 'mib-bench-roster-'));
  try {
    const input = join(dir, 'roster.csv');
    const output = join(dir, 'roster.xlsx');
    writeFileSync(input, csv);
    const argv = ['roster', 'weihai-2021-hospital-l2', '--input', input, '--policy', 'jilin-2025', '--convert', '-o', output];
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'rosterCommandChild.ts'), ...argv], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = performance.now() - start;
    const report = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !report.startsWith('{')) {
      console.log(`mib roster (child process) failed: exit ${child.status}: ${child.stderr.slice(0, 500)}`);
      return;
    }
    const { ms, code, maxRss } = JSON.parse(report) as { ms: number; code: number; maxRss: number };
    console.log(
      `mib roster, 10,000-row 威海 二级 CSV (${mb(csv.length)}) → .xlsx (${mb(statSync(output).size)}), jilin-2025 折算 with deposits: command ${(ms / 1000).toFixed(1)} s (exit ${code}), process ${(wall / 1000).toFixed(1)} s with Node and tsx start-up, peak rss ${mb(maxRss)} (goal < 1 GB), load ${loadavg()[0]!.toFixed(1)}; the compiled mib against the issue's goals: section “rosters at scale”`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
