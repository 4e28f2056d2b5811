/// <reference types="office-js" />
import {
  FILES_HEADERS,
  FILES_SHEET,
  type FileStorePort,
  type StoredFile,
  type StoredFileKind,
  fileOfRow,
  filesOfRows,
  rowOf,
} from '../sheet/storedFiles/contract';
import type { ExcelRun } from './workbook';

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** The MIB_FILES sheet's rows (header first), or null when the workbook has no such sheet. Two syncs:
 * a method of a null object cannot be queued. */
async function readRows(context: Excel.RequestContext): Promise<{ sheet: Excel.Worksheet; rows: unknown[][] } | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(FILES_SHEET);
  await context.sync();
  if (sheet.isNullObject) return null;
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await context.sync();
  if (used.isNullObject) return { sheet, rows: [] };
  // the used range starts at A1 when the sheet was written by the contract; pad it if not
  const rows: unknown[][] = Array.from({ length: used.rowIndex }, () => []);
  for (const row of used.values) rows.push([...Array<unknown>(used.columnIndex).fill(''), ...row]);
  return { sheet, rows };
}

/** Writes one row of text cells: as text ("@"), so an id like 2025 or a fingerprint of digits stays text. */
function writeRow(sheet: Excel.Worksheet, row: number, cells: readonly string[]): void {
  const range = sheet.getRangeByIndexes(row, 0, 1, cells.length);
  range.numberFormat = [cells.map(() => '@')];
  range.values = [[...cells]];
}

/**
 * A region's files stored in the workbook through Office.js (ExcelApi 1.7): a very hidden MIB_FILES
 * sheet, made on the first save. Each call is one Excel.run.
 */
export class ExcelFileStore implements FileStorePort {
  constructor(private readonly run: ExcelRun = excelRun) {}

  listFiles(): Promise<StoredFile[]> {
    return this.run(async (context) => filesOfRows((await readRows(context))?.rows ?? []).map(({ file }) => file));
  }

  async readFile(kind: StoredFileKind, id: string): Promise<StoredFile | null> {
    return (await this.listFiles()).find((file) => file.kind === kind && file.id === id) ?? null;
  }

  saveFile(kind: StoredFileKind, id: string, text: string): Promise<StoredFile> {
    return this.run(async (context) => {
      let found = await readRows(context);
      if (!found) {
        const sheet = context.workbook.worksheets.add(FILES_SHEET);
        sheet.visibility = 'VeryHidden';
        found = { sheet, rows: [] };
      }
      const { sheet, rows } = found;
      if (rows.length === 0) writeRow(sheet, 0, FILES_HEADERS);
      const row = rowOf(kind, id, text);
      const existing = filesOfRows(rows).find(({ file }) => file.kind === kind && file.id === id);
      const at = existing?.row ?? Math.max(1, rows.length);
      // a shorter text leaves no chunk of the old one behind
      if (existing) sheet.getRangeByIndexes(at, 0, 1, Math.max(rows[at]?.length ?? 0, row.length)).clear();
      writeRow(sheet, at, row);
      await context.sync();
      return fileOfRow(row)!;
    });
  }

  removeFile(kind: StoredFileKind, id: string): Promise<boolean> {
    return this.run(async (context) => {
      const found = await readRows(context);
      const existing = found && filesOfRows(found.rows).find(({ file }) => file.kind === kind && file.id === id);
      if (!found || !existing) return false;
      found.sheet.getRange(`${existing.row + 1}:${existing.row + 1}`).delete('Up');
      await context.sync();
      return true;
    });
  }
}
