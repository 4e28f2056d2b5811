/**
 * Cell values as a custom function receives them. Plain cells arrive as numbers, strings and booleans;
 * a blank cell arrives as null (Excel on the web), "" or, on some desktop builds, 0 (office-js #4702,
 * #1951: indistinguishable from a typed 0). functions.json carries neither `allowCustomDataForDataTypeAny`
 * nor `allowErrorForDataTypeAny` (src/functions/metadata/runtime.ts), so no data-typed object and no error
 * value reaches a function: Excel does not call it with an error argument
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs).
 * Anything else (a value from code, NaN) is an unreadable cell, shown as #VALUE! or #NUM!.
 */
import * as z from 'zod/mini';
import { BlankValue, clipped, parsedOrNull } from '../core';

export type Matrix = readonly (readonly unknown[])[];

export type Cell = { kind: 'blank' } | { kind: 'error'; text: string } | { kind: 'value'; value: string | number | boolean };

const BLANK: Cell = { kind: 'blank' };
const valueCell = (value: string | number | boolean): Cell => ({ kind: 'value', value });

/** The zod schema a custom function's cell argument is parsed with. The commonest cells (numbers, then
 * text) come first: a union tries its options in order, and every refused option costs. */
const CellSchema: z.ZodMiniType<Cell> = z.union([
  z.pipe(
    z.number(),
    z.transform((n): Cell => valueCell(n)),
  ),
  z.pipe(
    z.string(),
    z.transform((text): Cell => (text.trim() === '' ? BLANK : valueCell(text))),
  ),
  z.pipe(
    z.boolean(),
    z.transform((b): Cell => valueCell(b)),
  ),
  z.pipe(
    BlankValue,
    z.transform(() => BLANK),
  ),
  z.pipe(
    z.custom<number>((v) => typeof v === 'number'),
    z.transform((): Cell => ({ kind: 'error', text: '#NUM!' })),
  ), // NaN, ±Infinity
]);

/** Reads one cell: blank or its plain value; NaN is #NUM!, anything else #VALUE!. */
export function readCell(raw: unknown): Cell {
  return parsedOrNull(CellSchema, raw) ?? { kind: 'error', text: '#VALUE!' };
}

/** A cell as a message shows it: “abc”, 12, TRUE, 空白, #N/A. */
export function showCell(raw: unknown): string {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return '空白';
  if (cell.kind === 'error') return cell.text;
  if (typeof cell.value === 'string') return `“${clipped(cell.value)}”`;
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
