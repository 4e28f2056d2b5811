/// <reference types="office-js" />
import {
  CHUNK_MAX,
  FILES_HEADERS,
  FILES_SHEET,
  FIRST_CHUNK,
  type FileStorePort,
  type StoredFile,
  type StoredFileKind,
  fileOfRow,
  filesOfRows,
  rowOf,
} from '../sheet/storedFiles/contract';
import type { ExcelRun } from './workbook';
import { REQUEST_LIMIT } from './writer';

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * Cells per request or response: a chunk holds at most CHUNK_MAX characters, at most 3 bytes each in the
 * request's JSON (a CJK character; JSON text is mostly ASCII), so this many cells stay under REQUEST_LIMIT,
 * below Excel on the web's 5 MB for a request and for a response
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const FILE_CELLS_PER_SYNC = Math.max(1, Math.floor(REQUEST_LIMIT / (CHUNK_MAX * 3 + 64)));

/** The MIB_FILES sheet's rows (header first), or null when the workbook has no such sheet. Two syncs for
 * the sheet and its used range (a method of a null object cannot be queued), then one per block of at most
 * FILE_CELLS_PER_SYNC cells: whole rows together, a long row in pieces. */
async function readRows(context: Excel.RequestContext): Promise<{ sheet: Excel.Worksheet; rows: unknown[][] } | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(FILES_SHEET);
  await context.sync();
  if (sheet.isNullObject) return null;
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return { sheet, rows: [] };
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  // the used range starts at A1 when the sheet was written by the contract; pad it if not
  const rows: unknown[][] = Array.from({ length: rowIndex + rowCount }, (_, r) => (r < rowIndex ? [] : Array<unknown>(columnIndex).fill('')));
  for (const block of readBlocks(rowCount, columnCount)) {
    const range = sheet.getRangeByIndexes(rowIndex + block.row, columnIndex + block.col, block.rows, block.cols);
    range.load('values');
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one response per block, each under the 5 MB limit
    await context.sync();
    range.values.forEach((line, r) => line.forEach((value, c) => (rows[rowIndex + block.row + r]![columnIndex + block.col + c] = value)));
  }
  return { sheet, rows };
}

/** Blocks of the used range (offsets within it) of at most FILE_CELLS_PER_SYNC cells. */
function readBlocks(rowCount: number, columnCount: number): { row: number; col: number; rows: number; cols: number }[] {
  const blocks: { row: number; col: number; rows: number; cols: number }[] = [];
  if (columnCount <= FILE_CELLS_PER_SYNC) {
    const perBlock = Math.floor(FILE_CELLS_PER_SYNC / columnCount);
    for (let row = 0; row < rowCount; row += perBlock) blocks.push({ row, col: 0, rows: Math.min(perBlock, rowCount - row), cols: columnCount });
    return blocks;
  }
  for (let row = 0; row < rowCount; row++) {
    for (let col = 0; col < columnCount; col += FILE_CELLS_PER_SYNC)
      blocks.push({ row, col, rows: 1, cols: Math.min(FILE_CELLS_PER_SYNC, columnCount - col) });
  }
  return blocks;
}

/** Writes cells of one row as text ("@", so an id like 2025 or a fingerprint of digits stays text), from
 * column `col`, in pieces of at most FILE_CELLS_PER_SYNC cells, one sync each. */
async function writeCellsOfRow(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  cells: readonly string[],
): Promise<void> {
  for (let from = 0; from < cells.length; from += FILE_CELLS_PER_SYNC) {
    const piece = cells.slice(from, from + FILE_CELLS_PER_SYNC);
    const range = sheet.getRangeByIndexes(row, col + from, 1, piece.length);
    range.numberFormat = [piece.map(() => '@')];
    range.values = [[...piece]];
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per piece, each under the 5 MB limit
    await context.sync();
  }
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

  /** Saves a file: its text cells first and its kind, id and fingerprint last, in a new row, then the old row
   * of the same file is removed; a save cut short leaves the old file whole (a row without kind is no file). */
  saveFile(kind: StoredFileKind, id: string, text: string): Promise<StoredFile> {
    return this.run(async (context) => {
      let found = await readRows(context);
      if (!found) {
        const sheet = context.workbook.worksheets.add(FILES_SHEET);
        sheet.visibility = 'VeryHidden';
        found = { sheet, rows: [] };
      }
      const { sheet, rows } = found;
      if (rows.length === 0) await writeCellsOfRow(context, sheet, 0, 0, FILES_HEADERS);
      const row = rowOf(kind, id, text);
      const existing = filesOfRows(rows).find(({ file }) => file.kind === kind && file.id === id);
      const at = Math.max(1, rows.length);
      await writeCellsOfRow(context, sheet, at, FIRST_CHUNK, row.slice(FIRST_CHUNK));
      await writeCellsOfRow(context, sheet, at, 0, row.slice(0, FIRST_CHUNK));
      if (existing) {
        sheet.getRange(`${existing.row + 1}:${existing.row + 1}`).delete('Up');
        await context.sync();
      }
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
