import type { StoredCell } from '../memory/snapshot';

/**
 * A submitted workbook as the collector reads it, whatever opened the file: ExcelJS on the command
 * line (src/cli/collect), a file chosen in the browser for the pane. Read-only, and only what finding
 * an assessment sheet and taking its snapshot needs.
 */
export interface WorkbookCells {
  /** worksheet names, in the workbook's order */
  readonly sheets: readonly string[];
  /** every area of every defined name: the NAME, the sheet the area is on, the address without "$"
   * (a name of several areas, or one defined on several sheets, gives several entries) */
  readonly names: readonly { name: string; sheet: string; address: string }[];
  /** one cell: its live formula with "=", if any, and the value it shows (null = blank) */
  cell(sheet: string, address: string): StoredCell;
  /** a sheet's rows of values (row 1 first), for the MIB_FILES sheet a region's own table travels in */
  rows?(sheet: string): readonly (readonly unknown[])[];
}

/** The names pointing into one sheet, NAME (upper case) → its areas joined by "," (as planAddress gives). */
export function namesOn(cells: WorkbookCells, sheet: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of cells.names) {
    if (entry.sheet !== sheet) continue;
    const name = entry.name.toUpperCase();
    const before = found.get(name);
    found.set(name, before === undefined ? entry.address : `${before},${entry.address}`);
  }
  return found;
}
