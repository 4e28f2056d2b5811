import ExcelJS from 'exceljs';
import { speedUpMergeOpening } from './fastMerges';
import { damagedXlsx, noWorksheet, refuseNotXlsx } from './xlsxRefusals';
import { checkXlsxInsides } from './zipGuard';

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
 * An .xlsx file opened with ExcelJS (mib roster), or one clear message: a file that is not a
 * zip (a CSV, a PDF, an old .xls) or a zip ExcelJS cannot read as a workbook (damaged, cut short, a .docx).
 * The sheets institutions send back are read without ExcelJS (xlsxCells.ts).
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
