/**
 * A formula as a user types it and as Excel's Range.formulas gives it back: with "=", and without the
 * `_xlfn.` / `_xlws.` prefixes that only the file format needs. String literals are left alone. Both
 * the Office.js writer and the in-memory workbook hold formulas in this form, so a snapshot's
 * formulas mean the same in both; compare them with this form of the plan's formula.
 */
export function typedFormula(formula: string): string {
  const text = formula.startsWith('=') ? formula : `=${formula}`;
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/_xl(fn|ws)\./gi, '')))
    .join('');
}
