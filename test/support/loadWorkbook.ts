import ExcelJS from 'exceljs';
import { damagedXlsx, noWorksheet, refuseNotXlsx } from '../../src/sheet/xlsx/xlsxRefusals';
import { checkXlsxInsides } from '../../src/sheet/xlsx/zipGuard';
import { speedUpMergeOpening } from './fastMerges';

/** Parts of a worksheet no reader here looks at (cells, merges, names and sheet states are read): left
 * unparsed, they cost nothing (a 威海 sheet's data validations and print setup are a good share of it). */
const UNREAD_PARTS = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'pageMargins',
  'rowBreaks',
  'sheetViews',
  'cols',
];

/**
 * An .xlsx file opened with ExcelJS, the oracle the reader of .xlsx files (src/sheet/xlsx/xlsxCells.ts,
 * which reads without ExcelJS) is compared with (exceljsCells.ts), or one clear message: a file that is
 * not a zip (a CSV, a PDF, an old .xls) or a zip ExcelJS cannot read as a workbook (damaged, cut short, a
 * .docx). Until 2026-12 `mib roster` read .xlsx rosters so.
 */
export async function loadWorkbook(bytes: Uint8Array, source: string): Promise<ExcelJS.Workbook> {
  refuseNotXlsx(bytes, source);
  checkXlsxInsides(bytes, source);
  speedUpMergeOpening();
  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip (inside ExcelJS) takes the bytes as they are, in Node and in the browser alike
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: UNREAD_PARTS } as Partial<ExcelJS.XlsxReadOptions>);
  } catch {
    throw damagedXlsx(source);
  }
  if (workbook.worksheets.length === 0) throw noWorksheet(source);
  return workbook;
}
