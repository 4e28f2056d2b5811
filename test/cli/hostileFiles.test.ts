// A hostile workbook in `mib roster` and in a `mib collect` batch (issue 21, at a reduced scale: the bench
// runs the 3,800,000-row file): refused with one Chinese message naming the file and the limit, no
// library text, and in collect every good file of the batch still goes in.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../../src/sheet/xlsx/limits';
import { fillTemplate } from '../support/filledSheet';
import { manyRows, nestedTags, ROSTER_HEADER } from '../support/hostileXlsx';
import { mibOnDisk } from '../support/mibOnDisk';

const dir = mkdtempSync(join(tmpdir(), 'mib-hostile-'));
const path = (name: string) => join(dir, name);

describe('hostile workbooks on the command line', () => {
  it('mib roster refuses a sheet of too many rows, naming the file and the limit', async () => {
    writeFileSync(path('bomb.xlsx'), await manyRows(XLSX_LIMITS.rows + 1_000, 1, ROSTER_HEADER));
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', path('bomb.xlsx'), '--policy', 'cq-jiangbei-2025');
    expect(run.code).toBe(2);
    expect(run.err).toContain('bomb.xlsx');
    expect(run.err).toContain('有一张工作表超过 100,001 行');
    expect(run.err).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/); // no English sentence from a library
  });

  it('mib collect goes on with the good files of the batch', async () => {
    writeFileSync(path('bomb.xlsx'), await manyRows(XLSX_LIMITS.rows + 1_000));
    const good = await fillTemplate(path('good.xlsx'), 'cq-jiangbei-2025-hospital', 'G1', { '4.1': 1 });
    const run = await mibOnDisk('collect', good.file, path('bomb.xlsx'), '-o', path('roster.xlsx'), '--json');
    const report = JSON.parse(run.out) as { collected: number; files: { status: string; notes: string[] }[] };
    expect(report.collected).toBe(1);
    const line = JSON.stringify(report.files);
    expect(line).toContain('有一张工作表超过 100,001 行');
  });

  it('mib roster refuses a sheet of elements nested without end as damaged', async () => {
    writeFileSync(path('nested-roster.xlsx'), await nestedTags(100_000));
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', path('nested-roster.xlsx'), '--policy', 'cq-jiangbei-2025');
    expect(run.code).toBe(2);
    expect(run.err).toContain('nested-roster.xlsx');
    expect(run.err).toContain('已损坏或不是 Excel 工作簿');
    expect(run.err).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
  });

  it('mib collect refuses a sheet of elements nested without end as damaged, and goes on with the good files', async () => {
    const filled = await fillTemplate(path('filled.xlsx'), 'cq-jiangbei-2025-hospital', 'N1', { '4.1': 1 });
    writeFileSync(path('nested.xlsx'), await nestedTags(100_000, readFileSync(filled.file)));
    const good = await fillTemplate(path('good2.xlsx'), 'cq-jiangbei-2025-hospital', 'G2', { '4.1': 1 });
    const run = await mibOnDisk('collect', path('nested.xlsx'), good.file, '-o', path('roster2.xlsx'), '--json');
    const report = JSON.parse(run.out) as { collected: number; files: { file: string; status: string; notes: string[] }[] };
    expect(report.collected).toBe(1);
    const nested = report.files.find((f) => f.file.endsWith('nested.xlsx'));
    expect(JSON.stringify(nested)).toContain('已损坏或不是 Excel 工作簿');
    expect(JSON.stringify(nested)).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
  });
});
