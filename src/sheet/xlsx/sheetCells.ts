// A worksheet's cells as a reader sees them (xlsxCells.ts): the workbook's shared strings and date styles
// applied, shared formulas written out for each cell, merged cells showing their first cell's value, each
// as ExcelJS 4.4 gives it once it has opened the file (cell-xform.js reconcile, doc/cell.js; the file named
// beside each rule is ExcelJS's), so that a submitted sheet reads as it did when ExcelJS opened it. Where
// ExcelJS misread what LibreOffice and the standard read (test/sheet/xlsx/otherWriters.test.ts), the reader
// reads as they do: cells without addresses, t="d" dates, booleans, a text decoded once, a text or error
// result under a date format.
import { cellAddress, columnLetters, parseCell, type Rect } from '../memory/a1';
import type { PlainValue } from '../types';
import type { SheetPart, XmlCell } from './sheetPart';

/** One cell as read: what it shows (null = blank), its formula with "=", the error it shows, and whether
 * it is a formula saved without its result (ExcelJS writes none). */
export interface ShownCell {
  value: PlainValue | null;
  formula?: string;
  error?: string;
  noResult?: true;
}

/** What the workbook gives every sheet: its shared strings (undefined: the file has none), which styles
 * show dates, the 1904 date system, and the targets of this sheet's relationships (its links). */
export interface SheetContext {
  strings: readonly string[] | undefined;
  dateStyles: readonly boolean[];
  date1904: boolean;
  rels: ReadonlyMap<string, string> | undefined;
}

export interface SheetCells {
  /** the cell at an address without "$" (blank when the sheet has none there) */
  cell(address: string): ShownCell;
  /** row by row from the first, each up to its last cell: what `rows` of a WorkbookCells gives */
  rows(): (PlainValue | null)[][];
  /** how many rows the sheet has (Worksheet.rowCount) */
  readonly rowCount: number;
  /** row r's cells (0-based), up to its last (Row.cellCount) */
  rowCells(r: number): ShownCell[];
  /** the style (`s`) of the cell with a value or formula at a row and column (0-based; 0: none); in a merged
   * range, its first cell's */
  styleAt(row: number, col: number): number;
}

/** A value as ExcelJS holds it before a reader flattens it. */
type Held = number | string | boolean | Date | { error: string } | undefined;

const BLANK: ShownCell = { value: null };

