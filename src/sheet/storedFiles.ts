import { fingerprint } from '../core/fingerprint';

/**
 * The contract by which a workbook carries a region's own table or policy (issue 13): a very hidden,
 * protected worksheet named MIB_FILES. Row 1 holds the headers; then one row per file: A its kind
 * ("rubric" / "policy"), B its id, C the fingerprint of its text (src/core/fingerprint.ts), and D, E, …
 * the JSON text as written, cut into pieces of at most STORED_PIECE characters (Excel keeps at most
 * 32,767 in a cell). `mib template` writes it; the add-in reads it back with Office.js, which can read a
 * hidden sheet but not a custom XML part ExcelJS could not write anyway.
 */
export const STORED_FILES_SHEET = 'MIB_FILES';
export const STORED_FILES_HEADERS = ['类型', '编号', '指纹', '内容（分段）'] as const;
export const STORED_PIECE = 32_000;

export interface StoredFile {
  kind: 'rubric' | 'policy';
  id: string;
  /** the file's JSON text, as written */
  text: string;
}

/** The sheet's cells, row by row (row 1 the headers), every value text. */
export function planStoredFiles(files: readonly StoredFile[]): string[][] {
  const rows = files.map((file) => [file.kind, file.id, fingerprint(file.text), ...pieces(file.text)]);
  return [[...STORED_FILES_HEADERS], ...rows];
}

function pieces(text: string): string[] {
  const out: string[] = [];
  // cut between UTF-16 code units but never inside a surrogate pair, so each piece is valid text
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + STORED_PIECE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out.length > 0 ? out : [''];
}

/** The files back from the sheet's rows (as planStoredFiles wrote them): the pieces joined, the
 * fingerprint compared, so a cut or edited text is reported rather than used. */
export function readStoredFiles(rows: readonly (readonly unknown[])[]): { files: StoredFile[]; damaged: string[] } {
  const files: StoredFile[] = [];
  const damaged: string[] = [];
  for (const row of rows.slice(1)) {
    const [kind, id, print, ...rest] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (kind !== 'rubric' && kind !== 'policy') continue;
    const text = rest.join('');
    if (fingerprint(text) !== print) damaged.push(id ?? '');
    else files.push({ kind, id: id ?? '', text });
  }
  return { files, damaged };
}
