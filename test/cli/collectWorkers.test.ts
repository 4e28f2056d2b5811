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

async function collect(files: string[], output: string, workers: string, more: string[] = []) {
  process.env.MIB_COLLECT_WORKERS = workers;
  const out: string[] = [];
  const code = await run(['collect', ...files, '-o', output, '--json', ...more], {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeFile: (p, data) => writeFileSync(p, data),
    readsDisk: true,
  });
  return {
    code,
    report: JSON.parse(out.join('\n')) as {
      output: string;
      files: { file: string; status: string; code?: string; total?: string; notes: string[] }[];
    },
  };
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

  it('a region’s own table in two versions: a worker that read a sheet with another version than the first file’s gives it back to be read again', async () => {
    const { regionExamples } = await import('../support/regionExamples');
    const region = regionExamples('mib-collect-workers-region-');
    const made: string[] = [];
    const make = async (code: string) => {
      const file = join(region.dir, `${code}.xlsx`);
      const out: string[] = [];
      const io = {
        out: (t: string) => out.push(t),
        err: (t: string) => out.push(t),
        readFile: (p: string) => readFileSync(p, 'utf8'),
        writeFile: (p: string, d: Uint8Array) => writeFileSync(p, d),
      };
      expect(await run(['template', region.table, '--code', code, '--input', region.facts, '-o', file], io)).toBe(0);
      made.push(file);
    };
    await make('R1');
    // the table edited since (a later version under the same id, 每次扣3分 where it said 2): R2, R3 are made
    // from it
    const table = JSON.parse(readFileSync(region.table, 'utf8')) as { items: { no: string; rules: { points?: number }[] }[] };
    table.items.find((item) => item.no === '2')!.rules[0]!.points = 3;
    writeFileSync(region.table, JSON.stringify(table, null, 2));
    await make('R2');
    await make('R3');
    // R1 and R2 to the first worker, R3 to the second: the second registers the later version and reads R3
    // with it, where one thread reads it with R1's version (taken first) and says so; the collector reads it
    // again, so the totals are the one thread's
    const one = await collect(made, path('region-one.xlsx'), '0');
    const two = await collect(made, path('region-two.xlsx'), '2');
    expect(two.report.files).toEqual(one.report.files);
    expect(one.report.files.map((f) => f.status)).toEqual(['ok', 'flagged', 'flagged']);
    // read with the first version: 3 times 2 points deducted in 2.1, as in R1
    expect(new Set(one.report.files.map((f) => f.total)).size).toBe(1);
    expect(one.report.files[1]!.notes[0]).toMatch(/^本表按考核表“[^”]+”的另一版本生成/);
    const [a, b] = [await readXlsx(readFileSync(path('region-one.xlsx')), 'one'), await readXlsx(readFileSync(path('region-two.xlsx')), 'two')];
    expect(b.rows).toEqual(a.rows);
  }, 180_000);
});
