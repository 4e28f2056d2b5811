// Arguments as Excel passes them to a custom function: every range is a 2-D array (rows of cells), a
// blank cell is null, an omitted optional argument is null, a percent cell is its fraction.
import jiangbeiExample from '../../examples/jiangbei-hospital.json';

export const JIANGBEI = 'cq-jiangbei-2025-hospital';

export type Cell = string | number | boolean | null | object;
export type Range = Cell[][];

/** A column range: one cell per row (A2:A38). */
export function column(...cells: Cell[]): Range {
  return cells.map((cell) => [cell]);
}

/** A row range: one row of cells (B1:AL1). */
export function row(...cells: Cell[]): Range {
  return [cells];
}

/** A two-column range of id/value pairs (A2:B38). */
export function pairs(facts: Record<string, Cell>): Range {
  return Object.entries(facts).map(([id, value]) => [id, value]);
}

/** The ids and values columns of an assessment sheet holding these facts. */
export function sheet(facts: Record<string, Cell>): { ids: Range; values: Range } {
  return { ids: column(...Object.keys(facts)), values: column(...Object.values(facts)) };
}

/** How a sheet stores what a person types: "62%" is the number 0.62 in a percent cell. */
function asTyped(value: unknown): Cell {
  if (typeof value === 'string' && /%$/.test(value)) return Number(value.slice(0, -1)) / 100;
  return value as Cell;
}

/** examples/jiangbei-hospital.json as an assessment sheet holds it (是/否 text, numbers, percents):
 * 78 points by the 江北 table (item by item: 3+4+5+3+2×6+20+9+10+0+5+2+5; item 17 deducts 3×5 of 10). */
export const EXAMPLE: Record<string, Cell> = Object.fromEntries(Object.entries(jiangbeiExample).map(([id, v]) => [id, asTyped(v)]));
export const EXAMPLE_TOTAL = 78;

/** Every fact clean (no finding, every earning achieved), as a sheet holds it with TRUE/FALSE cells. */
export const CLEAN: Record<string, Cell> = {
  '1.1': false,
  '2.1': false,
  '2.2': false,
  '3.1': false,
  '4.1': false,
  '4.2': 0,
  '5.1': true,
  '5.2': true,
  '6.1': 0,
  '7.1': false,
  '7.2': 0,
  '8.1': false,
  '9.1': false,
  '9.2': false,
  '10.1': false,
  '11.1': false,
  '12.1': false,
  '12.2': false,
  '13.1': false,
  '13.2': false,
  '14.1': false,
  '14.2': false,
  '15.1': false,
  '16.1': false,
  '17.1': false,
  '17.2': 0,
  '18.1': 0.8,
  '18.2': false,
  '19.1': 0,
  '19.2': 0,
  '20.1': 0.95,
  '21.1': 0.4,
  '22.1': 0.3,
  '22.2': 0.6,
  '23.1': 1,
  '23.2': 2,
  '24.1': true,
};
