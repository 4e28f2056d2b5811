import { clipped, MibError } from '../../core';
import { sniff } from './fileKind';

const refuse = (source: string, message: string, messageEn: string) => new MibError('invalid-file', source, message, messageEn);

/** A file that is not an .xlsx at all (a CSV, a PDF, an old .xls), refused by what its first bytes say it
 * is, whatever its name. The reader of .xlsx files (xlsxCells.ts) starts here. */
export function refuseNotXlsx(bytes: Uint8Array, source: string): void {
  // (a file cut to nothing on its way, or saved empty: its first bytes say nothing of a kind)
  if (bytes.length === 0) throw refuse(source, `“${clipped(source)}”是空文件（0 字节），没有可读的内容`, `${source} is empty (0 bytes)`);
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
}

/** A zip that cannot be read as a workbook (damaged, cut short, a .docx): the library's own words ("Corrupted
 * zip: can't find end of central directory") help no clerk. */
export const damagedXlsx = (source: string) =>
  refuse(source, `“${clipped(source)}”已损坏或不是 Excel 工作簿，读不了：请让对方重新保存后再发`, `${source} is damaged or not an .xlsx workbook`);

/** A workbook without a worksheet. */
export const noWorksheet = (source: string) => refuse(source, `“${clipped(source)}”里没有工作表`, `${source} has no worksheet`);
