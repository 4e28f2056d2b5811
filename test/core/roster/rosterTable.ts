// A roster as a workbook would give it: the header in row 1, data from row 2, cells named A2, B7.
import type { RosterTable } from '../../../src/core';

const letters = (column: number): string =>
  column < 26 ? String.fromCharCode(65 + column) : letters(Math.floor(column / 26) - 1) + letters(column % 26);

export function rosterTable(header: string[], rows: unknown[][]): RosterTable {
  return { header, rows, cellName: (row, column) => `${letters(column)}${row + 2}`, source: '名册.xlsx' };
}

/** A roster from records: the header is every key in order of first appearance. */
export function rosterOf(records: Record<string, unknown>[]): RosterTable {
  const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return rosterTable(
    header,
    records.map((r) => header.map((h) => r[h])),
  );
}
