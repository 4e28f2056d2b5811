// `mib roster` on bad input (issue 14 "Bad input"): a clear Chinese message each, exit 1 where the rows
// are still scored and the workbook still written, exit 2 where nothing can be (nothing written).
import { existsSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mibOnDisk } from '../support/mibOnDisk';
import { scratch, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-errors-');
const JIANGBEI = ['cq-jiangbei-2025-hospital', '--policy', 'cq-jiangbei-2025'];
const good = (code: string, more: Record<string, unknown> = {}) => ({
  机构编码: code,
  机构名称: `机构${code}`,
  质量保证金: 10000,
  '6.1': 1,
  ...more,
});

/** A roster run with -o: the exit code, what it said, and whether the workbook was written. */
async function run(name: string, input: string, ...more: string[]) {
  const out = path(`${name}.xlsx`);
  const result = await mibOnDisk('roster', ...(more.length > 0 ? more : JIANGBEI), '--input', input, '-o', out);
  return { ...result, written: existsSync(out) };
}

describe('mib roster: rows with problems are flagged, the others scored, the workbook written (exit 1)', () => {
  it('a duplicate 机构编码: both rows named and both scored', async () => {
    const input = writeCsv(path('duplicate.csv'), [good('A'), good('A', { '6.1': 3 }), good('B')]);
    const result = await run('duplicate', input);
    expect(result.code).toBe(1);
    expect(result.written).toBe(true);
    expect(result.err).toContain('机构编码“A”重复出现在 第2行第1列（A2）、第3行第1列（A3）：每家机构只能占一行');
    expect(result.out).toContain('名单：');
    expect(result.out).toContain('有问题的行：2 行');
  });

  it('an unknown column: named by its cell, not counted', async () => {
    const input = writeCsv(path('unknown.csv'), [good('A', { 备注: '新开业' }), good('B')]);
    const result = await run('unknown', input);
    expect(result.code).toBe(1);
    expect(result.written).toBe(true);
    expect(result.err).toMatch(/第1行第5列（E1） 的列名“备注”既不是机构信息（机构编码、机构名称.*），也不是.*的输入编号：这一列不计/);
  });

  it('a peer group of one: the clause left blank for it, said in words', async () => {
    // 江北 23.1 ranks the 医保业务办理量 of the 同级; the “一级” group has one institution
    const input = writeCsv(path('alone.csv'), [
      good('A', { 级别: '二级', '23.1': 1200 }),
      good('B', { 级别: '二级', '23.1': 800 }),
      good('C', { 级别: '一级', '23.1': 500 }),
    ]);
    const result = await run('alone', input);
    expect(result.code).toBe(1);
    expect(result.written).toBe(true);
    expect(result.err).toContain('23 23.1 医保业务办理量（以月报为准）：“一级”组只有 1 家填了数据，无法与同级机构比较，本项留空（暂评）');
  });

  it('a row with bad facts: that row flagged with its cell, the others scored without problems', async () => {
    const input = writeCsv(path('bad-fact.csv'), [good('A'), good('B', { '6.1': '三次' }), good('C')]);
    const result = await run('bad-fact', input);
    expect(result.code).toBe(1);
    expect(result.written).toBe(true);
    expect(result.err).toMatch(/第3行第4列（D3）：6\.1.*“三次”/);
    const json = await mibOnDisk('roster', ...JIANGBEI, '--input', input, '--json');
    const rows = (JSON.parse(json.out) as { institutions: { problems: string[]; gradeText: string; total: number }[] }).institutions;
    expect(rows.map((r) => r.problems.length)).toEqual([0, 1, 0]);
    expect(rows[1]!.gradeText).toMatch(/^暂不评定/);
    // the others are scored as their facts say: A and C, the same facts, the same total
    expect(rows[0]!.total).toBe(rows[2]!.total);
  });
  it('an .xlsx cell holding an error value (#N/A): the reader names the cell, that row is flagged', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['机构编码', '机构名称', '6.1']);
    sheet.addRow(['A', '机构A', 1]);
    sheet.addRow(['B', '机构B', { error: '#N/A' }]);
    const input = path('error-cell.xlsx');
    writeFileSync(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const result = await run('error-cell-summary', input);
    expect(result.code).toBe(1);
    expect(result.written).toBe(true);
    expect(result.err).toContain('名单!C3 是错误值 #N/A，请更正该单元格');
    expect(result.err).toMatch(/名单!C3：6\.1.*#N\/A/);
  });
});

describe('mib roster: nothing can be scored, nothing is written (exit 2)', () => {
  it('an empty file', async () => {
    const input = path('empty.csv');
    writeFileSync(input, '');
    const result = await run('empty', input);
    expect(result).toMatchObject({ code: 2, written: false });
    expect(result.err).toBe(`错误：“${input}”是空文件，没有表头和机构行`);
  });

  it('a header without rows', async () => {
    const input = path('header-only.csv');
    writeFileSync(input, '\uFEFF机构编码,机构名称,6.1\r\n');
    const result = await run('header-only', input);
    expect(result).toMatchObject({ code: 2, written: false });
    expect(result.err).toContain('只有表头，没有机构行（表头：机构编码，机构名称，6.1）');
  });

  it('a huge file: past 100,000 rows, refused before scoring', async () => {
    const input = path('huge.csv');
    writeFileSync(input, `机构编码,机构名称\r\n${Array.from({ length: 100_001 }, (_, i) => `H${i},机构${i}`).join('\r\n')}\r\n`);
    const result = await run('huge', input);
    expect(result).toMatchObject({ code: 2, written: false });
    expect(result.err).toContain('超过 100,000 行，超过名单的上限：请按级别或地区分成几个文件');
  });

  it('no 机构编码 column', async () => {
    const input = writeCsv(path('no-code.csv'), [{ 名称: '某医院', '6.1': 1 }]);
    const result = await run('no-code', input);
    expect(result).toMatchObject({ code: 2, written: false });
    expect(result.err).toContain('名册表头缺少“机构编码”列：第一行须有 机构编码、机构名称');
    expect(result.err).toContain(`“${input}”不能作为名单读入，未计分，未生成`);
  });

  it('a workbook that is no roster: refused at its header, whose missing 机构编码 comes first, without its rows being read', async () => {
    // 60 columns of other names over rows that hold an error value: had the rows been read, 名单!C3's #N/A
    // would be listed (as it is under a roster's header)
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(Array.from({ length: 60 }, (_, c) => `第${c + 1}栏`));
    for (let r = 0; r < 200; r++) sheet.addRow(Array.from({ length: 60 }, (_, c) => (r === 1 && c === 2 ? { error: '#N/A' } : r * c)));
    const input = path('not-a-roster-in.xlsx');
    writeFileSync(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const result = await run('not-a-roster', input);
    expect(result).toMatchObject({ code: 2, written: false });
    const lines = result.err.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '错误：名册表头缺少“机构编码”列：第一行须有 机构编码、机构名称',
      '错误：名册表头缺少“机构名称”列：第一行须有 机构编码、机构名称',
    ]);
    expect(lines[2]).toMatch(/^错误：名单!A1 的列名“第1栏”既不是机构信息/);
    // 2 + 60 problems: the first 50 listed
    expect(lines.slice(50)).toEqual(['……另有 12 条问题未列出', `“${input}”不能作为名单读入，未计分，未生成 ${path('not-a-roster.xlsx')}`]);
    expect(result.err).not.toContain('#N/A');
    expect(result.err).not.toContain('没有数据行');
    // the same header over a roster's columns: the rows are read, and C3's error is listed
    sheet.getCell('A1').value = '机构编码';
    sheet.getCell('B1').value = '机构名称';
    writeFileSync(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const roster = await run('a-roster', input);
    expect(roster.code).toBe(1);
    expect(roster.err).toContain('名单!C3 是错误值 #N/A，请更正该单元格');
  });

  it('a title row above the header (a clerk’s “2025年度考核名单”): said first, naming the header’s row, in a workbook and a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['2025年度定点医疗机构考核名单']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['机构编码', '机构名称', '质量保证金', '6.1']);
    for (let k = 1; k <= 30; k++) sheet.addRow([`JB${k}`, `机构${k}`, 10000, 1]);
    const input = path('titled-in.xlsx');
    writeFileSync(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const titled = await run('titled', input);
    expect(titled).toMatchObject({ code: 2, written: false });
    expect(titled.err.split('\n')[0]).toBe(
      '错误：表头不在第一行：名单!A2 所在的一行有 机构编码、机构名称，像是表头；请删去它上面的标题行，使表头成为第一行',
    );
    expect(titled.err).toContain('名册表头缺少“机构编码”列');
    const csv = path('titled.csv');
    writeFileSync(csv, '2025年度定点医疗机构考核名单,,,\r\n机构编码,机构名称,质量保证金,6.1\r\nJB1,机构1,10000,1\r\n');
    const fromCsv = await run('titled-csv', csv);
    expect(fromCsv.code).toBe(2);
    expect(fromCsv.err.split('\n')[0]).toBe(
      '错误：表头不在第一行：第2行第1列（A2） 所在的一行有 机构编码、机构名称，像是表头；请删去它上面的标题行，使表头成为第一行',
    );
    // the title deleted, the same file is scored
    sheet.spliceRows(1, 1);
    writeFileSync(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect((await run('untitled', input)).code).toBe(0);
  });

  it('a file that is not there, an old .xls', async () => {
    const missing = await run('missing', path('nope.csv'));
    expect(missing).toMatchObject({ code: 2, written: false });
    expect(missing.err).toContain(`读不到名单文件“${path('nope.csv')}”`);
    const xls = path('old.xls');
    writeFileSync(xls, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const old = await run('old', xls);
    expect(old).toMatchObject({ code: 2, written: false });
    expect(old.err).toContain('是旧版 Excel 文件（.xls），读不了');
  });

  it('refused flags: a bad peer option, a share out of range, an output that is not .xlsx, scales that differ', async () => {
    const input = writeCsv(path('ok.csv'), [good('A'), good('B')]);
    const intervals = await mibOnDisk('roster', ...JIANGBEI, '--input', input, '--peer-intervals', 'equal-size');
    expect(intervals.code).toBe(2);
    expect(intervals.err).toBe('错误：--peer-intervals：取值应为以下之一："equal-width"、"equal-count"，收到的是“equal-size”');
    const trim = await mibOnDisk('roster', ...JIANGBEI, '--input', input, '--peer-trim', '六成');
    expect(trim.err).toBe('错误：--peer-trim 应为比例（如 0.1 或 10%），收到的是“六成”');
    const share = await mibOnDisk('roster', ...JIANGBEI, '--input', input, '--low-band-share', '0');
    expect(share.code).toBe(2);
    // both bounds are exclusive: the message must not offer the refused bound as the limit
    expect(share.err).toBe('错误：--low-band-share：过小：应大于 0，收到的是“0”');
    const half = await mibOnDisk('roster', ...JIANGBEI, '--input', input, '--peer-trim', '0.5');
    expect(half.code).toBe(2);
    expect(half.err).toBe('错误：--peer-trim：过大：应小于 0.5，收到的是“0.5”');
    const csvOut = await mibOnDisk('roster', ...JIANGBEI, '--input', input, '-o', path('out.csv'));
    expect(csvOut.code).toBe(2);
    expect(csvOut.err).toContain('输出文件应以 .xlsx 结尾');
    const scales = await run('scales', input, 'weihai-2021-hospital-l2', '--policy', 'jilin-2025');
    expect(scales).toMatchObject({ code: 2, written: false });
    expect(scales.err).toContain('命令中加 --convert 即按政策分制折算');
    const convert = await mibOnDisk('roster', 'weihai-2021-hospital-l2', '--input', input, '--convert');
    expect(convert.err).toBe('错误：参数 --convert 需要同时给出 --policy');
  });
});

describe('mib roster --help', () => {
  it('documents the command, each option with its default, and the exit codes', async () => {
    const help = await mibOnDisk('roster', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain(
      '用法：mib roster <考核表编号> --input <名单.csv|名单.xlsx> [--policy <政策编号>] [--peer-intervals equal-width|equal-count]',
    );
    for (const flag of [
      '--peer-trim',
      '--low-band-share',
      '--a6-low-band',
      '--tier-rounding',
      '--peer-ties',
      '--convert',
      '--complete',
      '-o, --output',
      '--json',
    ])
      expect(help.out).toContain(flag);
    expect(help.out).toContain('equal-width = 等宽区间（默认）');
    expect(help.out).toContain('退出码：各行都计分且没有问题为 0');
    const usage = await mibOnDisk('help');
    expect(usage.out).toContain('mib roster <考核表编号> --input');
  });
});
