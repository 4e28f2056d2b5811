import { D, type Dec } from './decimal';

// Numbers a person types as an argument (a score, a deposit, a year): plain decimal text only. Decimal.js
// (and Number) would also read "0x2710", "1e3" and "Infinity"; none of those is how an amount is written,
// and reading them silently turns a typo into a number. Money read this way never passes through a JS
// number, so 90071992547409.93 stays exact.
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The Decimal that `text` (trimmed) writes in plain decimal notation, or null: hex, exponents,
 * Infinity, thousands separators and blank text are refused. */
export function decimalFromText(text: string): Dec | null {
  const trimmed = text.trim();
  return DECIMAL_TEXT.test(trimmed) ? new D(trimmed) : null;
}
