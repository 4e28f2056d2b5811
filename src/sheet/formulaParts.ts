/**
 * Small pieces of Excel formula text shared by the clause, item and policy formulas. Every formula the
 * sheet holds is built from these, so they stay in the function set that Excel 2016+, WPS and
 * LibreOffice all compute (IF, AND, OR, MAX, MIN, SUM, COUNTIF, ROUND, ROUNDUP, INT, MOD, ISNUMBER for the 填报状态 check, FIND and SUBSTITUTE for a 扣减情形 cell, and the ^ operator).
 */

/** A number as formula text: plain decimal notation, never an exponent ("0.0001", not "1e-4"). */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Decimals a score or a ratio is read at before a formula compares, grades or counts with it. A cell
 * holds a double: =0.7*64.6+0.3*82.6 is 69.99999999999999, which Excel shows as 70 and a reviewer reads
 * as 70, and =A1/B1 gives 0.8999999999999999 for 0.9. Scores stay under 1000 and ratios are fractions
 * (within ±1, a few hundred percent at most), so 9 decimals keep at most 3 + 9 = 12 significant digits:
 * inside the 15 Excel keeps (so nothing a person typed is changed), and thousands of times wider than
 * binary noise (about 1e-14 at 100). The core reads the same cell at 15 significant digits; the two
 * readings differ only for a value typed with more than 9 decimals within 5e-10 of a bound.
 */
export const READ_DECIMALS = 9;

/** A score or a ratio as a formula compares it: rounded to READ_DECIMALS ("ROUND(E5,9)"). */
export function withoutBinaryNoise(expression: string): string {
  return `ROUND(${expression},${READ_DECIMALS})`;
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
