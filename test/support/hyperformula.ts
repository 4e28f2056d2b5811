// Loads a SheetPlan's grid into HyperFormula (a spreadsheet engine inside vitest) and reads cells back.
import { HyperFormula } from 'hyperformula';
import { parseCell } from '../../src/sheet/memory/a1';
import type { GridPlan, PlainValue, SheetPlan } from '../../src/sheet/types';

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

/** Grid plans (a roster workbook's sheets: grid, then body rows) loaded into one HyperFormula workbook, each
 * sheet under its own name, read back by sheet name and address. Text stays text (a code with a leading
 * zero, a name starting with "="). */
export function computeGridPlans(plans: readonly GridPlan[]): (sheet: string, address: string) => CellValue {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const plan of plans) {
    const rows: (string | number | boolean | null)[][] = plan.grid.map((row) =>
      row.map((cell) => (!cell ? null : 'formula' in cell ? formulaText(cell.formula) : 'value' in cell ? plainCell(cell.value) : null)),
    );
    if (plan.body) plan.body.rows.forEach((row, r) => (rows[plan.body!.top + r] = row.map(plainCell)));
    sheets[plan.name] = rows.map((row) => row ?? []);
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  return (sheet, address) => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const { row, col } = parseCell(address);
    const value = hf.getCellValue({ sheet: id, row, col });
    if (value !== null && typeof value === 'object') return `#ERROR ${(value as { value?: string }).value ?? ''}`;
    return value as CellValue;
  };
}

function plainCell(value: PlainValue | null): string | number | boolean | null {
  return typeof value === 'string' ? `'${value}` : value;
}

const formulaText = (formula: string) => (formula.startsWith('=') ? formula : `=${formula}`);
