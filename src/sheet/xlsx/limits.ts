/**
 * What an .xlsx file read by MIB 考核助手 (a roster, a submitted sheet, a file collected in the pane) may
 * hold, checked before it is parsed (zipGuard.ts). A roster has hundreds to a few thousand institutions,
 * a submitted sheet a few hundred rows; these leave room for far more, and refuse the files that would
 * run the reader out of memory. The README's “Files that are refused” lists them.
 */
export const XLSX_LIMITS = {
  /** the file as it is, compressed */
  bytes: 64 * 1024 * 1024,
  /** parts in the zip (sheets, styles, relationships, …) */
  parts: 2_000,
  /** one part, unzipped */
  partBytes: 256 * 1024 * 1024,
  /** all parts, unzipped */
  totalBytes: 512 * 1024 * 1024,
  /** a sheet read a row at a time and never held (an .xlsx roster: 100,000 institutions of 125 columns
   * are about 380 MB), unzipped; such sheets count against this, all together, in place of the two above */
  streamedBytes: 1024 * 1024 * 1024,
  /** cells in the sheets read a row at a time (an .xlsx roster's), all together: 100,000 institutions of
   * 200 columns (the largest table has 125 facts), so that a sheet of far more is refused before it is all
   * read */
  streamedCells: 20_000_000,
  /** rows in one sheet (a header and 100,000 institutions) */
  rows: 100_001,
  /** rows in all sheets together */
  totalRows: 200_000,
  /** cells in one row */
  columns: 2_000,
  /** cells in all sheets together (where an .xlsx roster's sheets are read a row at a time, none is held
   * whole, and none counts: they count against streamedCells) */
  cells: 5_000_000,
  /** distinct texts (shared strings) */
  sharedStrings: 2_000_000,
};

export const xlsxLimitText = {
  bytes: (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`,
};
