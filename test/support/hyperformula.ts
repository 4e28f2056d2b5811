// Loads a SheetPlan's grid into HyperFormula (a spreadsheet engine inside vitest) and reads cells back.
import { HyperFormula } from 'hyperformula';
import { parseCell } from '../../src/sheet/memory/a1';
import type { SheetPlan } from '../../src/sheet/types';

export type CellValue = string | number | boolean | null;

export function computePlan(plan: SheetPlan): (address: string) => CellValue {
  const data = plan.grid.map((row) =>
    row.map((cell) => {
      if (!cell) return null;
      if ('formula' in cell) return cell.formula;
      if ('value' in cell) return cell.text || (typeof cell.value === 'string' && /^\d+(\.\d+)?$/.test(cell.value)) ? `'${cell.value}` : cell.value;
      return null;
    }),
  );
  const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3', smartRounding: false });
  return (address) => {
    const { row, col } = parseCell(address);
    const value = hf.getCellValue({ sheet: 0, row, col });
    if (value !== null && typeof value === 'object') return `#ERROR ${(value as { value?: string }).value ?? ''}`;
    return value as CellValue;
  };
}

/** Computes a small grid of values and formulas (rows of cells, A1 at the top left) with the same engine
 * settings as computePlan. */
export function computeGrid(rows: (string | number | null)[][]): (address: string) => CellValue {
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', smartRounding: false });
  return (address) => {
    const { row, col } = parseCell(address);
    const value = hf.getCellValue({ sheet: 0, row, col });
    if (value !== null && typeof value === 'object') return `#ERROR ${(value as { value?: string }).value ?? ''}`;
    return value as CellValue;
  };
}
