// A workbook's defined names as the collector reads them (xlsxCells.ts): each NAME with the areas it covers,
// as ExcelJS 4.4 gives them (lib/xlsx/xform/book/defined-name-xform.js, workbook-xform.js reconcile,
// lib/doc/defined-names.js), so that a submitted sheet's names read as they did when ExcelJS opened it.
import { cellAddress, columnLetters } from '../memory/a1';

export interface NamedArea {
  name: string;
  sheet: string;
  /** without "$": one cell (K5) or a range (O12:O132) */
  address: string;
}

/** Cells ExcelJS would lay out one by one for a name; past this a name keeps its areas as written (a file
 * naming whole sheets, which ExcelJS would take minutes over). */
const MOST_CELLS = 200_000;

interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The names of <definedNames>, each once with its areas: print areas and titles left out (ExcelJS makes
 * them the sheet's page setup), a name written twice taken from its last definition (a name local to
 * each of several sheets, as Excel saves it, keeps only the last sheet's), areas without a sheet or
 * without "$" on both column and row left out. A name's areas are its cells gathered again into
 * rectangles, first down, then across, from the first cell of each (DefinedNames.getRanges): one
 * rectangle as written stays that rectangle.
 */
export function readDefinedNames(definedNames: readonly { name: string; text: string }[]): NamedArea[] {
  const byName = new Map<string, Area[]>();
  for (const { name, text } of definedNames) {
    if (name === '_xlnm.Print_Area' || name === '_xlnm.Print_Titles') continue;
    const areas: Area[] = [];
    for (const range of extractRanges(text)) {
      if (!/[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/.test(range.split('!').pop() ?? '')) continue;
      const area = decodeArea(range);
      if (area) areas.push(area);
    }
    byName.set(name, areas);
  }
  const named: NamedArea[] = [];
  for (const [name, areas] of byName) for (const area of regrown(areas)) named.push({ name, sheet: area.sheet, address: areaAddress(area) });
  return named;
}

/** defined-name-xform.js extractRanges: the text split at commas outside quoted sheet names, each part
 * kept if it reads as a reference. */
function extractRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (decodeArea(item, true)) ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even && decodeArea(item, true)) ranges.push(item);
    else if (quotesOpened && !even) {
      quotesOpened = false;
      if (decodeArea(last + item, true)) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

/** col-cache.js decodeEx, as far as a name's area goes: the sheet ('' quotes read as one), the rectangle
 * (0-based); undefined when it names no sheet or is not a cell or range (`any`: any sheet, or none). */
function decodeArea(reference: string, any = false): Area | undefined {
  const groups = /(?:(?:'((?:[^']|'')*)'|([^'^ !]*))!)?(.*)/.exec(reference)!;
  const quoted = groups[1];
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : groups[2];
  const parts = groups[3]!.split(':');
  const first = cellOf(parts[0]!);
  const second = parts.length > 1 ? cellOf(parts[1]!) : first;
  if (!first || !second) return undefined;
  if (!sheet) return any ? { sheet: '', top: 0, left: 0, bottom: 0, right: 0 } : undefined;
  return {
    sheet,
    top: Math.min(first.row, second.row),
    left: Math.min(first.col, second.col),
    bottom: Math.max(first.row, second.row),
    right: Math.max(first.col, second.col),
  };
}

const cellOf = (text: string) => {
  const match = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/.exec(text.trim());
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col > 16_384 ? undefined : { row: Number(match[2]) - 1, col: col - 1 };
};

const areaAddress = (area: Area) =>
  area.top === area.bottom && area.left === area.right
    ? cellAddress(area.top, area.left)
    : `${columnLetters(area.left)}${area.top + 1}:${columnLetters(area.right)}${area.bottom + 1}`;

/** DefinedNames.getRanges: a name's cells, sheet by sheet as first named, each cell row by row, gathered
 * into rectangles: from each cell not yet taken, down its column (up first, then down), then across while
 * every row of it is named (left first, then right). */
function regrown(areas: readonly Area[]): Area[] {
  const cellsIn = areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  if (cellsIn > MOST_CELLS) return [...areas];
  const sheets = new Map<string, Set<number>>();
  const key = (row: number, col: number) => row * 16_384 + col;
  for (const area of areas) {
    let cells = sheets.get(area.sheet);
    if (!cells) sheets.set(area.sheet, (cells = new Set()));
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) cells.add(key(r, c));
  }
  const found: Area[] = [];
  for (const [sheet, cells] of sheets) {
    const marked = new Set(cells);
    for (const start of [...cells].sort((a, b) => a - b)) {
      if (!marked.delete(start)) continue;
      const row = Math.floor(start / 16_384);
      const col = start % 16_384;
      const area: Area = { sheet, top: row, bottom: row, left: col, right: col };
      while (marked.delete(key(area.top - 1, col))) area.top -= 1;
      while (marked.delete(key(area.bottom + 1, col))) area.bottom += 1;
      const across = (c: number) => {
        for (let r = area.top; r <= area.bottom; r++) if (!marked.has(key(r, c))) return false;
        for (let r = area.top; r <= area.bottom; r++) marked.delete(key(r, c));
        return true;
      };
      while (area.left > 0 && across(area.left - 1)) area.left -= 1;
      while (area.right < 16_383 && across(area.right + 1)) area.right += 1;
      found.push(area);
    }
  }
  return found;
}
