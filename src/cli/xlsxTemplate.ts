import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs/workbook';
import JSZip from 'jszip';
import { excelWouldConvert } from '../sheet/excelLimits';
import { absoluteArea, parseRange } from '../sheet/memory/a1';
import { quotedSheet, validSheetName } from '../sheet/sheetName';
import { FILES_SHEET, type FileToStore, planStoredFiles } from '../sheet/storedFiles/contract';
import { withSheetNames } from '../sheet/renamedSheets';
import type { GridPlan, SheetPlan, WorkingPrintPlan } from '../sheet/types';
import { withDefinedNames } from './xlsxParts';
import { xmlEncode } from './xmlEncode';
import { applyStyle, conditionalFormatting, dataValidation } from './xlsxStyles';

/**
 * The plan as an .xlsx workbook: what an agency sends to institutions without the add-in. Formulas are
 * written without a cached result, so every spreadsheet (Excel, WPS, LibreOffice) computes them on
 * opening; text the plan marks as text is stored as text, never as a formula.
 */
export async function planToXlsx(plan: SheetPlan, stored: readonly FileToStore[] = []): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'MIB 考核助手';
  workbook.created = new Date(0);
  // plan.name is valid already; made so again here, as ExcelJS throws on some characters and cuts long names
  const sheet = workbook.addWorksheet(validSheetName(plan.name), {
    views: [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      // a fixed scale, not fit-to-page: Excel ignores manual page breaks when fitting
      scale: plan.print.scale,
      printTitlesRow: plan.printTitleRows.replace(/\$/g, ''),
      margins: plan.print.margins,
    },
    headerFooter: { oddFooter: `&C${plan.print.footer}` },
  });
  // a break after the row before each page's first row
  for (const row of plan.print.pageBreaks) sheet.getRow(row - 1).addPageBreak();
  writeCells(sheet, plan);
  for (const validation of plan.validations) {
    const area = parseRange(validation.range);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) sheet.getCell(r + 1, c + 1).dataValidation = dataValidation(validation);
  }
  for (const format of plan.conditionalFormats) sheet.addConditionalFormatting(conditionalFormatting(format));
  // the names point at the sheet as written, whatever name it was given
  for (const name of plan.names) workbook.definedNames.add(`${quotedSheet(sheet.name)}!${absoluteArea(name.ref)}`, name.name);
  if (plan.protect) {
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  if (plan.workingPrint) await writeWorkingPrint(workbook, withSheetNames(plan.workingPrint, new Map([[plan.name, sheet.name]])));
  if (stored.length > 0) await writeStoredFiles(workbook, stored);
  const areas = [{ sheetName: sheet.name, index: 0, areas: plan.print.areas }];
  if (plan.workingPrint) areas.push({ sheetName: workbook.worksheets[1]!.name, index: 1, areas: [plan.workingPrint.print.area] });
  return withPrintAreas(Buffer.from(await workbook.xlsx.writeBuffer()), areas);
}

/**
 * The print ranges, one `_xlnm.Print_Area` a sheet (several ranges in one name). (ExcelJS writes several
 * ranges as several names of the same name, with half-absolute references, which Excel refuses to open.)
 */
async function withPrintAreas(xlsx: Buffer, sheets: { sheetName: string; index: number; areas: string[] }[]): Promise<Buffer> {
  const names = sheets
    .filter((s) => s.areas.length > 0)
    .map(({ sheetName, index, areas }) => {
      const ranges = areas.map((area) => `${quotedSheet(sheetName)}!${absoluteArea(area)}`).join(',');
      return `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlEncode(ranges)}</definedName>`;
    });
  if (names.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const path = 'xl/workbook.xml';
  zip.file(path, withDefinedNames(await zip.file(path)!.async('string'), names.join('')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Values, formulas and styles of a plan's grid, with its sizes and merges. */
function writeCells(sheet: ExcelJS.Worksheet, plan: GridPlan): void {
  plan.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) sheet.getRow(Number(row)).height = height;
  plan.grid.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell) return;
      const target = sheet.getCell(r + 1, c + 1);
      const style = cell.style ? plan.styles[cell.style] : undefined;
      if (style) applyStyle(target, style);
      if ('formula' in cell) target.value = { formula: cell.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
      else if ('value' in cell) {
        target.value = cell.value;
        // text Excel would read as a formula or a number on editing ("=1+1", "@SUM(1)", "1.1") keeps the text format
        if (cell.text || (typeof cell.value === 'string' && excelWouldConvert(cell.value))) target.numFmt = '@';
      }
    }),
  );
  for (const merge of plan.merges) sheet.mergeCells(merge);
}

/** The working columns printed apart (plan.workingPrint): after the assessment sheet, protected, with
 * page numbers of its own from 1. */
async function writeWorkingPrint(workbook: ExcelJS.Workbook, view: WorkingPrintPlan): Promise<void> {
  const sheet = workbook.addWorksheet(validSheetName(view.name), {
    views: [{ state: 'frozen', ySplit: view.freezeRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      scale: view.print.scale,
      firstPageNumber: 1,
      printTitlesRow: view.print.titleRows.replace(/\$/g, ''),
      margins: view.print.margins,
    },
    headerFooter: { oddFooter: `&C${view.print.footer}` },
  });
  for (const row of view.print.pageBreaks) sheet.getRow(row - 1).addPageBreak();
  writeCells(sheet, view);
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** A region's own table and policy inside the workbook (the MIB_FILES contract, src/sheet/storedFiles.ts):
 * very hidden, so no one opens it from Excel's 取消隐藏, and protected; added after the assessment
 * sheet, which stays the first. */
async function writeStoredFiles(workbook: ExcelJS.Workbook, stored: readonly FileToStore[]): Promise<void> {
  const sheet = workbook.addWorksheet(FILES_SHEET, { state: 'veryHidden' });
  planStoredFiles(stored).forEach((row, r) =>
    row.forEach((text, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = text;
      cell.numFmt = '@';
    }),
  );
  await sheet.protect('', {});
}
