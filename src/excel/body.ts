/// <reference types="office-js" />
import { cellAddress, columnLetters } from '../sheet/memory/a1';
import type { GridPlan, PlainValue } from '../sheet/types';
import { excelWouldConvert, jsonBytes, rowsPerBlock } from './cells';
import type { Step } from './requestSize';
import { type AreaStyle, applyStyle } from './styles';

/**
 * A plan's body (many rows of plain values, styled by column) as writer steps: first each run of columns
 * with one style gets its formatting (fill, font, borders) on its whole range; then the rows in blocks of
 * whole rows, each within `maxBytes`: the number formats of the block's cells, then its values (blanks as "").
 *
 * Number formats go as full-size arrays: `numberFormat` takes a 2-D array matching the range ("The number
 * of rows or columns in the input array doesn't match the size or dimensions of the range" otherwise; the
 * reference no longer says one value covers a range: learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member).
 * Only the columns that need one are sent: those whose style has a number format other than General, and any column where a
 * string would be read as something else (a name "=1+1" or "@SUM(1)": a string written through `values`
 * that starts with "=", "+" or "-" is a formula, learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member),
 * which gets the text format "@" before its value, as a cell formatted as text keeps what is put in it.
 */
export function bodySteps(plan: GridPlan, maxBytes: number): Step[] {
  const body = plan.body;
  if (!body || body.rows.length === 0) return [];
  const top = body.top;
  const bottom = top + body.rows.length - 1;
  const steps: Step[] = [];

  const columns = Math.max(plan.columnCount, body.columnStyles.length);
  for (let first = 0; first < columns;) {
    const name = body.columnStyles[first];
    let last = first;
    while (last + 1 < columns && body.columnStyles[last + 1] === name) last++;
    const style = name === undefined ? undefined : plan.styles[name];
    if (style) {
      const address = `${columnLetters(first)}${top + 1}:${columnLetters(last)}${bottom + 1}`;
      const { numberFormat: _numberFormat, ...area } = style;
      if (Object.keys(area).length > 0) steps.push((sheet) => applyStyle(sheet.getRange(address).format, area as AreaStyle));
    }
    first = last + 1;
  }

  const width = body.rows.reduce((most, row) => Math.max(most, row.length), 1);
  const columnFormat = (c: number): string | undefined => {
    const name = body.columnStyles[c];
    return name === undefined ? undefined : plan.styles[name]?.numberFormat;
  };
  const perBlock = rowsPerBlock(body.rows.length, jsonBytes(body.rows) * 2, maxBytes);
  for (let start = 0; start < body.rows.length; start += perBlock) {
    const rows = body.rows.slice(start, start + perBlock);
    const first = top + start;
    const formats = blockFormats(rows, width, columnFormat);
    const address = `${cellAddress(first, 0)}:${cellAddress(first + rows.length - 1, width - 1)}`;
    steps.push((sheet) => {
      for (const run of formats) {
        sheet.getRange(`${cellAddress(first, run.left)}:${cellAddress(first + rows.length - 1, run.right)}`).numberFormat = run.formats;
      }
      sheet.getRange(address).values = rows.map((row) => {
        const line: PlainValue[] = new Array(width);
        for (let c = 0; c < width; c++) line[c] = row[c] ?? '';
        return line;
      });
    });
  }
  return steps;
}

/** Runs of adjacent columns that need a number format in this block, each with its full-size array. */
function blockFormats(
  rows: (PlainValue | null)[][],
  width: number,
  columnFormat: (c: number) => string | undefined,
): { left: number; right: number; formats: string[][] }[] {
  const needs: boolean[] = [];
  for (let c = 0; c < width; c++) {
    // a new sheet's cells are General already
    const own = columnFormat(c);
    needs[c] = (own !== undefined && own !== 'General') || rows.some((row) => typeof row[c] === 'string' && excelWouldConvert(row[c] as string));
  }
  const runs: { left: number; right: number; formats: string[][] }[] = [];
  for (let c = 0; c < width; c++) {
    if (!needs[c]) continue;
    const last = runs.at(-1);
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c, formats: [] });
  }
  for (const run of runs) {
    run.formats = rows.map((row) => {
      const line: string[] = [];
      for (let c = run.left; c <= run.right; c++) {
        const value = row[c];
        line.push(typeof value === 'string' && excelWouldConvert(value) ? '@' : (columnFormat(c) ?? 'General'));
      }
      return line;
    });
  }
  return runs;
}
