// Hostile workbooks are refused before ExcelJS parses them (src/sheet/xlsx/zipGuard.ts), each with one
// Chinese message naming the file and the limit; a workbook within the limits opens as before.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/cli/roster/readXlsx';
import { MibError } from '../../src/core';
import { XLSX_LIMITS } from '../../src/sheet/xlsx/limits';
import { xlsxSheets } from '../../src/sheet/xlsx/xlsxCells';
import { checkXlsxInsides } from '../../src/sheet/xlsx/zipGuard';
import { lyingSize, manyParts, manyRows, manyStrings } from '../support/hostileXlsx';

/** The message a file is refused with, or undefined when it passes. */
function refusal(bytes: Uint8Array, name = '上报.xlsx'): string | undefined {
  try {
    checkXlsxInsides(bytes, name);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(MibError);
    return (error as MibError).message;
  }
}

describe('an .xlsx past a limit is refused before it is parsed', () => {
  it('a sheet of more rows than a roster may hold', async () => {
    const message = refusal(await manyRows(XLSX_LIMITS.rows + 10));
    expect(message).toContain('“上报.xlsx”');
    expect(message).toContain('超过 100,001 行');
    const bytes = await manyRows(XLSX_LIMITS.rows + 10);
    expect(() => xlsxSheets(bytes, '上报.xlsx')).toThrow(/超过 100,001 行/);
  });

  it('a sheet named with a leading "/" (which the reader takes as the same part) is counted too', async () => {
    const zip = await JSZip.loadAsync(await manyRows(XLSX_LIMITS.rows + 10));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    zip.remove('xl/worksheets/sheet1.xml');
    zip.file('/xl/worksheets/sheet1.xml', sheet);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => xlsxSheets(bytes, '上报.xlsx')).toThrow(/超过 100,001 行/);
    expect(() => readXlsxRows(bytes, '名单.xlsx')).toThrow(/超过 100,001 行/);
  });

  it('a sheet just within the rows opens', async () => {
    expect(refusal(await manyRows(XLSX_LIMITS.rows))).toBeUndefined();
  });

  it('a row wider than the column limit', async () => {
    expect(refusal(await manyRows(2, XLSX_LIMITS.columns + 1))).toMatch(/有一张工作表的一行超过 2,000 列/);
    expect(refusal(await manyRows(2, XLSX_LIMITS.columns))).toBeUndefined();
  });

  it('more parts than a workbook has', async () => {
    expect(refusal(await manyParts(XLSX_LIMITS.parts))).toMatch(/含 \d+ 个部件，超过上限 2000 个/);
  });

  it('more shared strings than the limit', async () => {
    expect(refusal(await manyStrings(XLSX_LIMITS.sharedStrings + 1))).toMatch(/含不同的文本超过 2,000,000 个/);
  }, 120_000);

  it('a part larger than the zip declares (a zip bomb hiding its size)', async () => {
    expect(refusal(await lyingSize())).toMatch(/解压后比文件自己声明的大小（0\.0 MB）还大/);
  });

  it('a file larger than the compressed limit, before anything is read', () => {
    const big = new Uint8Array(XLSX_LIMITS.bytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(refusal(big)).toMatch(/有 64\.0 MB，超过上限 64\.0 MB/);
  });

  it('a damaged zip is left to the workbook reader’s own message', async () => {
    const bytes = (await manyRows(3)).slice(0, 200);
    expect(refusal(bytes)).toBeUndefined();
    expect(() => xlsxSheets(bytes, '上报.xlsx')).toThrow(/已损坏或不是 Excel 工作簿/);
  });
});
