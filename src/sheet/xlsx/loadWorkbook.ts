import ExcelJS from 'exceljs';
import { clipped, MibError } from '../../core';
import { speedUpMergeOpening } from './fastMerges';
import { sniff } from './fileKind';
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

const refuse = (source: string, message: string, messageEn: string) => new MibError('invalid-file', source, message, messageEn);

/**
 * An .xlsx file opened with ExcelJS (mib's roster and collect, the pane's 收集报送表), or one clear message: a file that is not a zip (a CSV, a PDF, an
 * old .xls) or a zip ExcelJS cannot read as a workbook (damaged, cut short, a .docx).
 */
export async function loadWorkbook(bytes: Uint8Array, source: string): Promise<ExcelJS.Workbook> {
  const kind = sniff(bytes);
  if (kind === 'ole')
    throw refuse(
      source,
      `“${clipped(source)}”是旧版 Excel 文件（.xls），读不了：请在 Excel 中“另存为”Excel 工作簿（.xlsx）`,
      `${source} is an old .xls file; save it as .xlsx`,
    );
  if (kind !== 'zip')
    throw refuse(
      source,
      `“${clipped(source)}”不是 Excel 工作簿（.xlsx）${kind === 'text' ? '，像是文本文件（如 CSV）' : ''}`,
      `${source} is not an .xlsx workbook`,
    );
  checkXlsxInsides(bytes, source);
  speedUpMergeOpening();
  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip (inside ExcelJS) takes the bytes as they are, in Node and in the browser alike
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: UNREAD_PARTS } as Partial<ExcelJS.XlsxReadOptions>);
  } catch {
    // the library's own words ("Corrupted zip: can't find end of central directory") help no clerk
    throw refuse(
      source,
      `“${clipped(source)}”已损坏或不是 Excel 工作簿，读不了：请让对方重新保存后再发`,
      `${source} is damaged or not an .xlsx workbook`,
    );
  }
  if (workbook.worksheets.length === 0) throw refuse(source, `“${clipped(source)}”里没有工作表`, `${source} has no worksheet`);
  return workbook;
}
