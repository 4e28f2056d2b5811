// The collector's view of a workbook as ExcelJS gives it (what `mib collect` read until it had a reader of
// its own, src/sheet/xlsx/xlsxCells.ts): the oracle the reader is compared with, cell by cell.
import type { WorkbookCells } from '../../src/sheet/collect';
import { splitReference } from '../../src/sheet/memory/a1';
import { loadWorkbook } from './loadWorkbook';
import { readCell } from './readCell';

/** The cells as ExcelJS opens them, with the extent of each sheet (to compare every cell in it). */
export async function exceljsCells(bytes: Uint8Array): Promise<WorkbookCells & { extent(sheet: string): { rows: number; columns: number } }> {
  const workbook = await loadWorkbook(bytes, 'oracle.xlsx');
  const names = workbook.definedNames.model.flatMap((name) =>
    name.ranges.flatMap((range) => {
      const { sheet, address } = splitReference(range);
      return sheet === undefined ? [] : [{ name: name.name, sheet, address }];
    }),
  );
  // the rows of every sheet before any cell is asked for (asking makes cells, and rows, in ExcelJS)
  const rows = new Map(
    workbook.worksheets.map((sheet) => {
      const values: unknown[][] = [];
      for (let r = 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const cells: unknown[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(readCell(row.getCell(c)).value);
        values.push(cells);
      }
      return [sheet.name, values];
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
    rows: (sheet) => rows.get(sheet) ?? [],
    extent(sheetName) {
      const sheet = workbook.getWorksheet(sheetName)!;
      return { rows: sheet.rowCount, columns: sheet.columnCount };
    },
  };
}
