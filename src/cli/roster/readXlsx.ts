import { clipped, MibError, type Problem } from '../../core';
import { isCodeHeader } from '../../core/roster/institutions';
import type { RosterRows, RosterTable } from '../../core/roster/types';
import { columnLetters } from '../../sheet/memory/a1';
import type { ShownCell } from '../../sheet/xlsx/sheetCells';
import { eachSheetRow } from '../../sheet/xlsx/sheetRows';
import { xlsxSheets } from '../../sheet/xlsx/xlsxCells';
import { nativeInflate } from '../collect/nativeInflate';
import { megabytes, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from './limits';
import { PackedLines } from './packedLines';

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
function rosterSheet<T extends { name: string; state: string | undefined }>(sheets: readonly T[]): T {
  const named = sheets.find((sheet) => ROSTER_SHEET_NAMES.includes(sheet.name.trim().toLowerCase()));
  return named ?? sheets.find((sheet) => sheet.state === 'visible' || sheet.state === undefined) ?? sheets[0]!;
}

const blank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/** How a roster file is read: how far the reading is told to (a bar), and whether the rows under a header
 * are worth reading at all (readXlsxRows). */
export interface RowsWanted {
  onRead?: (done: number, total: number) => void;
  wanted?: (header: readonly string[]) => boolean;
}

/** An .xlsx roster read a row at a time: each data row kept as a line of JSON and made cells again when
 * asked for (as a CSV's rows are kept as their text, readCsv.ts). */
export type XlsxRows = RosterRows & {
  /** the worksheet read */
  sheetName: string;
  /** as XlsxRoster's */
  problems: Problem[];
  /** lets go of a row once it is no longer asked for (scored and written) */
  release(index: number): void;
};

/**
 * A roster workbook as its rows: header on row 1 of the sheet named 名单 / 花名册 / roster (or the first
 * visible sheet), then one institution a row, blank rows left out. Values as the cells show them: numbers
 * as numbers, text as text (rich text flattened), a formula's cached result, a date as yyyy-mm-dd. An error
 * cell (#N/A) is kept as its text and listed in `problems`, naming the cell ("名单!C7"). A file that is not
 * an .xlsx, or is damaged, is one MibError.
 *
 * The sheet is read as it is inflated, each row kept as a line of JSON (eachSheetRow): 10,000 institutions
 * of 125 columns are about 9 MB so, where read whole they held 500 MB. A sheet with merged ranges or links
 * is read whole (a merged cell shows its range's first cell, which the rows before did not know).
 * `onRead`: how many of the sheet's bytes are read, of how many (a bar while a large roster is read).
 * `wanted`: whether the rows under a header are worth reading (a roster's needs 机构编码 and 机构名称,
 * namesInstitutions); where not, only the first row under it is read (`unread`: it may be the header, under
 * a title row), and a file that is no roster, 100,000 rows of other columns, is refused at once rather than
 * after every row is read.
 */
export function readXlsxRows(bytes: Uint8Array, source: string, options: RowsWanted = {}): XlsxRows {
  const { onRead, wanted } = options;
  if (bytes.length > ROSTER_MAX_BYTES)
    throw refuse(
      source,
      `“${clipped(source)}”有 ${megabytes(bytes.length)}，超过名单文件的上限 ${megabytes(ROSTER_MAX_BYTES)}`,
      `${source} is too large`,
    );
  let sheetName = '';
  let rows = new RowsRead(source, () => sheetName, wanted);
  const streamed = eachSheetRow(
    bytes,
    source,
    nativeInflate,
    (sheets) => {
      const sheet = rosterSheet(sheets);
      sheetName = sheet.name;
      return sheet;
    },
    (row, cells) => rows.add(row + 1, cells, (c) => cells[c]?.format),
    onRead,
  );
  if (streamed) return rows.done(streamed.rowCount, streamed.stopped);
  // merged ranges or links: the sheet read whole
  const workbook = xlsxSheets(bytes, source, nativeInflate);
  const sheet = rosterSheet(workbook.sheets);
  sheetName = sheet.name;
  const cells = sheet.cells();
  rows = new RowsRead(source, () => sheetName, wanted);
  rows.checkRowCount(cells.rowCount);
  for (let r = 0; r < cells.rowCount; r++) {
    const rowCells = cells.rowCells(r);
    if (rowCells.length > 0 && rows.add(r + 1, rowCells, (c) => workbook.ownFormats[cells.styleAt(r, c)]) === 'stop') return rows.done(r + 1, true);
  }
  return rows.done(cells.rowCount);
}

/** The same roster with all its rows at once (the agency's list `mib collect --roster` reads). */
export async function readXlsx(bytes: Uint8Array, source: string, wanted?: RowsWanted['wanted']): Promise<XlsxRoster> {
  const { count, row, release: _release, ...table } = readXlsxRows(bytes, source, wanted && { wanted });
  // (each row is made anew from its line when asked for: no copy is needed)
  return { ...table, rows: Array.from({ length: count }, (_, i) => row(i) as unknown[]) };
}

/** The rows of a roster sheet as they are read: the header (row 1), then each row that holds anything. */
class RowsRead {
  header: string[] | undefined;
  #codeColumns = new Set<number>();
  /** the header is not `wanted`: the reading stops after the first row under it */
  #unwanted = false;
  readonly #lines = new PackedLines();
  readonly #excelRows: number[] = [];
  readonly problems: Problem[] = [];

  constructor(
    private readonly source: string,
    private readonly sheetName: () => string,
    private readonly wanted: RowsWanted['wanted'],
  ) {}

  #cellName(excelRow: number, column: number): string {
    return `${this.sheetName()}!${columnLetters(column)}${excelRow}`;
  }

  #where(): string {
    return `“${clipped(this.source)}”的工作表“${this.sheetName()}”`;
  }

  checkRowCount(rowCount: number): void {
    if (rowCount > ROSTER_MAX_ROWS + 1)
      throw refuse(
        this.source,
        `${this.#where()}超过 ${ROSTER_MAX_ROWS.toLocaleString('en-US')} 行，超过名单的上限：请按级别或地区分成几个文件`,
        `${this.source} has too many rows`,
      );
  }

  /** Row `excelRow` (1-based) from its cells, trailing blanks dropped; error cells become their text and a
   * problem. A code stored as a number shown with leading zeros (format 00000) is the text it shows:
   * codes stay text, "03720" as typed. Row 1 is the header: 'stop' at once when it is blank (refused whatever
   * follows), and after the first row under it when its rows are not wanted. */
  add(excelRow: number, cells: readonly (ShownCell | undefined)[], formatAt: (column: number) => string | undefined): 'stop' | void {
    // a header not on row 1 is none: the rows after it are data
    if (this.header === undefined) {
      this.header = [];
      if (excelRow === 1) {
        this.header = this.#values(excelRow, cells, formatAt).map((value) => (value === null ? '' : String(value).trim()));
        this.#codeColumns = new Set(this.header.flatMap((name, c) => (isCodeHeader(name) ? [c] : [])));
        this.#unwanted = this.wanted !== undefined && !this.wanted(this.header);
        return this.header.length === 0 ? 'stop' : undefined;
      }
    }
    const values = this.#values(excelRow, cells, formatAt);
    if (values.length === 0) return;
    this.#lines.push(JSON.stringify(values));
    this.#excelRows.push(excelRow);
    return this.#unwanted ? 'stop' : undefined;
  }

  #values(excelRow: number, cells: readonly (ShownCell | undefined)[], formatAt: (column: number) => string | undefined) {
    const values: unknown[] = [];
    for (let c = 0; c < cells.length; c++) {
      const read = cells[c];
      if (read === undefined) {
        values.push(null);
        continue;
      }
      if (read.error) {
        const name = this.#cellName(excelRow, c);
        this.problems.push({
          field: name,
          message: `${name} 是错误值 ${read.error}，请更正该单元格`,
          messageEn: `${name} holds the error ${read.error}`,
        });
        values.push(read.error);
      } else if (read.noResult) {
        const name = this.#cellName(excelRow, c);
        this.problems.push({
          field: name,
          message: `${name} 是公式，文件中没有保存计算结果：请在 Excel 中打开、保存后再读`,
          messageEn: `${name} is a formula saved without its result`,
        });
        values.push(null);
      } else if (this.#codeColumns.has(c) && typeof read.value === 'number') values.push(zeroPadded(read.value, formatAt(c)));
      else values.push(read.value);
    }
    let end = values.length;
    while (end > 0 && blank(values[end - 1])) end--;
    return values.slice(0, end).map((value) => (blank(value) ? null : value));
  }

  /** The rows read, once the sheet's last row is, or once `add` said 'stop' (`stopped`: the rows after the
   * first left unread, or the header blank). */
  done(rowCount: number, stopped?: boolean): XlsxRows {
    if (!stopped) this.checkRowCount(rowCount);
    this.#lines.end();
    const header = this.header ?? [];
    const sheetName = this.sheetName();
    if (header.length === 0)
      throw refuse(
        this.source,
        `${this.#where()}第 1 行（表头）是空的：表头应为 机构编码、机构名称，再是各事实的输入编号`,
        `${this.source}: row 1 (the header) is empty`,
      );
    if (this.#lines.length === 0)
      throw refuse(
        this.source,
        `${this.#where()}只有表头，没有机构行（表头：${clipped(header.join('，'))}）`,
        `${this.source} has a header but no rows`,
      );
    const lines = this.#lines;
    const excelRows = this.#excelRows;
    return {
      header,
      count: lines.length,
      row(index) {
        const line = lines.at(index);
        if (line === undefined) throw new Error(`roster row ${index} was let go`);
        return JSON.parse(line) as unknown[];
      },
      release: (index) => lines.release(index),
      sheetName,
      ...(stopped && { unread: true }),
      problems: this.problems,
      source: `${this.source}（工作表“${sheetName}”）`,
      cellName: (row, column) => `${sheetName}!${columnLetters(column)}${row < 0 ? 1 : (excelRows[row] ?? row + 2)}`,
    };
  }
}

/** A whole number shown through a format of zeros ("00000": 3720 shows as 03720) as the text it shows;
 * any other number as it is. */
function zeroPadded(value: number, numFmt: string | undefined): number | string {
  return numFmt && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0 ? String(value).padStart(numFmt.length, '0') : value;
}
