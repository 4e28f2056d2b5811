// `mib collect` keeps the roster fields (issue 23, deliver 6): 级别 and 上级机构编码 where a sheet's header holds
// them, and `--roster` merging the agency's own list of institutions by 机构编码 (codes as text), naming the
// sheets whose code is not on it and the institutions on it that sent nothing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/cli/roster/readXlsx';
import { fillTemplate } from '../support/filledSheet';
import { mibOnDisk } from '../support/mibOnDisk';

const dir = mkdtempSync(join(tmpdir(), 'mib-collect-roster-'));
const path = (name: string) => join(dir, name);
const RUBRIC = 'cq-jiangbei-2025-hospital';

/** Two empty cells side by side, not merged, in the header block (rows above the first item). */
function freePair(sheet: ExcelJS.Worksheet, before: number, taken: Set<string>): [string, string] {
  for (let r = 1; r < before; r++)
    for (let c = 1; c < 14; c++) {
      const [a, b] = [sheet.getCell(r, c), sheet.getCell(r, c + 1)];
      const free = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === '') && !cell.isMerged && !taken.has(cell.address);
      if (free(a) && free(b)) {
        taken.add(a.address).add(b.address);
        return [a.address, b.address];
      }
    }
  throw new Error('no free header cells');
}

const report = (out: string) =>
  JSON.parse(out) as {
    files: { file: string; sheet?: string; status: string; code?: string; notes: string[]; message: string }[];
    roster?: { source: string; unsubmitted: { code: string; name: string }[]; notOnList: { code: string; place: string }[]; problems: string[] };
  };

