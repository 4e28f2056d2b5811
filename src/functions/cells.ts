/**
 * Cell values as a custom function receives them. Plain cells arrive as numbers, strings and booleans;
 * a blank cell arrives as null (Excel on the web), "" or, on some desktop builds, 0 (office-js #4702,
 * #1951: indistinguishable from a typed 0). With `allowCustomDataForDataTypeAny` (which the metadata
 * generator always sets) a data-typed cell arrives as an object with a `basicValue`, and an error cell as
 * an error object.
 */
export type Matrix = readonly (readonly unknown[])[];

export type Cell =
  | { kind: 'blank' }
  | { kind: 'error'; text: string }
  | { kind: 'value'; value: string | number | boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads one cell: blank, an error (#N/A …), or its plain value. */
export function readCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'string') return raw.trim() === '' ? { kind: 'blank' } : { kind: 'value', value: raw };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'value', value: raw } : { kind: 'error', text: '#NUM!' };
  if (typeof raw === 'boolean') return { kind: 'value', value: raw };
  if (isRecord(raw)) {
    // CustomFunctions.Error ({ code: "#N/A" }) or an Excel.ErrorCellValue ({ type: "Error", basicValue: "#N/A" })
    if (raw.type === 'Error' || (typeof raw.code === 'string' && raw.code.startsWith('#'))) {
      const text = typeof raw.basicValue === 'string' ? raw.basicValue : typeof raw.code === 'string' ? raw.code : '#VALUE!';
      return { kind: 'error', text };
    }
    if ('basicValue' in raw) return readCell(raw.basicValue);
  }
  return { kind: 'error', text: '#VALUE!' };
}

/** A cell as a message shows it: “abc”, 12, TRUE, 空白, #N/A. */
export function showCell(raw: unknown): string {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return '空白';
  if (cell.kind === 'error') return cell.text;
  if (typeof cell.value === 'string') return `“${cell.value}”`;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

/** A range argument as a 2-D array. Excel always passes one; a bare value (from code, or a scalar that
 * slipped through) counts as a 1×1 range, and null (an omitted optional range) as none. */
export function asMatrix(raw: unknown): unknown[][] | null {
  if (raw === null || raw === undefined) return null;
  if (!Array.isArray(raw)) return [[raw]];
  return raw.map((row: unknown) => (Array.isArray(row) ? [...(row as unknown[])] : [row]));
}

export interface Shape {
  rows: number;
  columns: number;
}

export function shapeOf(matrix: Matrix): Shape {
  return { rows: matrix.length, columns: Math.max(0, ...matrix.map((row) => row.length)) };
}

export function showShape(shape: Shape): string {
  return `${shape.rows} 行 × ${shape.columns} 列`;
}

/** A single row or a single column. */
export function isLine(shape: Shape): boolean {
  return shape.rows === 1 || shape.columns === 1;
}

/** Cells in reading order: across each row, then down. */
export function cellsOf(matrix: Matrix): unknown[] {
  return matrix.flatMap((row) => [...row]);
}
