import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import { columnLetters } from '../memory/a1';
import type { GridPlan, PlainValue } from '../types';
import { type RosterColumn, rosterColumns } from './columns';
import { rosterGridPlan } from './gridPlan';
import { ROSTER_SHEET } from './words';

/** The roster sheet and where its columns are, for the formulas of the other sheets. */
export interface RosterSheet {
  plan: GridPlan;
  columns: RosterColumn[];
  /** the data rows, 1-based and inclusive (first > last when the roster is empty) */
  firstRow: number;
  lastRow: number;
  /** "'汇总名单'!$K$2:$K$10001": a column's data cells, by the column's key */
  range(key: string): string;
}

/**
 * 汇总名单: a header row, then one row per institution as plain values (the core computed them; the
 * summary's formulas count them). The rows are a PlanBody — values and a style per column — so 10,000
 * institutions cost one array each, not a cell object per value; `streamed`, each is made only as the
 * writer asks for it (body.lazy), from the scored rows. Filter buttons on the header, the
 * header frozen, vetoes and rows with problems highlighted.
 */
export function planRosterSheet(result: RosterResult, rubric: Rubric, streamed = false): RosterSheet {
  const columns = rosterColumns(result, rubric);
  const count = result.institutions.length;
  const row = (r: number) => {
    const values: (PlainValue | null)[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) values[c] = columns[c]!.value(result.institutions[r]!);
    return values;
  };
  let rows: (PlainValue | null)[][] | undefined;
  const columnStyles = columns.map((column) => column.style);
  const firstRow = 2;
  const lastRow = count + 1;
  const last = columnLetters(columns.length - 1);
  const letter = (key: string) => {
    const index = columns.findIndex((column) => column.key === key);
    if (index < 0) throw new Error(`roster column ${key} not planned`);
    return columnLetters(index);
  };
  const rangeOf = (key: string) => `${letter(key)}${firstRow}:${letter(key)}${Math.max(firstRow, lastRow)}`;
  const highlight = (key: string, fill: string, meaning: 'veto' | 'invalidInput') => ({
    range: rangeOf(key),
    formula: `LEN(${letter(key)}${firstRow})>0`,
    style: { fill },
    meaning,
  });

  const plan = rosterGridPlan({
    name: ROSTER_SHEET,
    grid: [columns.map((column) => ({ value: column.header, style: 'header' }))],
    body: streamed
      ? {
          top: 1,
          // made a row at a time by a writer that streams (body.lazy), or all when first read
          get rows() {
            return (rows ??= Array.from({ length: count }, (_, r) => row(r)));
          },
          lazy: { count, row },
          columnStyles,
        }
      : { top: 1, rows: Array.from({ length: count }, (_, r) => row(r)), columnStyles },
    columnCount: columns.length,
    columns: columns.map(({ header, width }) => ({ header, width })),
    rowHeights: { 1: 42 },
    conditionalFormats: count === 0 ? [] : [highlight('veto', '#F8CBAD', 'veto'), highlight('problems', '#FFE699', 'invalidInput')],
    freezeRows: 1,
    // 机构编码 and 机构名称 on every page across, the header on every page down
    printTitles: { rows: 1, columns: 2 },
    autoFilter: `A1:${last}${Math.max(1, lastRow)}`,
  });
  return {
    plan,
    columns,
    firstRow,
    lastRow,
    range: (key) => `'${ROSTER_SHEET}'!$${letter(key)}$${firstRow}:$${letter(key)}$${Math.max(firstRow, lastRow)}`,
  };
}
