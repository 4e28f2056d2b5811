// A cell as ExcelJS gives it, reduced to what a reader needs: the oracle the reader of .xlsx files
// (src/sheet/xlsx/xlsxCells.ts, which reads without ExcelJS) is compared with (exceljsCells.ts).
import ExcelJS from 'exceljs';
import type { PlainValue } from '../../src/sheet/types';

/** One cell as ExcelJS reads it from a file, reduced to what a reader needs. */
export interface ReadCell {
  /** what the cell shows: text, number or boolean; null when blank */
  value: PlainValue | null;
  /** the formula with its "=", where the cell holds one (a shared formula translated to this cell) */
  formula?: string;
  /** the error value shown (#N/A, #VALUE!, …), where the cell (or its formula) gives one */
  error?: string;
  /** a formula cell saved without its result (ExcelJS writes none; LibreOffice's 0 is dropped on reading) */
  noResult?: true;
}

/** A date as the yyyy-mm-dd text a person typed (ExcelJS gives the date at UTC midnight). */
const dateText = (date: Date) => date.toISOString().slice(0, 10);

/** A plain value (or an error) from what ExcelJS gives as a value or a formula's result. */
function plainOf(value: unknown): Pick<ReadCell, 'value' | 'error'> {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { value: null, error: '#NUM!' };
  if (typeof value === 'string') return { value: value === '' ? null : value };
  if (typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: Number.isNaN(value.getTime()) ? null : dateText(value) };
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return plainOf(v.richText.map((run) => run.text).join(''));
    if (typeof v.error === 'string') return { value: null, error: v.error };
    // a hyperlink: its text (plain or rich)
    if (v.text !== undefined) return plainOf(v.text);
  }
  return { value: null };
}

/** The cell as a reader sees it: rich text flattened, a formula's cached result, a date as yyyy-mm-dd. */
export function readCell(cell: ExcelJS.Cell): ReadCell {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = `=${cell.formula}`;
    const result: unknown = cell.result;
    if (result === undefined) return { value: null, formula, noResult: true };
    return { ...plainOf(result), formula };
  }
  return plainOf(cell.value);
}