describe('mib collect: the roster fields a sheet holds', () => {
  it('级别 and 上级机构编码 typed in the header go into the roster, the code as text', async () => {
    const withFields = await fillTemplate(
      path('fields.xlsx'),
      RUBRIC,
      'F1',
      { '6.1': 1 },
      {
        edit: (sheet, plan) => {
          const before = Number(/\d+/.exec(plan.items[0]!.score)![0]);
          const taken = new Set<string>();
          const [levelLabel, level] = freePair(sheet, before, taken);
          const [parentLabel, parent] = freePair(sheet, before, taken);
          sheet.getCell(levelLabel).value = '级别';
          sheet.getCell(level).value = '二级';
          sheet.getCell(parentLabel).value = '上级机构编码：';
          sheet.getCell(parent).value = '00100';
        },
      },
    );
    const plain = await fillTemplate(path('plain.xlsx'), RUBRIC, 'F2', { '6.1': 2 });
    const out = path('fields-roster.xlsx');
    const run = await mibOnDisk('collect', withFields.file, plain.file, '-o', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const roster = await readXlsx(readFileSync(out), out);
    expect(roster.header.slice(0, 8)).toEqual([
      '机构编码',
      '机构名称',
      '级别',
      '公立/民营',
      '质量保证金',
      '上级机构编码',
      '自评得分',
      withFields.plan.inputs[0]!.id,
    ]);
    expect(roster.rows.map((row) => row.slice(0, 6))).toEqual([
      ['F1', '机构F1', '二级', '公立', 50000, '00100'],
      ['F2', '机构F2', null, '公立', 50000, null],
    ]);
  }, 60_000);

  it('a sheet without them: no 级别 or 上级机构编码 column (their presence alone means something to mib roster)', async () => {
    const plain = await fillTemplate(path('plain-only.xlsx'), RUBRIC, 'P1', {});
    const out = path('plain-roster.xlsx');
    expect((await mibOnDisk('collect', plain.file, '-o', out)).code).toBe(0);
    const roster = await readXlsx(readFileSync(out), out);
    expect(roster.header.slice(0, 5)).toEqual(['机构编码', '机构名称', '公立/民营', '质量保证金', '自评得分']);
  }, 30_000);
});

describe('mib collect --roster: the agency’s own list merged by 机构编码', () => {
  it('fills the fields from the list, says what the sheet said otherwise, names the codes not on it and who sent nothing', async () => {
    const listed = await fillTemplate(path('03720.xlsx'), RUBRIC, '03720', { '6.1': 1 });
    const renamed = await fillTemplate(path('00042.xlsx'), RUBRIC, '00042', {});
    const stranger = await fillTemplate(path('J9.xlsx'), RUBRIC, 'J9', {});
    const list = path('names.csv');
    writeFileSync(
      list,
      [
        '机构编码,机构名称,级别,公立/民营,质量保证金,上级机构编码',
        '03720,机构03720,二级,民营,80000,00100',
        '00042,江北区第二人民医院,一级,公立,50000,',
        '00100,江北区人民医院,三级,公立,120000,',
      ].join('\n'),
    );
    const out = path('merged.xlsx');
    const run = await mibOnDisk('collect', listed.file, renamed.file, stranger.file, '--roster', list, '-o', out, '--json');
    expect(run.code).toBe(0);
    const json = report(run.out);
    expect(json.files.map((f) => [f.code, f.status])).toEqual([
      ['03720', 'flagged'],
      ['00042', 'flagged'],
      ['J9', 'flagged'],
    ]);
    // the sheet said 公立 and 50000; the list says 民营 and 80000: the list is taken, the difference said
    expect(json.files[0]!.notes).toContain('公立/民营考核表填“公立”，名单为“民营”，质量保证金考核表填“50000”，名单为“80000”：按名单');
    expect(json.files[1]!.notes).toContain('机构名称考核表填“机构00042”，名单为“江北区第二人民医院”：按名单');
    expect(json.files[2]!.notes).toContain(`机构编码 J9 不在机构名单“${list}”中，请核对编码`);
    expect(json.roster).toEqual({
      source: list,
      unsubmitted: [{ code: '00100', name: '江北区人民医院' }],
      notOnList: [{ code: 'J9', place: stranger.file }],
      problems: [],
    });

    const roster = await readXlsx(readFileSync(out), out);
    expect(roster.header.slice(0, 6)).toEqual(['机构编码', '机构名称', '级别', '公立/民营', '质量保证金', '上级机构编码']);
    expect(roster.rows.map((row) => row.slice(0, 6))).toEqual([
      ['03720', '机构03720', '二级', '民营', 80000, '00100'],
      ['00042', '江北区第二人民医院', '一级', '公立', 50000, null],
      ['J9', '机构J9', null, '公立', 50000, null],
    ]);
    // the report sheet: a line for the institution that sent nothing
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('收集情况')!;
    expect([3, 4, 5].map((c) => sheet.getRow(5).getCell(c).value)).toEqual(['未报送', '00100', '江北区人民医院']);

    // the text report says the same
    const text = await mibOnDisk('collect', listed.file, renamed.file, stranger.file, '--roster', list, '-o', path('merged-text.xlsx'));
    expect(text.out).toContain(`机构名单“${list}”中有 1 家未报送：00100 江北区人民医院`);
    expect(text.out).toContain(`1 份考核表的机构编码不在机构名单中：J9（${stranger.file}）`);
  }, 60_000);

  it('reads an .xlsx list as mib roster reads a roster: codes stay text, a bad cell is the list’s problem', async () => {
    const sheet = await fillTemplate(path('x-03720.xlsx'), RUBRIC, '03720', {});
    const workbook = new ExcelJS.Workbook();
    const names = workbook.addWorksheet('名单');
    names.addRow(['机构编码', '机构名称', '级别', '质量保证金']);
    names.addRow(['03720', '机构03720', '二级', '五万']);
    names.getColumn(1).numFmt = '@';
    const list = path('names.xlsx');
    writeFileSync(list, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await mibOnDisk('collect', sheet.file, '--roster', list, '-o', path('x-merged.xlsx'), '--json');
    expect(run.code).toBe(0);
    const json = report(run.out);
    expect(json.files[0]!.status).toBe('ok');
    expect(json.roster!.unsubmitted).toEqual([]);
    expect(json.roster!.problems).toEqual(['名单!D2：质量保证金应为不小于 0 的金额（元），收到的是 “五万”']);
    const roster = await readXlsx(readFileSync(path('x-merged.xlsx')), 'x');
    // the deposit the list could not give stays as the sheet had it
    expect(roster.rows[0]!.slice(0, 5)).toEqual(['03720', '机构03720', '二级', '公立', 50000]);
  }, 60_000);

  it('a list whose header names no 机构编码 (a title row above it) stops before any sheet, naming the header’s row', async () => {
    const sheet = await fillTemplate(path('t.xlsx'), RUBRIC, 'T1', {});
    const list = path('titled-list.csv');
    writeFileSync(list, '\uFEFF2025年度机构名单,,\r\n机构编码,机构名称,级别\r\nT1,某医院,二级\r\n');
    const out = path('t-out.xlsx');
    const run = await mibOnDisk('collect', sheet.file, '--roster', list, '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      `机构名单“${list}”不能用来核对：表头不在第一行：第2行第1列（A2） 所在的一行有 机构编码、机构名称，像是表头；请删去它上面的标题行，使表头成为第一行；名册表头缺少“机构编码”列`,
    );
    // no sheet read, nothing written (it said every sheet was not on the list, and the list all sent)
    expect(run.out).not.toContain('都已报送');
    expect(existsSync(out)).toBe(false);
    // the title deleted, the list checks the sheet
    writeFileSync(list, '\uFEFF机构编码,机构名称,级别\r\nT1,某医院,二级\r\n');
    const fixed = await mibOnDisk('collect', sheet.file, '--roster', list, '-o', out);
    expect(fixed.out).toContain(`机构名单“${list}”中的机构都已报送`);
  });

  it('a list that cannot be read stops before any sheet, in Chinese', async () => {
    const sheet = await fillTemplate(path('y.xlsx'), RUBRIC, 'Y1', {});
    const run = await mibOnDisk('collect', sheet.file, '--roster', path('no-such.csv'), '-o', path('y-out.xlsx'));
    expect(run.code).not.toBe(0);
    expect(run.err).toContain(`读不到机构名单文件“${path('no-such.csv')}”`);
    expect(run.err).not.toMatch(/ENOENT|no such file/);
  });
});
