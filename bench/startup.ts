// `npm run bench`, command-line start-up: `mib grade`, `mib refund` and `mib score` of one institution, each
// as a whole Node process run through bin/mib.js as a user runs it, paired run by run with `node -e 0` (the
// floor no command can beat). Prints the median of the paired runs' CPU, wall time and peak RSS, the ratio
// to the floor and the goal (issue 21: at most 3× the CPU of `node -e 0`). Nothing is asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mb } from './measure';

const RUNS = 5;
const ROOT = join(import.meta.dirname, '..');
const PRELOAD = join(import.meta.dirname, 'usageAtExit.cjs');

const COMMANDS: [string, string[]][] = [
  ['mib grade 85 --policy jilin-2025', ['bin/mib.js', 'grade', '85', '--policy', 'jilin-2025']],
  ['mib refund 85 --deposit 100000 --policy jilin-2025', ['bin/mib.js', 'refund', '85', '--deposit', '100000', '--policy', 'jilin-2025']],
  [
    'mib score (江北 hospital, one institution)',
    [
      'bin/mib.js',
      'score',
      'cq-jiangbei-2025-hospital',
      '--input',
      'examples/jiangbei-hospital.json',
      '--ownership',
      '公立',
      '--policy',
      'cq-jiangbei-2025',
    ],
  ],
];

interface Run {
  cpuMs: number;
  wallMs: number;
  maxRss: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One whole process: wall time measured here, CPU and peak RSS reported by the process itself at exit. */
function once(args: string[], usageFile: string): Run {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['-r', PRELOAD, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MIB_BENCH_USAGE: usageFile },
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 300)}`);
  const last = readFileSync(usageFile, 'utf8').trim().split('\n').at(-1)!;
  const { cpuMs, maxRss } = JSON.parse(last) as { cpuMs: number; maxRss: number };
  return { cpuMs, wallMs, maxRss };
}

export function benchStartup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'mib-bench-start-'));
  try {
    const usage = join(dir, 'usage.jsonl');
    // a first call builds the bundle where the sources changed since the last build: not counted
    for (const [, args] of COMMANDS) once(args, usage);
    for (const [label, args] of COMMANDS) {
      const runs: Run[] = [];
      const floor: Run[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const a = once(args, usage);
        const b = once(['-e', '0'], usage);
        runs.push(a);
        floor.push(b);
        ratios.push(a.cpuMs / b.cpuMs);
      }
      const cpu = median(runs.map((r) => r.cpuMs));
      console.log(
        `${label}: CPU ${cpu.toFixed(0)} ms, wall ${median(runs.map((r) => r.wallMs)).toFixed(0)} ms, peak RSS ${mb(median(runs.map((r) => r.maxRss)))}; ` +
          `node -e 0: CPU ${median(floor.map((r) => r.cpuMs)).toFixed(0)} ms; ratio ${median(ratios).toFixed(2)}× (median of ${RUNS} pairs; goal ≤ 3×), load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
