import { clipped, MibError, type Problem } from '../../core';
import { isCodeHeader } from '../../core/roster/institutions';
import type { RosterTable } from '../../core/roster/types';
import { columnLetters } from '../../sheet/memory/a1';
import { type XlsxSheets, xlsxSheets } from '../../sheet/xlsx/xlsxCells';
import { nativeInflate } from '../collect/nativeInflate';
import { megabytes, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from './limits';

/** The worksheet names a roster goes by; one of them is read before the first sheet. */
export const ROSTER_SHEET_NAMES = ['名单', '花名册', 'roster'];

export interface XlsxRoster extends RosterTable {
  /** the worksheet read */
  sheetName: string;
  /** cells read with something the roster cannot take (an error value, a formula never computed); each
   * names its cell. The cell itself is kept (an error as its text), so the row is flagged too. */
  problems: Problem[];
}

const refuse = (source: string, message: string, messageEn: string) => new MibError('invalid-file', source, message, messageEn);

/** 名单 / 花名册 / roster when the workbook has one, else its first visible worksheet. */
function rosterSheet(workbook: XlsxSheets): XlsxSheets['sheets'][number] {
  const named = workbook.sheets.find((sheet) => ROSTER_SHEET_NAMES.includes(sheet.name.trim().toLowerCase()));
  return named ?? workbook.sheets.find((sheet) => sheet.state === 'visible' || sheet.state === undefined) ?? workbook.sheets[0]!;
}

const blank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A roster workbook as its rows: header on row 1 of the sheet named 名单 / 花名册 / roster (or the first
 * sheet), then one institution a row, blank rows left out. Values as the cells show them: numbers as
 * numbers, text as text (rich text flattened), a formula's cached result, a date as yyyy-mm-dd. An error
 * cell (#N/A) is kept as its text and listed in `problems`, naming the cell ("名单!C7"). A file that is not
 * an .xlsx, or is damaged, is one MibError.
 */
export async function readXlsx(bytes: Uint8Array, source: string): Promise<XlsxRoster> {
  if (bytes.length > ROSTER_MAX_BYTES)
    throw refuse(
      source,
      `“${clipped(source)}”有 ${megabytes(bytes.length)}，超过名单文件的上限 ${megabytes(ROSTER_MAX_BYTES)}`,
      `${source} is too large`,
    );
  const workbook = xlsxSheets(bytes, source, nativeInflate);
  const sheet = rosterSheet(workbook);
  const cells = sheet.cells();
  const where = `“${clipped(source)}”的工作表“${sheet.name}”`;
  if (cells.rowCount > ROSTER_MAX_ROWS + 1)
    throw refuse(
      source,
      `${where}超过 ${ROSTER_MAX_ROWS.toLocaleString('en-US')} 行，超过名单的上限：请按级别或地区分成几个文件`,
      `${source} has too many rows`,
    );
  const cellName = (excelRow: number, column: number) => `${sheet.name}!${columnLetters(column)}${excelRow}`;
  const problems: Problem[] = [];

  /** Row r (1-based) as values, trailing blanks dropped; error cells become their text and a problem.
   * A code (codeColumns, 0-based) stored as a number shown with leading zeros (format 00000) is the
   * text it shows: codes stay text, "03720" as typed. */
  const valuesOf = (r: number, codeColumns = new Set<number>()): unknown[] => {
    const values: unknown[] = [];
    for (const [c, read] of cells.rowCells(r - 1).entries()) {
      const name = cellName(r, c);
      if (read.error) {
        problems.push({ field: name, message: `${name} 是错误值 ${read.error}，请更正该单元格`, messageEn: `${name} holds the error ${read.error}` });
        values.push(read.error);
      } else if (read.noResult) {
        problems.push({
          field: name,
          message: `${name} 是公式，文件中没有保存计算结果：请在 Excel 中打开、保存后再读`,
          messageEn: `${name} is a formula saved without its result`,
        });
        values.push(null);
      } else if (codeColumns.has(c) && typeof read.value === 'number')
        values.push(zeroPadded(read.value, workbook.ownFormats[cells.styleAt(r - 1, c)]));
      else values.push(read.value);
    }
    let end = values.length;
    while (end > 0 && blank(values[end - 1])) end--;
    return values.slice(0, end).map((value) => (blank(value) ? null : value));
  };

  const header = valuesOf(1).map((value) => (value === null ? '' : String(value).trim()));
  const codeColumns = new Set(header.flatMap((name, c) => (isCodeHeader(name) ? [c] : [])));
  if (header.length === 0)
    throw refuse(
      source,
      `${where}第 1 行（表头）是空的：表头应为 机构编码、机构名称，再是各事实的输入编号`,
      `${source}: row 1 (the header) is empty`,
    );
  const rows: unknown[][] = [];
  const excelRows: number[] = [];
  for (let r = 2; r <= cells.rowCount; r++) {
    const values = valuesOf(r, codeColumns);
    if (values.length === 0) continue;
    rows.push(values);
    excelRows.push(r);
  }
  if (rows.length === 0)
    throw refuse(source, `${where}只有表头，没有机构行（表头：${clipped(header.join('，'))}）`, `${source} has a header but no rows`);
  return {
    header,
    rows,
    sheetName: sheet.name,
    problems,
    source: `${source}（工作表“${sheet.name}”）`,
    cellName: (row, column) => cellName(row < 0 ? 1 : (excelRows[row] ?? row + 2), column),
  };
}

/** A whole number shown through a format of zeros ("00000": 3720 shows as 03720) as the text it shows;
 * any other number as it is. */
function zeroPadded(value: number, numFmt: string | undefined): number | string {
  return numFmt && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0 ? String(value).padStart(numFmt.length, '0') : value;
}
