import { FILES_HEADERS, type FileStorePort, type StoredFile, type StoredFileKind, fileOfRow, filesOfRows, rowOf } from '../storedFiles/contract';

/**
 * The in-memory workbook's MIB_FILES sheet: rows of cells as the contract lays them out. The demo pane
 * persists `rows()` (to sessionStorage) through `onChange`, so a reload finds the imported files.
 */
export class MemoryFileStore implements FileStorePort {
  private readonly table: string[][];

  constructor(
    rows: readonly (readonly unknown[])[] = [],
    private readonly onChange: (rows: string[][]) => void = () => undefined,
  ) {
    this.table = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  }

  /** the sheet's rows as they stand (header first), to save or to inspect */
  rows(): string[][] {
    return this.table.map((row) => [...row]);
  }

  async listFiles(): Promise<StoredFile[]> {
    return filesOfRows(this.table).map(({ file }) => file);
  }

  async readFile(kind: StoredFileKind, id: string): Promise<StoredFile | null> {
    return filesOfRows(this.table).find(({ file }) => file.kind === kind && file.id === id)?.file ?? null;
  }

  async saveFile(kind: StoredFileKind, id: string, text: string): Promise<StoredFile> {
    if (this.table.length === 0) this.table.push([...FILES_HEADERS]);
    const row = rowOf(kind, id, text);
    const at = filesOfRows(this.table).find(({ file }) => file.kind === kind && file.id === id)?.row;
    if (at === undefined) this.table.push(row);
    else this.table[at] = row;
    this.onChange(this.rows());
    return fileOfRow(row)!;
  }

  async removeFile(kind: StoredFileKind, id: string): Promise<boolean> {
    const at = filesOfRows(this.table).find(({ file }) => file.kind === kind && file.id === id)?.row;
    if (at === undefined) return false;
    this.table.splice(at, 1);
    this.onChange(this.rows());
    return true;
  }
}
