// `mib template ./table.json --policy ./policy.json`: the workbook carries both files (the MIB_FILES
// contract), they read back into the same table and policy, and LibreOffice computes the sheet to the
// core's numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assess, checkedFile, D, evaluate, fingerprint, type Policy, registerPolicy, registerRubric, type Rubric, unregister } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { FILES_SHEET as STORED_FILES_SHEET, readStoredFiles } from '../../src/sheet/storedFiles/contract';
import { mibOnDisk as mib } from '../support/mibOnDisk';
import { regionExamples } from '../support/regionExamples';
import { type Computed, recalculate, sofficeVersion } from '../support/sofficeRecalc';

const { dir, table, policy, facts } = regionExamples('mib-template-own-');
const out = join(dir, 'moudi.xlsx');
const DEPOSIT = '50000';

const fromFile = (path: string) => checkedFile(JSON.parse(readFileSync(path, 'utf8')), path);
const rubric = (fromFile(table) as { rubric: Rubric }).rubric;
const region = (fromFile(policy) as { policy: Policy }).policy;

let workbook: ExcelJS.Workbook;
let printed: { code: number; out: string; err: string };

beforeAll(async () => {
  printed = await mib(
    'template',
    table,
    '--policy',
    policy,
    '--deposit',
    DEPOSIT,
    '--input',
    facts,
    '--name',
    '某地某医院',
    '--year',
    '2026',
    '--complete',
    '-o',
    out,
  );
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
});

describe('mib template with a region’s own files', () => {
  it('writes the sheet from the file, its header naming the table and its provenance', () => {
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('工作表“某地某医院-2026”，5 项、8 个填报值');
    expect(printed.out).toContain('工作簿内附 考核表 moudi-2026-hospital、政策 moudi-2026（隐藏工作表 MIB_FILES）');
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('某地某医院-2026');
    expect(sheet.getCell('M3').value).toBe('moudi-2026-hospital'); // beside the header, not printed
    const header = [1, 2, 3].map((r) => String(sheet.getCell(`A${r}`).value ?? '')).join('\n');
    expect(header).toContain('某地2026年定点医疗机构考核表');
    expect(header).toContain('某医保发〔2026〕1号');
  });

  it('carries both files in a very hidden, protected MIB_FILES sheet that reads back to the same table and policy', () => {
    const stored = workbook.getWorksheet(STORED_FILES_SHEET)!;
    expect(stored.state).toBe('veryHidden');
    expect((stored as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const rows: unknown[][] = [];
    stored.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['类型', '编号', '指纹', '内容（分段）']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['rubric', 'moudi-2026-hospital', fingerprint(readFileSync(table, 'utf8'))],
      ['policy', 'moudi-2026', fingerprint(readFileSync(policy, 'utf8'))],
    ]);
    const { files, damaged } = readStoredFiles(rows);
    expect(damaged).toEqual([]);
    expect(files.map((f) => f.text)).toEqual([readFileSync(table, 'utf8'), readFileSync(policy, 'utf8')]);
    // parsed with the same core function as any file: the same table and policy
    expect(checkedFile(JSON.parse(files[0]!.text), 'MIB_FILES', 'rubric')).toEqual({ kind: 'rubric', rubric, warnings: [] });
    expect(checkedFile(JSON.parse(files[1]!.text), 'MIB_FILES', 'policy')).toEqual({ kind: 'policy', policy: region, warnings: [] });
  });

  it('a bundled table’s template carries no files', async () => {
    const plain = join(dir, 'jb.xlsx');
    expect((await mib('template', 'cq-jiangbei-2025-hospital', '--policy', 'jilin-2025', '-o', plain)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(plain) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).not.toContain(STORED_FILES_SHEET);
  });

  it('LibreOffice recalculates the template to the core’s numbers (85, 良好, 47500)', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const cell: Computed = (await recalculate([out])).get(out)!;
    const raw = JSON.parse(readFileSync(facts, 'utf8')) as Record<string, unknown>;
    const result = evaluate(rubric, raw);
    const assessed = assess(rubric, result, region, { complete: true, deposit: new D(DEPOSIT) });
    expect([result.total.toNumber(), assessed.gradeText, assessed.refund?.amount.toNumber()]).toEqual([85, '良好', 47500]);
    // the cells the plan puts them in, from the same files registered as mib registers them
    registerRubric(rubric);
    registerPolicy(region);
    try {
      const plan = planSheet(rubric, {
        policyId: region.id,
        deposit: DEPOSIT,
        inputs: raw,
        institutionName: '某地某医院',
        year: 2026,
        withAddinFunctions: false,
        complete: true,
      });
      result.items.forEach((item, k) => expect(cell(plan.items[k]!.score)).toBe(item.score.toNumber()));
      expect(cell(plan.fields.total)).toBe(85);
      expect(cell(plan.fields.grade!)).toBe('良好');
      expect(cell(plan.fields.refund!)).toBe(47500);
    } finally {
      unregister('rubric', rubric.id);
      unregister('policy', region.id);
    }
  }, 180_000);
});
