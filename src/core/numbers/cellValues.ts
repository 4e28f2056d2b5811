import * as z from 'zod/mini';
import { D, type Dec, fromDouble } from './decimal';

// The zod schemas for single values that come from outside: a sheet cell, a fact in a JSON file, a
// value a custom function receives. zod/mini (not the full zod of the rubric schema) because these run
// inside functions.js, whose budget is 60 KB gzipped; the two share zod's core and mix freely.

// digits with thousands separators only where they group by three ("1,000", not "1,5": a decimal comma
// would otherwise read as fifteen)
const DIGITS = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const PLAIN_NUMBER = new RegExp(`^${DIGITS}$`);
const PERCENT = new RegExp(`^${DIGITS}\\s*[%％]$`);

/** Text as a person types a number, trimmed. */
const numberText = (shape: RegExp) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((s) => s.trim()),
    ),
    z.string().check(z.regex(shape)),
  );

// each short text read once: decimal.js reads a text character by character, and a roster's 10,000 rows
// hold a million number cells, most of them alike ("0", "1", "2"): one Decimal serves them all (a Decimal
// is never changed, only made anew by its operations)
const readTexts = new Map<string, Dec>();
const TEXTS_KEPT = 10_000;
const TEXT_KEPT_LENGTH = 12;

/** Trimmed text of the PLAIN_NUMBER or PERCENT shape as its number, without the thousands separators:
 * the schemas below and quickDecimal read it alike. */
const plainNumber = (text: string): Dec => {
  let read = readTexts.get(text);
  if (read === undefined) {
    read = new D(text.replace(/,/g, ''));
    if (readTexts.size < TEXTS_KEPT && text.length <= TEXT_KEPT_LENGTH) readTexts.set(text, read);
  }
  return read;
};
const percentNumber = (text: string): Dec => new D(text.replace(/,/g, '').replace(/\s*[%％]$/, '')).div(100);

/**
 * A number: a finite number (a number cell), or text that is a plain number ("85", "1,000"). A number
 * is a double and is read at Excel's 15 significant digits (fromDouble: 0.1+0.2 is 0.3). Text is decimal
 * already and is read exactly, digit for digit: "69.99999999999999" is what the person wrote, not binary
 * noise, and rounding it up would invent a 70 nobody typed. Excel agrees: a text cell keeps the text, and
 * the same digits typed into a number cell are cut (not rounded) to 15 digits, 69.9999999999999, so the
 * answer is 基本合格 either way.
 */
export const DecimalValue = z.union([z.pipe(z.number(), z.transform(fromDouble)), z.pipe(numberText(PLAIN_NUMBER), z.transform(plainNumber))]);

/** A ratio or a number: also percent text ("45%", "45 ％"), read as the fraction 0.45. */
export const DecimalOrPercentValue = z.union([DecimalValue, z.pipe(numberText(PERCENT), z.transform(percentNumber))]);

const YES_WORDS = ['是', 'true', 'y', 'yes', '1', '√', '有'] as const;
const NO_WORDS = ['否', 'false', 'n', 'no', '0', '×', '无'] as const;

/** Yes or no: TRUE/FALSE, 1/0, 是/否 and the other words a sheet uses (√/×, 有/无, yes/no). */
export const YesNoValue = z.union([
  z.boolean(),
  z.pipe(
    z.pipe(z.union([z.string(), z.number()]), z.transform(yesNoWord)),
    z.pipe(
      z.enum([...YES_WORDS, ...NO_WORDS]),
      z.transform((word) => (YES_WORDS as readonly string[]).includes(word)),
    ),
  ),
]);

function yesNoWord(value: string | number): string {
  return String(value).trim().toLowerCase();
}

// The quick readers: what DecimalValue, DecimalOrPercentValue and YesNoValue give for the forms a sheet,
// a JSON file or a CSV roster holds (a number, a boolean, plain or percent text, a yes/no word), without
// zod's work; undefined for anything else, which the schema then reads or refuses with its message.
// Scoring a roster of thousands reads every fact through here.

/** A number or number text, read as DecimalValue (and, with `percent`, DecimalOrPercentValue) reads it. */
export function quickDecimal(raw: unknown, percent: boolean): Dec | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? fromDouble(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (PLAIN_NUMBER.test(text)) return plainNumber(text);
  return percent && PERCENT.test(text) ? percentNumber(text) : undefined;
}

/** Yes or no as YesNoValue reads it. */
export function quickYesNo(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const word = yesNoWord(raw);
  if ((YES_WORDS as readonly string[]).includes(word)) return true;
  return (NO_WORDS as readonly string[]).includes(word) ? false : undefined;
}

/** A blank value (null, absent, or only spaces): a missing fact, never a zero. */
export const BlankValue = z.union([z.null(), z.undefined(), z.string().check(z.regex(/^\s*$/))]);

/** What a sheet cell holds, as the reader keeps it: a number, text or a boolean; an empty cell is null. */
export const PlainCellValue = z.catch(
  z.union([
    z.boolean(),
    z.number(),
    z.pipe(
      z.string(),
      z.transform((s) => (s === '' ? null : s)),
    ),
  ]),
  null,
);

/** A Decimal that a schema above produced, checked further (a whole number, a range). */
export const decimalWhere = (...checks: z.core.$ZodCheck<Dec>[]) => z.custom<Dec>((v) => v instanceof D).check(...checks);

/** DecimalValue's reading of `raw` (with `percent`, DecimalOrPercentValue's), by the quick reader where it
 * reads it, else by the schema; null when the schema refuses it. A roster reads each row's deposit so. */
export function decimalOrNull(raw: unknown, percent = false): Dec | null {
  return quickDecimal(raw, percent) ?? parsedOrNull<Dec>(percent ? DecimalOrPercentValue : DecimalValue, raw);
}

/** The parsed value, or null when the schema refuses it. */
export function parsedOrNull<T>(schema: z.ZodMiniType<T>, raw: unknown): T | null {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
