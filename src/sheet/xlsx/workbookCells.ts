import type ExcelJS from 'exceljs';
import type { WorkbookCells } from '../collect';
import { cellAddress, splitReference } from '../memory/a1';
import type { StoredCell } from '../memory/snapshot';
import { readCell } from './readCell';

/**
 * A workbook ExcelJS has opened, as the collector reads it. ExcelJS gives each defined name with its
 * areas, sheet-qualified (a name defined on several sheets, as the add-in defines MIB_TOTAL on each
 * assessment sheet, comes back as one name with an area per sheet). A cell's value is what it shows:
 * a formula's cached result, an error as its text (#VALUE!).
 */
export function exceljsCells(workbook: ExcelJS.Workbook): WorkbookCells {
  const names = workbook.definedNames.model.flatMap((name) =>
    name.ranges.flatMap((range) => {
      const { sheet, address } = splitReference(range);
      return sheet === undefined ? [] : [{ name: name.name, sheet, address }];
    }),
  );
  return {
    sheets: workbook.worksheets.map((sheet) => sheet.name),
    names,
    cell(sheetName, address) {
      const sheet = workbook.getWorksheet(sheetName);
      if (!sheet) return { value: null };
      const read = readCell(sheet.getCell(address));
      const value = read.error ?? read.value;
      return read.formula === undefined ? { value } : { formula: read.formula, value };
    },
    rows(sheetName) {
      const sheet = workbook.getWorksheet(sheetName);
      if (!sheet) return [];
      const rows: unknown[][] = [];
      for (let r = 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const values: unknown[] = [];
        for (let c = 1; c <= row.cellCount; c++) values.push(readCell(row.getCell(c)).value);
        rows.push(values);
      }
      return rows;
    },
  };
}

/** A workbook's cells as plain data, every cell its rows hold, so that it can cross from a worker thread
 * (structured clone) and be read there as `snapshotCells` reads it, exactly as `exceljsCells` would. */
export interface CellsSnapshot {
  sheets: string[];
  names: { name: string; sheet: string; address: string }[];
  /** per sheet: A1 address → the cell as `cell` gives it (blank cells left out) */
  cells: Record<string, Record<string, StoredCell>>;
  /** per sheet: what `rows` gives */
  rows: Record<string, unknown[][]>;
}

export function snapshotOf(workbook: ExcelJS.Workbook): CellsSnapshot {
  const live = exceljsCells(workbook);
  const snapshot: CellsSnapshot = { sheets: [...live.sheets], names: [...live.names], cells: {}, rows: {} };
  for (const sheet of workbook.worksheets) {
    const cells: Record<string, StoredCell> = {};
    for (let r = 1; r <= sheet.rowCount; r++) {
      const count = sheet.getRow(r).cellCount;
      for (let c = 1; c <= count; c++) {
        const address = cellAddress(r - 1, c - 1);
        const cell = live.cell(sheet.name, address);
        if (cell.value !== null || cell.formula !== undefined) cells[address] = cell;
      }
    }
    snapshot.cells[sheet.name] = cells;
    snapshot.rows[sheet.name] = live.rows!(sheet.name) as unknown[][];
  }
  return snapshot;
}

/** A snapshot read as the collector reads a workbook. */
export function snapshotCells(snapshot: CellsSnapshot): WorkbookCells {
  return {
    sheets: snapshot.sheets,
    names: snapshot.names,
    cell: (sheet, address) => snapshot.cells[sheet]?.[address.replace(/\$/g, '').toUpperCase()] ?? { value: null },
    rows: (sheet) => snapshot.rows[sheet] ?? [],
  };
}
