// `npm run bench`, hostile workbooks: a 3,800,000-row sheet (about 10 MB zipped) given to `mib roster` and,
// beside two good files, to `mib collect`, and a sheet of 10,000,000 nested elements to `mib collect`, each as
// a whole process through bin/mib.js. Prints how long the
// refusal took, the process's peak RSS and what it said; the goal (issue 21) is a refusal in a second or
// two, under 1 GB, with the good files collected. Nothing is asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillTemplate } from '../test/support/filledSheet';
import { manyRows, nestedTags } from '../test/support/hostileXlsx';
import { nodeProcess } from './child';
import { mb } from './measure';

function timedMib(label: string, args: string[]): void {
  const run = nodeProcess(['bin/mib.js', ...args]);
  const said = `${run.stdout}${run.stderr}`.trim().split('\n').slice(0, 3).join(' / ');
  console.log(
    `${label}: exit ${run.code}, wall ${(run.wallMs / 1000).toFixed(1)} s, CPU ${(run.cpuMs / 1000).toFixed(1)} s, peak RSS ${mb(run.maxRss)} (goal: refused in 1–2 s, < 1 GB), load ${loadavg()[0]!.toFixed(1)}\n  ${said}`,
  );
}

export async function benchHostile(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mib-bench-hostile-'));
  try {
    const bomb = join(dir, 'bomb.xlsx');
    const bytes = await manyRows(3_800_000);
    writeFileSync(bomb, bytes);
    console.log(`a 3,800,000-row sheet: ${mb(bytes.length)} zipped`);
    timedMib('mib roster of it', ['roster', 'cq-jiangbei-2025-hospital', '--input', bomb]);
    const good = [
      await fillTemplate(join(dir, 'a.xlsx'), 'cq-jiangbei-2025-hospital', 'A1', { '4.1': 1 }),
      await fillTemplate(join(dir, 'b.xlsx'), 'cq-jiangbei-2025-hospital', 'B1', { '6.1': 2 }),
    ];
    timedMib('mib collect of it beside two good files', ['collect', good[0]!.file, bomb, good[1]!.file, '-o', join(dir, 'roster.xlsx')]);
    // within every size limit, refused by the XML scanner's nesting limit (saxes held it 21 s and 3 GB)
    const nested = join(dir, 'nested.xlsx');
    const nestedBytes = await nestedTags(10_000_000, readFileSync(good[0]!.file));
    writeFileSync(nested, nestedBytes);
    console.log(`a sheet of 10,000,000 elements nested without end: ${Math.round(nestedBytes.length / 1024)} KB zipped, 30 MB unzipped`);
    timedMib('mib collect of it beside two good files', ['collect', good[0]!.file, nested, good[1]!.file, '-o', join(dir, 'roster.xlsx')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
