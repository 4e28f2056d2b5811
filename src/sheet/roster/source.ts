import type { RosterTable } from '../../core/roster/types';
import { cellAddress, parseCell } from '../memory/a1';
import type { SheetValues } from '../port';
import type { PlainValue } from '../types';

/** The roster as the clerk keeps it on a worksheet: the table scoreRoster reads, and where each of its
 * cells sits on the sheet (展开 links to them, a problem's cell is selected from them). */
export interface RosterSource {
  sheetName: string;
  table: RosterTable;
  /** the sheet address of a data cell (row and column 0-based over `table.rows` and `table.header`) */
  addressOf(row: number, column: number): string;
  /** the sheet address of a header cell */
  headerAddress(column: number): string;
  /** the first sheet row (1-based) below the last data row: where new rows go */
  nextRow: number;
}

const blank = (value: PlainValue | null | undefined) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * The roster on a sheet: the used range's first row is the header (机构编码, 机构名称, …, input ids),
 * every later row that is not wholly blank an institution. Rows left blank between institutions are
 * skipped, and each cell keeps its own address, so a message names the cell the clerk sees ("B7").
 */
export function rosterSource(sheetName: string, used: SheetValues | null): RosterSource {
  const origin = used ? parseCell(used.origin) : { row: 0, col: 0 };
  const [headerRow = [], ...rest] = used?.values ?? [];
  const width = headerRow.length;
  const sheetRows: number[] = [];
  const rows: unknown[][] = [];
  rest.forEach((row, i) => {
    if (row.every(blank)) return;
    sheetRows.push(origin.row + 1 + i);
    rows.push(row.map((value) => (blank(value) ? null : value)));
  });
  const addressOf = (row: number, column: number) => cellAddress(sheetRows[row] ?? origin.row + 1 + row, origin.col + column);
  const table: RosterTable = {
    header: Array.from({ length: width }, (_, c) => (blank(headerRow[c]) ? '' : String(headerRow[c]).trim())),
    rows,
    cellName: addressOf,
    source: sheetName,
  };
  return {
    sheetName,
    table,
    addressOf,
    headerAddress: (column) => cellAddress(origin.row, origin.col + column),
    nextRow: origin.row + 1 + rest.length + 1,
  };
}
