// The grid an assessment sheet is planned on, shared by its parts (header, items, working columns,
// results, print): every cell is put here once, and whatever claims a cell twice is found by name.
import { looksLikeFormula } from './formulaParts';
import { type LabelKey, type SheetLabels, sheetLabels } from './labels';
import { type Column, type ColumnKey, columnsOf } from './layout';
import { CellClaims } from './planConflicts';
import type { StyleName } from './styles';
import type { Rubric } from '../core';
import type { PlanCell, PlanConditionalFormat, PlanOptions, PlanValidation } from './types';

/** Rows of the header block; the table's header row follows a blank row. */
export const HEADER_ROW = 11;
export const TITLE_ROW_HEIGHT = 32;
export const FIRST_ITEM_ROW = HEADER_ROW + 1;

export interface SheetBuilder {
  layout: Rubric['layout'];
  t: SheetLabels;
  label: (key: LabelKey) => string;
  columns: { list: Column[]; at: Record<ColumnKey, Column> };
  col: (key: ColumnKey) => Column;
  /** the A1 address of a column's cell on a row */
  at: (key: ColumnKey, row: number) => string;
  grid: (PlanCell | null)[][];
  claims: CellClaims;
  put: (row: number, key: ColumnKey | number, cell: PlanCell) => void;
  /** a text constant, kept as text where it would read as a formula */
  text: (value: string, style: StyleName) => PlanCell;
  merges: string[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  /** heights the plan wants at least, by 1-based row */
  minimumHeights: Record<number, number>;
}

export function sheetBuilder(rubric: Rubric, options: PlanOptions): SheetBuilder {
  const t = sheetLabels[options.locale ?? 'zh-CN'];
  const columns = columnsOf(rubric.layout);
  const col = (key: ColumnKey): Column => columns.at[key];
  const grid: (PlanCell | null)[][] = [];
  const claims = new CellClaims();
  const put = (row: number, key: ColumnKey | number, cell: PlanCell) => {
    const c = typeof key === 'number' ? key : col(key).index;
    claims.put(row, c, cell);
    const line = (grid[row - 1] ??= []);
    while (line.length < c) line.push(null);
    line[c] = cell;
  };
  return {
    layout: rubric.layout,
    t,
    label: (key) => t[key],
    columns,
    col,
    at: (key, row) => `${col(key).letter}${row}`,
    grid,
    claims,
    put,
    text: (value, style) => (looksLikeFormula(value) ? { value, text: true, style } : { value, style }),
    merges: [],
    validations: [],
    conditionalFormats: [],
    minimumHeights: { 1: 28, [HEADER_ROW]: TITLE_ROW_HEIGHT },
  };
}
