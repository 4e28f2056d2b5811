/**
 * Small pieces of Excel formula text shared by the clause, item and policy formulas. Every formula the
 * sheet holds is built from these, so they stay in the function set that Excel 2016+, WPS and
 * LibreOffice all compute (IF, AND, OR, MAX, MIN, SUM, COUNTIF, ROUND, ROUNDUP, INT).
 */

/** A number as formula text: plain decimal notation, never an exponent ("0.0001", not "1e-4"). */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** A string literal, quotes doubled as Excel wants. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The sheet's yes/no cells hold 是 or 否 (a list validation); a blank cell is no finding. */
export function yes(ref: string): string {
  return `${ref}="是"`;
}

/** `points*ref`, leaving out a factor of 1. */
export function times(points: number, expression: string): string {
  return points === 1 ? expression : `${num(points)}*${expression}`;
}

/** A sum of cells or expressions: the cell alone, or SUM(a,b,…). */
export function sumOf(terms: string[]): string {
  if (terms.length === 0) return '0';
  if (terms.length === 1) return terms[0]!;
  return `SUM(${terms.join(',')})`;
}

/** Nested IFs from (condition, value) pairs with a final value; pairs whose value equals the final
 * value at the end are folded into it. */
export function ifChain(pairs: [string, string][], otherwise: string): string {
  const kept = [...pairs];
  while (kept.length > 0 && kept[kept.length - 1]![1] === otherwise) kept.pop();
  return kept.reduceRight((rest, [condition, value]) => `IF(${condition},${value},${rest})`, otherwise);
}

/** Text from a rubric file or a user that begins with =, +, - or @ would be read as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trim());
}
