// `npm run bench`, command-line start-up: `mib grade`, `mib refund` and `mib score` of one institution, each
// as a whole Node process run through bin/mib.js as a user runs it, paired run by run with `node -e 0` (the
// floor no command can beat). Prints the median of the paired runs' CPU, wall time and peak RSS, the ratio
// to the floor and the goal (issue 21: at most 3× the CPU of `node -e 0`). Nothing is asserted.
import { loadavg } from 'node:os';
import { type ChildRun, nodeProcess } from './child';
import { mb } from './measure';

const RUNS = 5;

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One whole process, which must succeed. */
function once(args: string[]): ChildRun {
  const run = nodeProcess(args);
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stderr.slice(0, 300)}`);
  return run;
}

export function benchStartup(): void {
  // a first call builds the bundle where the sources changed since the last build: not counted
  for (const [, args] of COMMANDS) once(args);
  for (const [label, args] of COMMANDS) {
    const runs: ChildRun[] = [];
    const floor: ChildRun[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = once(args);
      const b = once(['-e', '0']);
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
}
