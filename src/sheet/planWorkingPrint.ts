// The working part of an assessment sheet as a print of its own: one row per fact at the height its own
// text needs (on the assessment sheet the working columns share the official rows' heights, and printed
// as many pages as the form), numbered apart from the signed form. Every value is read from the
// assessment sheet, which stays the record: this sheet only shows it.
import type { Rubric } from '../core';
import { type LabelKey, type SheetLabels } from './labels';
import { type ColumnKey } from './layout';
import { type SheetBuilder } from './planBuilder';
import type { PlannedItems } from './planItems';
import { PRINT_MARGINS } from './planPrint';
import { pageStarts, printScale } from './pagination';
import { DEFAULT_ROW_HEIGHT, fitRowHeights } from './rowHeights';
import { quotedSheet, validSheetName } from './sheetName';
import { STYLES, type StyleName } from './styles';
import type { PlanCell, WorkingPrintPlan } from './types';

/** The columns printed, in order, with their widths (characters): the item's 序号 first; 149 in all, so
 * that A4 landscape prints them at 74 %, 11 pt text at 8 pt (printScale). */
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'no', width: 4 },
  { key: 'inputId', width: 6 },
  { key: 'inputLabel', width: 41 },
  { key: 'inputValue', width: 9 },
  { key: 'clause', width: 7 },
  { key: 'score', width: 6 },
  { key: 'deducted', width: 7 },
  { key: 'overCap', width: 8 },
  { key: 'difference', width: 7 },
  { key: 'veto', width: 5 },
  { key: 'inputStatus', width: 7 },
  { key: 'reading', width: 42 },
];
/** Columns that show the item as a whole, on its first row. */
const ITEM_LEVEL = new Set<ColumnKey>(['no', 'score', 'deducted', 'overCap', 'difference', 'veto']);
const TITLE_ROW = 1;
const HEAD_ROW = 2;

/** The sheet's name: the assessment sheet's, then 填报明细, within Excel's 31 characters. */
export function workingSheetName(formName: string, t: SheetLabels): string {
  return validSheetName(formName, ` ${t.workingSheet}`);
}

/**
 * The working print of the assessment sheet `formName` planned on `b`: its cells are formulas reading
 * that sheet's cells (a blank shows blank), its texts copied (ids, 填报事项, 口径说明).
 */
export function planWorkingPrint(b: SheetBuilder, rubric: Rubric, planned: PlannedItems, formName: string, title: string): WorkingPrintPlan {
  const { t, label } = b;
  const sheet = `${quotedSheet(formName)}!`;
  const grid: (PlanCell | null)[][] = [];
  const put = (row: number, c: number, cell: PlanCell) => {
    const line = (grid[row - 1] ??= []);
    while (line.length < c) line.push(null);
    line[c] = cell;
  };
  const letter = (c: number) => String.fromCharCode(65 + c);
  const last = letter(COLUMNS.length - 1);
  put(TITLE_ROW, 0, b.text(`${title}\u3000${t.workingSheet}`, 'title'));
  for (let c = 1; c < COLUMNS.length; c++) put(TITLE_ROW, c, { style: 'title' });
  COLUMNS.forEach((column, c) => put(HEAD_ROW, c, { value: label(column.key as LabelKey), style: 'header' }));
  const merges = [`A${TITLE_ROW}:${last}${TITLE_ROW}`];
  // the title and the header row print together on the first page
  const blocks: [number, number][] = [[TITLE_ROW, HEAD_ROW]];
  let row = HEAD_ROW + 1;
  rubric.items.forEach((item, k) => {
    const cells = planned.items[k]!;
    const facts = planned.inputs.filter((input) => input.itemNo === item.no).length;
    const rows = Math.max(1, facts);
    blocks.push([row, row + rows - 1]);
    for (let r = 0; r < rows; r++) {
      COLUMNS.forEach((column, c) => {
        const source = b.grid[cells.firstRow + r - 1]?.[b.col(column.key).index];
        const shown = ITEM_LEVEL.has(column.key) && r > 0 ? undefined : source;
        put(row + r, c, shownCell(shown, b.at(column.key, cells.firstRow + r), column.key, sheet));
      });
    }
    // the item's own cells over its rows, as on the form
    if (rows > 1)
      for (const key of ITEM_LEVEL)
        merges.push(`${letter(COLUMNS.findIndex((c) => c.key === key))}${row}:${letter(COLUMNS.findIndex((c) => c.key === key))}${row + rows - 1}`);
    row += rows;
  });
  const lastRow = row - 1;
  const widths = COLUMNS.map((c) => c.width);
  const scale = printScale(
    widths.reduce((sum, w) => sum + w, 0),
    PRINT_MARGINS,
  );
  const rowHeights = fitRowHeights(grid, merges, widths, STYLES, { [TITLE_ROW]: 28 });
  const pageBreaks = pageStarts(blocks, (r) => rowHeights[r] ?? DEFAULT_ROW_HEIGHT, [HEAD_ROW], scale, PRINT_MARGINS);
  const footer = t.workingFooter.replace('{pages}', String(pageBreaks.length + 1));
  return {
    name: workingSheetName(formName, t),
    grid,
    columnCount: COLUMNS.length,
    columns: COLUMNS.map((c) => ({ header: label(c.key as LabelKey), width: c.width })),
    rowHeights,
    styles: STYLES,
    merges,
    validations: [],
    conditionalFormats: [],
    names: [],
    freezeRows: HEAD_ROW,
    print: {
      scale,
      pageBreaks,
      area: `A1:${last}${lastRow}`,
      titleRows: `$${HEAD_ROW}:$${HEAD_ROW}`,
      footer,
      margins: PRINT_MARGINS,
    },
    // the same, as the Office.js writer sets a grid sheet's print (src/excel/layout.ts)
    pageSetup: { orientation: 'landscape', paper: 'A4', scale, pageBreaks, titleRows: `$${HEAD_ROW}:$${HEAD_ROW}`, footer, margins: PRINT_MARGINS },
  };
}

/** The working print's cell for a cell of the form: text copied, a value or formula read from the form. */
function shownCell(source: PlanCell | null | undefined, address: string, key: ColumnKey, sheet: string): PlanCell {
  const style: StyleName = key === 'inputLabel' || key === 'reading' ? 'text' : key === 'score' ? 'score' : key === 'inputId' ? 'id' : 'number';
  if (!source) return { style };
  if ('formula' in source || key === 'inputValue') {
    const ref = `${sheet}${address}`;
    const ratio = 'style' in source && source.style === 'inputRatio';
    return { formula: `=IF(${ref}="","",${ref})`, style: ratio ? 'shownRatio' : style };
  }
  if ('value' in source) return { ...source, style };
  return { style };
}
