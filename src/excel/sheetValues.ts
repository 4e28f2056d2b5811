/// <reference types="office-js" />
import { PlainCellValue } from '../core';
import { cellAddress, parseCell, parseRange, rangeAddress, splitReference } from '../sheet/memory/a1';
import type { CellBlock, CellEntry, SheetValues } from '../sheet/port';
import type { PlainValue } from '../sheet/types';
import { excelWouldConvert } from './cells';
import { type Step, batches, stepBytes } from './requestSize';
import { REQUEST_LIMIT } from './writer';

/** Cells read per sync: a roster cell's value is rarely over 30 bytes of JSON, so a response stays
 * near 3 MB, under Excel on the web's 5 MB. */
export const CELLS_PER_READ = 100_000;
/** Cells per range written: one step of the write, grouped into requests under REQUEST_LIMIT. */
const CELLS_PER_WRITE = 50_000;

/**
 * The sheet's used range (values only) as plain values: one sync for its address, then one per block
 * of at most CELLS_PER_READ cells, so that a 10,000-row roster is read without a response over the
 * limit. Null for an empty sheet.
 */
export async function readValues(context: Excel.RequestContext, sheetName: string): Promise<SheetValues | null> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address');
  await context.sync();
  if (used.isNullObject) return null;
  const rect = parseRange(splitReference(used.address).address);
  const width = rect.right - rect.left + 1;
  const rowsPerRead = Math.max(1, Math.floor(CELLS_PER_READ / width));
  const values: (PlainValue | null)[][] = [];
  for (let top = rect.top; top <= rect.bottom; top += rowsPerRead) {
    const block = sheet.getRange(rangeAddress({ top, left: rect.left, bottom: Math.min(rect.bottom, top + rowsPerRead - 1), right: rect.right }));
    block.load('values');
    await context.sync();
    for (const row of block.values as unknown[][]) values.push(row.map((value) => PlainCellValue.parse(value)));
  }
  return { origin: cellAddress(rect.top, rect.left), values };
}

/**
 * Writes the blocks through `formulas` (a formula with "=", a value as it is, null clearing the cell);
 * a string Excel would read as something else ("001", "=x") gets the text format first, a formula the
 * format it asks for, other cells keep theirs. Requests are grouped under REQUEST_LIMIT, one sync each.
 */
export async function writeCells(context: Excel.RequestContext, sheetName: string, blocks: CellBlock[]): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  for (const batch of batches(blocks.flatMap(writeSteps), REQUEST_LIMIT, stepBytes)) {
    for (const step of batch) step(sheet);
    await context.sync();
  }
}

/** A block as steps of at most CELLS_PER_WRITE cells, whole rows each. */
function writeSteps({ address, rows }: CellBlock): Step[] {
  const width = Math.max(1, ...rows.map((row) => row.length));
  const rowsPerStep = Math.max(1, Math.floor(CELLS_PER_WRITE / width));
  const { row: top, col: left } = parseCell(address);
  const steps: Step[] = [];
  for (let first = 0; first < rows.length; first += rowsPerStep) {
    const slice = rows.slice(first, first + rowsPerStep).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    const range = rangeAddress({ top: top + first, left, bottom: top + first + slice.length - 1, right: left + width - 1 });
    const formats = slice.map((row) => row.map(formatOf));
    const formulas = slice.map((row) => row.map(formulaOf));
    steps.push((sheet) => {
      const target = sheet.getRange(range);
      // null leaves a cell's format as it is (Office.js reads null in a 2-D array as "no change")
      if (formats.some((row) => row.some((f) => f !== null))) target.numberFormat = formats as string[][];
      target.formulas = formulas;
    });
  }
  return steps;
}

/** The number format a cell must take before its content, or null to keep its own. */
function formatOf(entry: CellEntry): string | null {
  if (typeof entry === 'string') return excelWouldConvert(entry) ? '@' : null;
  return entry !== null && typeof entry === 'object' ? (entry.numberFormat ?? null) : null;
}

function formulaOf(entry: CellEntry): PlainValue {
  if (entry === null) return '';
  return typeof entry === 'object' ? entry.formula : entry;
}
