/**
 * A1 addresses on one sheet: "K12", "A5:A9", "$B$2". Rows and columns here are 0-based, like
 * SheetPlan.grid. Shared by the Office.js writer/reader and the in-memory workbook.
 */

export interface Cell {
  row: number;
  col: number;
}

/** An inclusive rectangle of cells. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Whether two of the rectangles share a cell (two merged ranges that overlap, which Excel and ExcelJS
 * refuse). Taken by their top rows, each is compared only with those before it that reach down to its top
 * row: a filled 威海 二级 sheet has 558 merges, each one or two rows tall, where comparing each with all
 * before it made 155,000 comparisons a sheet (a tenth of `mib collect`'s time).
 */
export function anyOverlap(rects: readonly Rect[]): boolean {
  const byTop = [...rects].sort((a, b) => a.top - b.top);
  // those taken so far whose bottom row is at or below the current top row
  const reaching: Rect[] = [];
  for (const rect of byTop) {
    let kept = 0;
    for (const before of reaching) {
      if (before.bottom < rect.top) continue;
      if (before.left <= rect.right && rect.left <= before.right) return true;
      reaching[kept++] = before;
    }
    reaching.length = kept;
    reaching.push(rect);
  }
  return false;
}

/** 0 → "A", 25 → "Z", 26 → "AA" */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * "K12", "$K$12", "k12", " A5 ": a cell's 0-based row and column, as /^\$?([A-Za-z]{1,3})\$?(\d+)$/ reads
 * the trimmed text; throws on anything else. Read character by character: a submitted 威海 二级 sheet has
 * 558 merged ranges, and the regular expression was 2 % of `mib collect`'s time.
 */
export function parseCell(address: string): Cell {
  const text = address.trim();
  let i = text.charCodeAt(0) === 36 ? 1 : 0;
  const letters = i;
  let col = 0;
  for (let c = text.charCodeAt(i); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = text.charCodeAt(++i)) col = col * 26 + (c & 0xdf) - 64;
  const letterCount = i - letters;
  if (text.charCodeAt(i) === 36) i++;
  const digits = i;
  while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (letterCount < 1 || letterCount > 3 || i === digits || i !== text.length) throw new Error(`not a cell address: "${address}"`);
  return { row: Number(text.slice(digits)) - 1, col: col - 1 };
}

/** "A5:B9" or "A5" (what follows a second ":" is not read) */
export function parseRange(address: string): Rect {
  const colon = address.indexOf(':');
  if (colon < 0) {
    const { row, col } = parseCell(address);
    return { top: row, left: col, bottom: row, right: col };
  }
  const second = address.indexOf(':', colon + 1);
  const a = parseCell(address.slice(0, colon));
  const b = parseCell(address.slice(colon + 1, second < 0 ? address.length : second));
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeAddress(rect: Rect): string {
  const first = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${cellAddress(rect.bottom, rect.right)}`;
}

/** "K12" in the form used as a map key: no "$", upper case */
export function normalizeAddress(address: string): string {
  return address.replace(/\$/g, '').toUpperCase();
}

/**
 * Splits "'My Sheet'!$B$2" or "=Sheet1!B2:C3" into its sheet name (unquoted, or undefined when the
 * reference has none) and the address part without "$".
 */
export function splitReference(reference: string): { sheet?: string; address: string } {
  const text = reference.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { address: normalizeAddress(text) };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: normalizeAddress(text.slice(bang + 1)) };
}

/** An area's references made absolute, "B5:B9" → "$B$5:$B$9" (one already absolute in part stays right). */
export function absoluteArea(area: string): string {
  return area.replace(/\$/g, '').replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2');
}
