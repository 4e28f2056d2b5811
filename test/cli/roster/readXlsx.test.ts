import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MibError } from '../../../src/core';
import { readXlsx } from '../../../src/cli/roster/readXlsx';

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(read: Promise<unknown>): Promise<MibError> {
  try {
    await read;
  } catch (error) {
    if (error instanceof MibError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('readXlsx', () => {
  it('reads row 1 as the header and each cell as it shows: rich text, formula results, dates, numbers, booleans', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['机构编码', '机构名称', '质量保证金', '4.1', '20.1', '签约日期']);
      sheet.addRow([
        '0012',
        { richText: [{ text: '江北区' }, { text: '人民医院', font: { bold: true } }] },
        { formula: '10000*5', result: 50000 },
        true,
        0.95,
        new Date(Date.UTC(2025, 0, 31)),
      ]);
      sheet.addRow([]);
      sheet.addRow(['0013', '某药店', 12345.67, '否', { formula: '19/20', result: 0.95 }]);
    });
    const table = await readXlsx(bytes, '名单.xlsx');
    expect(table.header).toEqual(['机构编码', '机构名称', '质量保证金', '4.1', '20.1', '签约日期']);
    expect(table.rows).toEqual([
      ['0012', '江北区人民医院', 50000, true, 0.95, '2025-01-31'],
      ['0013', '某药店', 12345.67, '否', 0.95],
    ]);
    expect(table.problems).toEqual([]);
    // the blank row 3 is left out, the second institution is on row 4
    expect(table.cellName(0, 1)).toBe('Sheet1!B2');
    expect(table.cellName(1, 4)).toBe('Sheet1!E4');
    expect(table.source).toBe('名单.xlsx（工作表“Sheet1”）');
  });

  it('takes the sheet named 名单 (or 花名册, roster) before the first one', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('说明').addRow(['本工作簿的第二个工作表是名单']);
      const roster = workbook.addWorksheet('花名册');
      roster.addRow(['机构编码', '机构名称']);
      roster.addRow(['A1', '某医院']);
    });
    const table = await readXlsx(bytes, 'r.xlsx');
    expect(table.sheetName).toBe('花名册');
    expect(table.rows).toEqual([['A1', '某医院']]);
  });

  it('an error cell is kept as its text and named as a problem; a formula without a result too', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('名单');
      sheet.addRow(['机构编码', '4.1', '4.2']);
      sheet.addRow(['001', { formula: 'VLOOKUP(1,A:A,2,0)', result: { error: '#N/A' } }, { formula: 'B2+1' }]);
    });
    const table = await readXlsx(bytes, 'e.xlsx');
    expect(table.rows).toEqual([['001', '#N/A']]);
    expect(table.problems.map((p) => p.message)).toEqual([
      '名单!B2 是错误值 #N/A，请更正该单元格',
      '名单!C2 是公式，文件中没有保存计算结果：请在 Excel 中打开、保存后再读',
    ]);
  });

  it.each([
    ['a CSV named .xlsx', new TextEncoder().encode('机构编码,机构名称\n1,x\n'), '不是 Excel 工作簿（.xlsx），像是文本文件'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '是旧版 Excel 文件（.xls）'],
    // (an empty file has no first bytes to say it is text: it was said to look like a CSV)
    ['an empty file', new Uint8Array(0), '是空文件（0 字节），没有可读的内容'],
  ])('%s gets one clear message', async (_name, bytes, words) => {
    const error = await refusal(readXlsx(bytes, 'x.xlsx'));
    expect(error.message).toContain('“x.xlsx”');
    expect(error.message).toContain(words);
  });

  it('a damaged workbook (cut short) gets one clear message', async () => {
    const whole = await xlsx((workbook) => workbook.addWorksheet('名单').addRow(['机构编码']));
    const error = await refusal(readXlsx(whole.slice(0, Math.floor(whole.length / 2)), 'cut.xlsx'));
    expect(error.message).toMatch(/^“cut\.xlsx”已损坏或不是 Excel 工作簿，读不了/);
  });

  it('an empty header or a header without rows is refused', async () => {
    const empty = await xlsx((workbook) => workbook.addWorksheet('名单'));
    expect((await refusal(readXlsx(empty, 'a.xlsx'))).message).toContain('第 1 行（表头）是空的');
    const headerOnly = await xlsx((workbook) => workbook.addWorksheet('名单').addRow(['机构编码', '机构名称']));
    expect((await refusal(readXlsx(headerOnly, 'b.xlsx'))).message).toContain('只有表头，没有机构行');
  });
});

describe('readRoster: by what the file is, not its name', () => {
  it('a workbook named .csv is read as a workbook, a CSV named .xlsx as a CSV', async () => {
    const { readRoster } = await import('../../../src/cli/roster/readRoster');
    const workbook = await xlsx((wb) => {
      const sheet = wb.addWorksheet('名单');
      sheet.addRow(['机构编码', '4.1']);
      sheet.addRow(['001', true]);
    });
    const rowsOf = (read: { count: number; row(i: number): readonly unknown[] }) => Array.from({ length: read.count }, (_, i) => read.row(i));
    expect(rowsOf(await readRoster(workbook, 'r.csv'))).toEqual([['001', true]]);
    const csv = new TextEncoder().encode('机构编码,4.1\n001,是\n');
    const table = await readRoster(csv, 'r.xlsx');
    expect(rowsOf(table)).toEqual([['001', '是']]);
    expect(table.problems).toEqual([]);
  });
});
