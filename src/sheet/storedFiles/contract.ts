import { fingerprint } from '../../core/files/fingerprint';

/**
 * Where a region's own rubric and policy files live in a workbook (a contract shared by the pane's
 * storage and the .xlsx template writer): a very hidden worksheet MIB_FILES, headers in row 1, then one
 * row per file — A the kind, B the id, C the fingerprint of the JSON text (its version), D, E, … the
 * text in consecutive cells of at most 32,000 characters (Excel holds 32,767 in a cell). A sheet, not
 * custom XML parts or settings: ExcelJS can write it, and the files travel with the workbook.
 */
export const FILES_SHEET = 'MIB_FILES';
export const FILES_HEADERS = ['类型', '编号', '指纹', '内容（分段）'] as const;
export const CHUNK_MAX = 32_000;
/** the column (0-based) of the first chunk */
export const FIRST_CHUNK = 3;

export type StoredFileKind = 'rubric' | 'policy';

/** One stored file as found in the workbook. `version` is column C as stored. */
export interface StoredFile {
  kind: StoredFileKind;
  id: string;
  version: string;
  text: string;
}

/** The text cut into cells. A cut never leaves a cell starting with = + - @ (Office.js would take it
 * for a formula) or ' (Excel keeps a leading apostrophe as a prefix, not as text), nor splits a
 * surrogate pair: the cut moves back a few characters, each cell staying within CHUNK_MAX. */
export function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let at = 0;
  const highSurrogate = (i: number) => {
    const code = text.charCodeAt(i);
    return code >= 0xd800 && code <= 0xdbff;
  };
  while (at < text.length) {
    let end = Math.min(text.length, at + CHUNK_MAX);
    while (end < text.length && end > at + 1 && ("=+-@'".includes(text[end]!) || highSurrogate(end - 1))) end--;
    chunks.push(text.slice(at, end));
    at = end;
  }
  return chunks.length > 0 ? chunks : [''];
}

/** The row a file is stored as. */
export function rowOf(kind: StoredFileKind, id: string, text: string): string[] {
  return [kind, id, fingerprint(text), ...chunksOf(text)];
}

/** A row read back (values as a spreadsheet gives them), or null for a row that holds no file. */
export function fileOfRow(row: readonly unknown[]): StoredFile | null {
  const cell = (i: number) => (row[i] === null || row[i] === undefined ? '' : String(row[i]));
  const kind = cell(0).trim();
  const id = cell(1).trim();
  if (id === '' || (kind !== 'rubric' && kind !== 'policy')) return null;
  return {
    kind,
    id,
    version: cell(2).trim(),
    text: row
      .slice(FIRST_CHUNK)
      .map((_, i) => cell(FIRST_CHUNK + i))
      .join(''),
  };
}

/** The data rows' files with their row index (0-based, the header row is 0). */
export function filesOfRows(rows: readonly (readonly unknown[])[]): { row: number; file: StoredFile }[] {
  return rows.flatMap((row, i) => {
    if (i === 0) return [];
    const file = fileOfRow(row);
    return file ? [{ row: i, file }] : [];
  });
}

/** A file to store: its kind, id and JSON text as written. */
export type FileToStore = Omit<StoredFile, 'version'>;

/** The whole MIB_FILES sheet as rows (row 1 the headers), for a writer that makes it at once (the
 * .xlsx template). */
export function planStoredFiles(files: readonly FileToStore[]): string[][] {
  return [[...FILES_HEADERS], ...files.map((file) => rowOf(file.kind, file.id, file.text))];
}

/** The files back from the sheet's rows, each text checked against its fingerprint, so a cut or edited
 * text is reported (by id) rather than used. */
export function readStoredFiles(rows: readonly (readonly unknown[])[]): { files: StoredFile[]; damaged: string[] } {
  const found = filesOfRows(rows).map(({ file }) => file);
  return {
    files: found.filter((file) => fingerprint(file.text) === file.version),
    damaged: found.filter((file) => fingerprint(file.text) !== file.version).map((file) => file.id),
  };
}

/** The storage of a region's files in a workbook: Excel (src/excel/storedFiles.ts) and the in-memory
 * workbook implement it. */
export interface FileStorePort {
  /** every file stored, in row order */
  listFiles(): Promise<StoredFile[]>;
  readFile(kind: StoredFileKind, id: string): Promise<StoredFile | null>;
  /** stores the text in the row of that kind and id (replacing it) or a new row; returns it as stored */
  saveFile(kind: StoredFileKind, id: string, text: string): Promise<StoredFile>;
  /** removes the row; false when there was none */
  removeFile(kind: StoredFileKind, id: string): Promise<boolean>;
}
