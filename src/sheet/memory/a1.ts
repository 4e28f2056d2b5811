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

export function parseCell(address: string): Cell {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`not a cell address: "${address}"`);
  let col = 0;
  for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** "A5:B9" or "A5" */
export function parseRange(address: string): Rect {
  const [first, last = first] = address.split(':') as [string, string?];
  const a = parseCell(first);
  const b = parseCell(last!);
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
