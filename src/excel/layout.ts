/// <reference types="office-js" />
import { columnLetters } from '../sheet/memory/a1';
import type { GridPageSetup, GridPlan, SheetPlan } from '../sheet/types';

/**
 * Column widths in the plan count characters of the default font (as in the xlsx file); Office.js
 * takes points. Excel's rule: pixels = characters × 7 + 5 (Calibri 11), 0.75 points a pixel.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Column widths and row heights, one range per run of equal sizes. */
export function setSizes(sheet: Excel.Worksheet, plan: GridPlan): void {
  for (const [first, last, width] of runs(plan.columns.map((column) => column.width))) {
    sheet.getRange(`${columnLetters(first)}:${columnLetters(last)}`).format.columnWidth = columnWidthPoints(width);
  }
  const heights: (number | undefined)[] = [];
  for (const [row, height] of Object.entries(plan.rowHeights)) heights[Number(row) - 1] = height;
  for (const [first, last, height] of runs(heights)) {
    sheet.getRange(`${first + 1}:${last + 1}`).format.rowHeight = height;
  }
}

/**
 * A4 landscape at the plan's scale, its margins, its print range (the official columns with 得分; the
 * working columns print apart, plan.workingPrint, on a sheet of their own), its page breaks
 * between items, 第 N 页 共 M 页 (the form's own count) in the footer and the
 * header row repeated on each page (ExcelApi 1.9).
 */
export function setPrintLayout(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const page = sheet.pageLayout;
  // Excel 2016 without ExcelApi 1.9 has no page layout API: the sheet is still made, unprinted
  if (!excelApiSupported('1.9')) return;
  page.orientation = 'Landscape';
  page.paperSize = 'A4';
  // a fixed scale, not fit to one page wide: Excel ignores manual page breaks when fitting
  page.zoom = { scale: plan.print.scale };
  const { left, right, top, bottom, header, footer } = plan.print.margins;
  page.setPrintMargins('Inches', { left, right, top, bottom, header, footer });
  if (plan.print.areas.length > 0) page.setPrintArea(plan.print.areas.join(','));
  page.headersFooters.defaultForAllPages.centerFooter = plan.print.footer;
  for (const row of plan.print.pageBreaks) sheet.horizontalPageBreaks.add(`A${row}`);
  if (plan.printTitleRows) page.setPrintTitleRows(plan.printTitleRows);
}

/**
 * A grid sheet's print setup (the roster workbook): orientation and A4, fitted `fitToWidth` pages across
 * with the height free (zoom { horizontalFitToPages }, learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions),
 * margins, the page-number footer, the title rows and columns repeated on each page
 * (learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlecolumns-member(1):
 * "The range must span the entire column to be valid"). ExcelApi 1.9, as setPrintLayout.
 */
export function setGridPrintLayout(sheet: Excel.Worksheet, setup: GridPageSetup): void {
  if (!excelApiSupported('1.9')) return;
  const page = sheet.pageLayout;
  page.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  page.zoom = setup.fitToWidth === undefined ? { scale: setup.scale ?? 100 } : { horizontalFitToPages: setup.fitToWidth };
  const { left, right, top, bottom, header, footer } = setup.margins;
  page.setPrintMargins('Inches', { left, right, top, bottom, header, footer });
  page.headersFooters.defaultForAllPages.centerFooter = setup.footer;
  if (setup.titleRows) page.setPrintTitleRows(setup.titleRows);
  if (setup.titleColumns) page.setPrintTitleColumns(setup.titleColumns);
  for (const row of setup.pageBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row}`);
}

/** Whether the host has this ExcelApi version (outside Office, as in tests, it is taken as present). */
export function excelApiSupported(version: string): boolean {
  const requirements = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  return requirements?.isSetSupported ? requirements.isSetSupported('ExcelApi', version) : true;
}

export function freezeRows(sheet: Excel.Worksheet, plan: GridPlan): void {
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
}

/**
 * Protects the sheet without a password: only the cells the plan leaves unlocked (the inputs and
 * self-scores) take typing. Formatting, column widths and row heights stay free, so a reviewer can
 * mark cells or widen a column; formulas stay visible.
 */
export function protect(sheet: Excel.Worksheet): void {
  sheet.protection.protect({
    allowFormatCells: true,
    allowFormatColumns: true,
    allowFormatRows: true,
    selectionMode: 'Normal',
  });
}

/** [first index, last index, value] for each run of equal defined values. */
function runs(values: (number | undefined)[]): [number, number, number][] {
  const found: [number, number, number][] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const last = found.at(-1);
    if (last && last[1] === i - 1 && last[2] === value) last[1] = i;
    else found.push([i, i, value]);
  });
  return found;
}
