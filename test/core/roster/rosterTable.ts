// A roster as a workbook would give it: the header in row 1, data from row 2, cells named A2, B7.
import type { Rubric, RosterTable } from '../../../src/core';
import { inputIndex } from '../../../src/core/scoring/evaluate';

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

/** Every input of the table given a valid value that deducts nothing (否, the first band or rank, the least
 * number): an institution with no blank fact. */
export function everyFactGiven(rubric: Rubric): Record<string, unknown> {
  return Object.fromEntries(
    [...inputIndex(rubric).byId.values()].map(({ spec }) => [
      spec.id,
      spec.type === 'boolean' ? '否' : spec.type === 'band' || spec.type === 'choice' || spec.type === 'rank' ? 1 : (spec.min ?? 0),
    ]),
  );
}
