import { excelError } from './errors';
import type { SelfTestTranslate } from './text';
import type { SelfTestHost, StepId, StepResult } from './types';

/** What every step group is given: the host, the report's words, and the sheets made so far (deleted at
 * the end whatever happens). */
export interface SelfTestContext {
  host: SelfTestHost;
  t: SelfTestTranslate;
  created: string[];
}

/** Runs one step: its result, or a failure carrying Excel's own code and message when it throws. */
export async function attempt(
  step: StepId,
  subject: string | undefined,
  run: () => Promise<Omit<StepResult, 'step' | 'subject'>>,
): Promise<StepResult> {
  const base = { step, ...(subject !== undefined && { subject }) };
  try {
    return { ...base, ...(await run()) };
  } catch (error) {
    const { code, message } = excelError(error);
    return { ...base, status: 'failed', detail: '', ...(code !== undefined && { code }), message };
  }
}

export const passed = (detail: string) => ({ status: 'passed' as const, detail });
export const failed = (detail: string) => ({ status: 'failed' as const, detail });
export const skipped = (detail: string) => ({ status: 'skipped' as const, detail });

/** An address as compared: no "$", capitals, no sheet name. */
export function bareAddress(address: string): string {
  const cut = address.lastIndexOf('!');
  return (cut >= 0 ? address.slice(cut + 1) : address).replace(/\$/g, '').toUpperCase();
}

/**
 * A formula as compared, outside string literals: capitals, no spaces, no quotes around sheet names, and
 * decimal numbers as JavaScript writes them. Excel gives a formula back in its own spelling ("=sum( A1 )"
 * as "=SUM(A1)", 0.50 as 0.5, '汇总名单'!A1 without quotes where none are needed): the same formula.
 */
export function comparableFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, '')
            .replace(/'/g, '')
            .toUpperCase()
            .replace(
              /(^|[^A-Z0-9_.$])(\d*\.\d+|\d+\.\d*)(E[+-]?\d+)?/g,
              (_, before: string, digits: string, exponent = '') => `${before}${Number(digits + exponent)}`,
            ),
    )
    .join('');
}

/** A value as compared: numbers within 1e-9 of each other are equal; "" and null are blank. */
export function sameValue(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}
