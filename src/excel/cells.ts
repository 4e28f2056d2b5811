import { cellAddress } from '../sheet/memory/a1';
import { typedFormula } from '../sheet/memory/formulaText';
import { excelWouldConvert } from '../sheet/excelLimits';
import type { GridPlan, PlainValue } from '../sheet/types';

/** A block of whole rows written with one `numberFormat` and one `formulas` assignment. */
export interface CellBlock {
  address: string;
  numberFormats: string[][];
  formulas: PlainValue[][];
}

/**
 * The plan's cells as 2-D arrays: constants as values, formulas with "=", blanks as "". One block
 * covers the whole used range unless its text would exceed `maxBytes`; only then is it cut into
 * blocks of whole rows (each later written in its own sync).
 */
export function cellBlocks(plan: GridPlan, maxBytes = Number.POSITIVE_INFINITY): CellBlock[] {
  const columns = Math.max(plan.columnCount, ...plan.grid.map((row) => row.length), 1);
  const numberFormats: string[][] = [];
  const formulas: PlainValue[][] = [];
  plan.grid.forEach((row) => {
    const formats: string[] = [];
    const contents: PlainValue[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = row[c] ?? null;
      const style = cell?.style === undefined ? undefined : plan.styles[cell.style];
      if (cell && 'formula' in cell) {
        // a text format would turn the formula into text
        formats.push(style?.numberFormat && style.numberFormat !== '@' ? style.numberFormat : 'General');
        contents.push(typedFormula(cell.formula));
      } else if (cell && 'value' in cell) {
        const keepText = typeof cell.value === 'string' && (cell.text === true || excelWouldConvert(cell.value));
        formats.push(keepText ? '@' : (style?.numberFormat ?? 'General'));
        contents.push(cell.value);
      } else {
        formats.push(style?.numberFormat ?? 'General');
        contents.push('');
      }
    }
    numberFormats.push(formats);
    formulas.push(contents);
  });
  if (formulas.length === 0) return [];

  // the body's rows are the body's (bodySteps): grid rows after it (公示名单's 通报) are written apart
  const bodyTop = plan.body ? plan.body.top : formulas.length;
  const bodyEnd = plan.body ? plan.body.top + plan.body.rows.length : formulas.length;
  const perBlock = rowsPerBlock(formulas.length, jsonBytes(formulas) + jsonBytes(numberFormats), maxBytes);
  const blocks: CellBlock[] = [];
  const runs: [number, number][] = [
    [0, Math.min(formulas.length, bodyTop)],
    [Math.max(bodyTop, bodyEnd), formulas.length],
  ];
  for (const [start, end] of runs)
    for (let top = start; top < end; top += perBlock) {
      const bottom = Math.min(end, top + perBlock) - 1;
      blocks.push({
        address: `${cellAddress(top, 0)}:${cellAddress(bottom, columns - 1)}`,
        numberFormats: numberFormats.slice(top, bottom + 1),
        formulas: formulas.slice(top, bottom + 1),
      });
    }
  return blocks;
}

export { excelWouldConvert } from '../sheet/excelLimits';

/** How many whole rows go in one block: all of them when their `bytes` fit in `maxBytes`, else the share
 * that fits on average (at least one). One rule for the sheet's cells and a roster's body. */
export function rowsPerBlock(rows: number, bytes: number, maxBytes: number): number {
  return bytes <= maxBytes ? rows : Math.max(1, Math.floor((rows * maxBytes) / bytes));
}

export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}
