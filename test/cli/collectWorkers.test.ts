// `mib collect` with its files read in worker threads gives what it gives on one thread: the same lines in
// the order the files were given (a damaged file and a missing one among them), the same roster.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { readXlsx } from '../../src/cli/roster/readXlsx';
import { fillTemplate } from '../support/filledSheet';

const dir = mkdtempSync(join(tmpdir(), 'mib-collect-workers-'));
const path = (name: string) => join(dir, name);

async function collect(files: string[], output: string, workers: string) {
  process.env.MIB_COLLECT_WORKERS = workers;
  const out: string[] = [];
  const code = await run(['collect', ...files, '-o', output, '--json'], {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeFile: (p, data) => writeFileSync(p, data),
    readsDisk: true,
  });
  return { code, report: JSON.parse(out.join('\n')) as { output: string; files: { file: string; status: string; code?: string }[] } };
}

afterEach(() => {
  delete process.env.MIB_COLLECT_WORKERS;
});

describe('mib collect in worker threads', () => {
  it('gives the one-thread result, file by file and in order', async () => {
    const files: string[] = [];
    for (let k = 0; k < 9; k++)
      files.push((await fillTemplate(path(`${k}.xlsx`), 'cq-jiangbei-2025-hospital', `J${k}`, { '6.1': k % 4, '4.1': k % 2 === 0 })).file);
    writeFileSync(path('damaged.xlsx'), readFileSync(files[0]!).subarray(0, 300));
    files.splice(3, 0, path('damaged.xlsx'));
    files.splice(7, 0, path('missing.xlsx'));

    const one = await collect(files, path('one.xlsx'), '0');
    const two = await collect(files, path('two.xlsx'), '2');
    expect(two.code).toBe(one.code);
    expect(two.report.files).toEqual(one.report.files);
    expect(two.report.files.map((f) => f.file)).toEqual(files);
    expect(two.report.files[3]!.status).toBe('refused');
    expect(two.report.files[7]!.status).toBe('refused');
    const [a, b] = [await readXlsx(readFileSync(path('one.xlsx')), 'one'), await readXlsx(readFileSync(path('two.xlsx')), 'two')];
    expect(b.rows).toEqual(a.rows);
    expect(a.rows).toHaveLength(9);
  }, 180_000);
});
