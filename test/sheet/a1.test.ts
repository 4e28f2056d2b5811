// A1 addresses read by hand (src/sheet/memory/a1.ts), held to plainer readings of the same: parseCell and
// parseRange to the regular expression they replaced, anyOverlap (two merged ranges that overlap make Excel
// and ExcelJS refuse a sheet; it compares only the ranges that reach each other's rows) to comparing every pair.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOverlap, parseCell, parseRange, type Rect } from '../../src/sheet/memory/a1';

const everyPair = (rects: readonly Rect[]) =>
  rects.some((a, i) => rects.some((b, j) => i < j && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom));

const rect = fc
  .record({ top: fc.nat(30), left: fc.nat(12), height: fc.nat(6), width: fc.nat(4) })
  .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));

describe('anyOverlap', () => {
  it('says what comparing every pair says', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 40 }), (rects) => anyOverlap(rects) === everyPair(rects)),
      { numRuns: 2_000 },
    );
  });

  it('finds a tall merge crossed by one several merges below its top, and lets touching ones be', () => {
    const ranges = (list: string) => list.split(' ').map(parseRange);
    expect(anyOverlap(ranges('B20:B40 D25:E25 F30:G31 A35:C35'))).toBe(true);
    expect(anyOverlap(ranges('B20:B40 D25:E25 F30:G31 C35:D35 A41:B41'))).toBe(false);
    expect(anyOverlap(ranges('A1 A1'))).toBe(true);
    expect(anyOverlap([])).toBe(false);
  });
});

/** parseCell and parseRange as they were written with a regular expression and split */
function regexCell(address: string) {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`not a cell address: "${address}"`);
  let col = 0;
  for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}
function regexRange(address: string) {
  const [first, last = first] = address.split(':') as [string, string?];
  const [a, b] = [regexCell(first), regexCell(last!)];
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
const outcome = (read: () => unknown) => {
  try {
    return read();
  } catch (error) {
    return (error as Error).message;
  }
};

describe('parseCell and parseRange', () => {
  it('read what the regular expression reads, and refuse what it refuses, with the same message', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AaZzKkxX$0123456789: \t١'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(text, (address) => {
        expect(outcome(() => parseCell(address))).toEqual(outcome(() => regexCell(address)));
        expect(outcome(() => parseRange(address))).toEqual(outcome(() => regexRange(address)));
      }),
      { numRuns: 20_000 },
    );
    expect(parseRange('$b$2:a10')).toEqual({ top: 1, left: 0, bottom: 9, right: 1 });
    expect(parseCell(' XFD1048576 ')).toEqual({ row: 1_048_575, col: 16_383 });
  });
});
