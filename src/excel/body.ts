/// <reference types="office-js" />
import { cellAddress, columnLetters } from '../sheet/memory/a1';
import type { GridPlan, PlainValue } from '../sheet/types';
import { jsonBytes, rowsPerBlock } from './cells';
import type { Step } from './requestSize';
import { type AreaStyle, applyStyle } from './styles';

/**
 * A plan's body (many rows of plain values, styled by column) as writer steps: first each run of
 * columns with one style gets it on its whole range — a 1×1 number format on a larger range is applied
 * to every cell (Office.js's "single input copy") —, so a text column is text before its values arrive;
 * then the values in blocks of whole rows, each within `maxBytes`, blanks as "".
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
      const { numberFormat, ...area } = style;
      steps.push((sheet) => {
        if (numberFormat !== undefined) sheet.getRange(address).numberFormat = [[numberFormat]];
        if (Object.keys(area).length > 0) applyStyle(sheet.getRange(address).format, area as AreaStyle);
      });
    }
    first = last + 1;
  }

  const width = body.rows.reduce((most, row) => Math.max(most, row.length), 1);
  const perBlock = rowsPerBlock(body.rows.length, jsonBytes(body.rows), maxBytes);
  for (let start = 0; start < body.rows.length; start += perBlock) {
    const rows = body.rows.slice(start, start + perBlock);
    const address = `${cellAddress(top + start, 0)}:${cellAddress(top + start + rows.length - 1, width - 1)}`;
    steps.push((sheet) => {
      sheet.getRange(address).values = rows.map((row) => {
        const line: PlainValue[] = new Array(width);
        for (let c = 0; c < width; c++) line[c] = row[c] ?? '';
        return line;
      });
    });
  }
  return steps;
}