/** utils.excelToDate */
const excelDate = (value: Held, date1904: boolean) => new Date(Math.round((Number(value) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

// ECMA-376's date cell (t="d"): ISO 8601 text, 2025-01-15 or 2025-01-15T09:30:00
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.](\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date cell's value as the date the standard says it is and LibreOffice reads it, its time of day as
 * written (test/sheet/xlsx/otherWriters.test.ts). ExcelJS took parseFloat of the text, the year (2025), and
 * this reader did so after it. Text that is not such a date (2025-02-30) stays the text written.
 */
function isoDate(raw: string): Date | string {
  const m = ISO_DATE.exec(raw.trim());
  if (!m) return raw;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? date : raw;
}

/**
 * A boolean cell's value (t="b"): 1 or 0 as Excel writes it, or true or false, the other words XML Schema's
 * boolean allows (https://www.w3.org/TR/xmlschema-2/#boolean). ExcelJS took parseInt(…) !== 0, which reads
 * "false" and any text as TRUE: a fact of 否 written so by another program would have turned to 是. Other
 * text stays the text written, for the reader to question, never a guess.
 */
function booleanOf(raw: string): boolean | string {
  const word = raw.trim();
  return word === '1' || word === 'true' ? true : word === '0' || word === 'false' ? false : raw;
}

/** What a held value shows, as a reader flattens ExcelJS's value (test/support/readCell.ts plainOf). */
function shown(value: Held): ShownCell {
  if (value === undefined) return BLANK;
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { value: null, error: '#NUM!' };
  if (typeof value === 'string') return value === '' ? BLANK : { value };
  if (typeof value === 'boolean') return { value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? BLANK : { value: value.toISOString().slice(0, 10) };
  return { value: null, error: value.error };
}

/** A cell once reconciled: a formula (its text, or the cell of the shared formula it takes), or a value. */
type Reconciled = ({ kind: 'formula'; cell: XmlCell; formula?: string; sharedFrom?: string; result: Held } | { kind: 'value'; value: Held }) & {
  style: number;
};

/**
 * The sheet's cells, read as ExcelJS reads them. Throws where ExcelJS gives up on the file: a shared
 * string that does not exist, a link to a relationship the sheet does not have.
 */
export function sheetCells(part: SheetPart, context: SheetContext): SheetCells {
  // the cells by row and column (a roster's 800,000 cells keyed by their addresses in a Map took seconds,
  // most of them in garbage collection)
  const byRow: (Reconciled | undefined)[][] = [];
  const at = (row: number, col: number) => byRow[row]?.[col];
  /** per row (0-based), one past its last cell: Row.cellCount */
  const widths = [...part.widths];
  // a link to an address outside the workbook stands on a cell by its `r`; its relationship must exist
  // (worksheet-xform.js reconcile)
  for (const rId of part.links.values()) if (!context.rels?.has(rId)) throw new Error(`no relationship ${rId}`);
  const masters = new Map<string | undefined, string>();
  for (const xml of part.cells) (byRow[xml.row] ??= [])[xml.col] = reconcile(xml, context, part.links, masters);
  // a merged range's cells, all but its first, show the first cell's value (doc/cell.js MergeValue); ExcelJS
  // makes every cell of the range, and its rows
  let rowCount = part.rowCount;
  /** a merged cell's place (row × COLUMNS + column) → its range's first cell's */
  const mergedInto = new Map<number, number>();
  const large: Rect[] = [];
  for (const merge of part.merges) {
    rowCount = Math.max(rowCount, merge.bottom + 1);
    for (let r = merge.top; r <= merge.bottom && r < merge.top + 100_000; r++) if ((widths[r] ?? 0) < merge.right + 1) widths[r] = merge.right + 1;
    if ((merge.bottom - merge.top + 1) * (merge.right - merge.left + 1) > 10_000) {
      large.push(merge);
      continue;
    }
    for (let r = merge.top; r <= merge.bottom; r++)
      for (let c = merge.left; c <= merge.right; c++)
        if (r !== merge.top || c !== merge.left) mergedInto.set(r * COLUMNS + c, merge.top * COLUMNS + merge.left);
  }
  const masterOf = (row: number, col: number): Reconciled | undefined | null => {
    const found = mergedInto.get(row * COLUMNS + col);
    if (found !== undefined) return at(Math.floor(found / COLUMNS), found % COLUMNS);
    const merge = large.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
    return merge && !(row === merge.top && col === merge.left) ? at(merge.top, merge.left) : null;
  };

  /** the formula a cell's `formula` gives: its own text, else its shared formula's moved to it */
  const formulaOf = (cell: Reconciled & { kind: 'formula' }): string | undefined => {
    if (cell.formula) return cell.formula;
    if (cell.sharedFrom === undefined) return undefined;
    const from = parseCell(cell.sharedFrom);
    const master = at(from.row, from.col);
    const text = master?.kind === 'formula' ? master.formula : undefined;
    return text === undefined ? undefined : slideFormula(text, cell.sharedFrom, cellAddress(cell.cell.row, cell.cell.col));
  };
  const read = (row: number, col: number): ShownCell => {
    // (null: not a merged cell)
    const first = masterOf(row, col);
    // a merged cell is no formula: it shows its first cell's value, and a formula's (an object) shows nothing
    if (first !== null) return first?.kind === 'value' ? shown(first.value) : BLANK;
    const cell = at(row, col);
    if (!cell) return BLANK;
    if (cell.kind === 'value') return shown(cell.value);
    const formula = `=${formulaOf(cell)}`;
    return cell.result === undefined ? { value: null, formula, noResult: true } : { ...shown(cell.result), formula };
  };
  const rowCells = (r: number) => Array.from({ length: widths[r] ?? 0 }, (_, c) => read(r, c));
  return {
    cell(address) {
      const place = placeOf(address);
      return place ? read(place.row, place.col) : BLANK;
    },
    rows: () => Array.from({ length: rowCount }, (_, r) => rowCells(r).map((cell) => cell.value)),
    rowCount,
    rowCells,
    styleAt(row, col) {
      // a merged range's other cells wear its first cell's style: Excel and ExcelJS give it them on merging
      const first = masterOf(row, col);
      return (first === null ? at(row, col) : first)?.style ?? 0;
    },
  };
}

/** No links: a cell read alone has none standing on it. */
const NO_LINKS: SheetPart['links'] = new Map();

/**
 * One cell as `cell` of sheetCells shows it where no merged range and no link stands on it (a roster's
 * sheet read a row at a time as it arrives, sheetRows.ts, which reads a sheet with either whole): its value,
 * the error it shows, or a formula saved without its result (`noResult`); a formula's text is left out.
 * Throws where sheetCells throws: a shared string that does not exist.
 */
export function shownAlone(xml: XmlCell, context: SheetContext): ShownCell {
  const cell = reconcile(xml, context, NO_LINKS);
  if (cell.kind === 'value') return shown(cell.value);
  return cell.result === undefined ? { value: null, noResult: true } : shown(cell.result);
}

/** A sheet's columns (XFD): a cell's place is row × COLUMNS + column. */
const COLUMNS = 16_384;

/** An address's row and column ("K12", "$K$12"), or undefined where it is none. */
function placeOf(address: string): { row: number; col: number } | undefined {
  try {
    return parseCell(address);
  } catch {
    return undefined;
  }
}

/** cell-xform.js parseClose and reconcile: the type and value of a cell with a value or a formula. */
function reconcile(xml: XmlCell, context: SheetContext, links: SheetPart['links'], masters?: Map<string | undefined, string>): Reconciled {
  const date = xml.s ? context.dateStyles[xml.s] === true : false;
  const linked = links.has(xml.r);
  if (xml.formula || xml.shareType) {
    const raw = xml.value;
    let result: Held;
    if (raw) {
      if (xml.t === 'str') result = raw;
      else if (xml.t === 'b') result = booleanOf(raw);
      else if (xml.t === 'e') result = { error: raw };
      else if (xml.t === 'd') result = isoDate(raw);
      else result = parseFloat(raw);
    }
    // a number's result under a date format is a date, and a boolean's, as LibreOffice reads it (TRUE is 1);
    // a text or an error stays what it is (ExcelJS made either an invalid date, shown blank: an #N/A lost)
    if ((typeof result === 'number' || typeof result === 'boolean') && date) result = excelDate(result, context.date1904);
    // a link on a formula's cell: ExcelJS keeps its result as the link's text, and the formula goes
    if (linked) return { kind: 'value', style: xml.s, value: result };
    let sharedFrom: string | undefined;
    if (xml.shareType === 'shared' && masters) {
      if (xml.ref) masters.set(xml.si, xml.r);
      else sharedFrom = masters.get(xml.si);
    }
    return {
      kind: 'formula',
      style: xml.s,
      cell: xml,
      ...(xml.formula && { formula: xml.formula }),
      ...(sharedFrom !== undefined && { sharedFrom: sharedFrom.replace(/\$/g, '').toUpperCase() }),
      result,
    };
  }
  const raw = xml.value ?? '';
  switch (xml.t) {
    case 's': {
      const index = parseInt(raw, 10);
      if (!context.strings) return { kind: 'value', style: xml.s, value: index };
      const text = context.strings[index];
      if (text === undefined) throw new Error(`no shared string ${raw}`);
      return { kind: 'value', style: xml.s, value: text };
    }
    case 'str':
      return { kind: 'value', style: xml.s, value: raw };
    case 'inlineStr':
      return { kind: 'value', style: xml.s, value: xml.runs ? xml.runs.join('') : raw };
    case 'b':
      return { kind: 'value', style: xml.s, value: booleanOf(raw) };
    case 'e':
      return { kind: 'value', style: xml.s, value: { error: raw } };
    case 'd':
      return { kind: 'value', style: xml.s, value: isoDate(raw) };
    default: {
      const number = parseFloat(raw);
      return { kind: 'value', style: xml.s, value: date ? excelDate(number, context.date1904) : number };
    }
  }
}

/**
 * utils/shared-formula.js slideFormula: a shared formula moved from its first cell to another, each
 * relative reference shifted by the distance (a name, a function's name and a column past XFD left alone).
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = parseCell(from);
  const b = parseCell(to);
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (match, sheet: string | undefined, _s, part: string, paren: string | undefined) => {
      if (paren) return match;
      const ref = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(part);
      if (!ref) return match;
      const [, colDollar, colText, rowDollar, rowText] = ref as unknown as [string, string | undefined, string, string | undefined, string];
      const letters = colText.toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
      let col = parseCell(`${letters}1`).col;
      let row = parseInt(rowText, 10);
      if (!colDollar) col += b.col - a.col;
      if (!rowDollar) row += b.row - a.row;
      if (col < 0 || col >= 16_384) return match;
      return `${sheet ?? ''}${colDollar ?? ''}${columnLetters(col)}${rowDollar ?? ''}${row}`;
    },
  );
}
