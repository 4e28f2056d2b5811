// `mib collect`'s messages (issue 22, deliver 6): a file given twice is collected once and said so (not a
// duplicate of itself); the 工作表 column names the sheet; a CSV is called a text file, not asked to end in
// .csv; tables by their names; no English or library text ("ENOENT", "Corrupted zip").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/cli/roster/readXlsx';
import { fillTemplate } from '../support/filledSheet';
import { mibOnDisk } from '../support/mibOnDisk';

const dir = mkdtempSync(join(tmpdir(), 'mib-collect-messages-'));
const path = (name: string) => join(dir, name);
const RUBRIC = 'cq-jiangbei-2025-hospital';
/** Words of a system or a library that must not reach a clerk. */
const FOREIGN = /ENOENT|EACCES|no such file|Corrupted|zip|Error|undefined|cq-jiangbei|weihai-20/;

describe('mib collect: messages a clerk reads', () => {
  it('the same file given twice is collected once, its line says so, and nothing is called a duplicate', async () => {
    const sheet = await fillTemplate(path('J1.xlsx'), RUBRIC, 'J1', { '6.1': 1 });
    const other = await fillTemplate(path('J2.xlsx'), RUBRIC, 'J2', {});
    const out = path('twice.xlsx');
    const run = await mibOnDisk('collect', sheet.file, other.file, sheet.file, join(dir, '.', 'J1.xlsx'), '-o', out);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines.filter((l) => l.startsWith(`${sheet.file}：`))).toHaveLength(1);
    expect(run.out).toContain('此文件给了 3 次，只收集一次');
    expect(run.out).not.toContain('重复');
    expect(run.out).toContain('已收集 2 份：');
    expect((await readXlsx(readFileSync(out), out)).rows.map((row) => row[0])).toEqual(['J1', 'J2']);
  }, 30_000);

  it('the 收集情况 sheet names the sheet each line is of', async () => {
    const sheet = await fillTemplate(path('S1.xlsx'), RUBRIC, 'S1', {});
    const out = path('sheets.xlsx');
    expect((await mibOnDisk('collect', sheet.file, '-o', out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const report = workbook.getWorksheet('收集情况')!;
    const submitted = new ExcelJS.Workbook();
    await submitted.xlsx.load(readFileSync(sheet.file) as unknown as ArrayBuffer);
    expect(report.getRow(1).getCell(2).value).toBe('工作表');
    expect(report.getRow(2).getCell(2).value).toBe(submitted.worksheets[0]!.name);
  }, 30_000);

  it('a CSV, a missing file, a damaged one and another table: Chinese, naming the file, no library words', async () => {
    const good = await fillTemplate(path('G1.xlsx'), RUBRIC, 'G1', {});
    const other = await fillTemplate(path('W1.xlsx'), 'weihai-2021-hospital-l1', 'W1', {});
    const csv = path('名单.csv');
    writeFileSync(csv, '机构编码,机构名称\nA1,某医院\n');
    const damaged = path('damaged.xlsx');
    writeFileSync(damaged, readFileSync(good.file).subarray(0, 2000));
    const missing = path('missing.xlsx');
    const empty = path('empty.xlsx');
    writeFileSync(empty, '');
    const run = await mibOnDisk('collect', good.file, csv, missing, damaged, empty, other.file, '-o', path('mixed.xlsx'));
    expect(run.code).toBe(1);
    const line = (file: string) => run.err.split('\n').find((l) => l.startsWith(`${file}：`)) ?? '';
    expect(line(csv)).toBe(`${csv}：未收集——文件不是 Excel 工作簿（.xlsx），像是文本文件（如 CSV）`);
    expect(line(missing)).toBe(`${missing}：未收集——读不到文件`);
    expect(line(damaged)).toMatch(/：未收集——文件已损坏或不是 Excel 工作簿，读不了/);
    expect(line(empty)).toBe(`${empty}：未收集——文件是空文件（0 字节），没有可读的内容`);
    expect(line(other.file)).toBe(`${other.file}：未收集——考核表是“威海 一级 2021 医疗机构”，与本次收集的“江北 2025 医疗机构”不同`);
    for (const file of [csv, missing, damaged, empty, other.file]) expect(line(file).slice(file.length)).not.toMatch(FOREIGN);
  }, 30_000);

  it('an output that cannot be written is said in Chinese', async () => {
    const sheet = await fillTemplate(path('O1.xlsx'), RUBRIC, 'O1', {});
    const out = path('no-such-folder/名单.xlsx');
    const run = await mibOnDisk('collect', sheet.file, '-o', out);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain(`写不了文件“${out}”：所在文件夹不存在`);
    expect(run.err.replace(out, '')).not.toMatch(FOREIGN);
  }, 30_000);
});

describe('a region’s file carried in a workbook that cannot be used is named by its title', () => {
  it('a damaged one by its id (nothing else is left), one failing the checks by its title', async () => {
    const { CarriedFiles } = await import('../../src/sheet/collect');
    const carried = new CarriedFiles();
    try {
      const problems = carried.takeStored({
        files: [
          {
            kind: 'policy',
            id: 'moudi-2026',
            version: 'v1',
            text: JSON.stringify({ kind: 'policy', id: 'moudi-2026', title: '某地 2026 考核办法' }),
          },
        ],
        damaged: ['moudi-2026-hospital'],
      });
      expect(problems[0]).toBe('工作簿内附的文件（编号 moudi-2026-hospital）已被改动或截断（与其指纹不符），未使用');
      expect(problems[1]).toMatch(/^工作簿内附的政策“某地 2026 考核办法”未通过检查：/);
      expect(problems).toHaveLength(2);
    } finally {
      carried.release();
    }
  });
});
