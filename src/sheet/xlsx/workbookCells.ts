import type ExcelJS from 'exceljs';
import type { WorkbookCells } from '../collect';
import { splitReference } from '../memory/a1';
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
