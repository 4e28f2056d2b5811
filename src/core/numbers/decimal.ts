import Decimal from 'decimal.js';

// One configured Decimal for the whole core: 40 significant digits is far beyond any score or
// deposit, and ROUND_HALF_UP is how Chinese financial documents round ("四舍五入").
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);

/** Significant digits Excel keeps, shows and compares a number at. */
export const EXCEL_DIGITS = 15;

/**
 * A double from a cell or a JSON file, read as Excel reads it: at 15 significant digits. A cell holding
 * =0.7*64.6+0.3*82.6 keeps the double 69.99999999999999, which Excel shows, and a reviewer reads, as 70;
 * `new D(n)` would keep the binary noise and grade it 基本合格. Significant, not decimal, digits: 1e-20
 * stays 1e-20. Every double of 15 or fewer significant digits (any score, ratio or deposit ≤ 10¹² to
 * the fen a person types) reads back as exactly the decimal typed.
 */
export function fromDouble(n: number): Dec {
  // a whole number is taken as the double holds it: under 10¹⁵ it has at most 15 digits anyway (no round
  // trip through text: a roster reads thousands of counts), and above, cutting it to 15 digits would
  // change it silently (9007199254740993 in a JSON file is the double 9007199254740992, not the count
  // 9007199254740990 that is under 2⁵³ − 1); 0 and −0 alike are a plain 0
  if (Number.isInteger(n)) return n === 0 ? ZERO : new D(n);
  return new D(n.toPrecision(EXCEL_DIGITS));
}

/** A value as a Decimal: numbers (doubles) at Excel's 15 significant digits, text and Decimals as they are. */
export function dec(value: number | string | Dec): Dec {
  return typeof value === 'number' ? fromDouble(value) : new D(value);
}

export function sum(values: Dec[]): Dec {
  return values.reduce(plus, ZERO);
}

// a + b, a − b and max(0, a) without a new Decimal where the answer is one already there: most clauses of
// most institutions add nothing, and scoring a roster adds up hundreds of thousands of them. The values
// are those of a.plus(b), a.minus(b) and D.max(0, a).

export function plus(a: Dec, b: Dec): Dec {
  // 0 + b is b: every sum starts at 0 (b is already within the precision a.plus(b) would round it to)
  return b.isZero() ? a : a.isZero() ? b : a.plus(b);
}

export function minus(a: Dec, b: Dec): Dec {
  return b.isZero() ? a : a.minus(b);
}

export function atLeastZero(a: Dec): Dec {
  return a.isNegative() ? ZERO : a;
}

/**
 * a.comparedTo(b) (−1, 0 or 1) for finite Decimals, read from their public digits (`d`), exponent (`e`)
 * and sign (`s`) as decimal.js compares them, without the copy of `b` that decimal.js makes on every
 * comparison (gt, lte, eq …): a roster compares millions of times. Infinity and NaN go to decimal.js.
 */
export function cmp(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.comparedTo(b);
  const as = a.s;
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -b.s : 0;
  if (as !== b.s) return as;
  const flip = as < 0;
  if (a.e !== b.e) return a.e > b.e !== flip ? 1 : -1;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i]! > bd[i]! !== flip ? 1 : -1;
  return ad.length === bd.length ? 0 : ad.length > bd.length !== flip ? 1 : -1;
}

// 10⁰ … 10²², every one exactly a double
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * a.toNumber(), read from the public digits (`d`, base 10⁷ words), exponent (`e`) and sign (`s`) without
 * the text decimal.js goes through (汇总名单 writes 800,000 numbers for 10,000 rows). A value of at most
 * two words (14 digits) is its digits M times 10^p: when M < 2⁵³ and |p| ≤ 22 both are exact doubles, and
 * one multiplication or division of exact doubles is correctly rounded, as reading the text is (Clinger's
 * fast path), so the double is the same. Other values go through decimal.js.
 */
export function toNumber(a: Dec): number {
  const d = a.d;
  if (!d || d.length > 2) return a.toNumber();
  const first = d[0]!;
  if (first === 0) return a.s < 0 ? -0 : 0;
  const digits = first < 10 ? 1 : first < 100 ? 2 : first < 1e3 ? 3 : first < 1e4 ? 4 : first < 1e5 ? 5 : first < 1e6 ? 6 : 7;
  const whole = d.length === 1 ? first : first * 1e7 + d[1]!;
  const p = a.e - (digits - 1) - 7 * (d.length - 1);
  if (p > 22 || p < -22) return a.toNumber();
  const n = p >= 0 ? whole * POWERS_OF_TEN[p]! : whole / POWERS_OF_TEN[-p]!;
  return a.s < 0 ? -n : n;
}

/**
 * The double of a value that no other value shares: one of at most two words (14 digits) within a double's
 * normal range, read exactly by toNumber, so two such values have the same double only when they are equal.
 * undefined for any other value, and for −0 (a Map takes it for 0; decimal.js keeps it apart).
 */
export function exactNumber(a: Dec): number | undefined {
  const d = a.d;
  if (!d || d.length > 2 || Math.abs(a.e) > 300) return undefined;
  const n = toNumber(a);
  return Object.is(n, -0) ? undefined : n;
}

/**
 * One Decimal for each value met: a long list's values often repeat (a rate to three places takes a few
 * hundred values over 100,000 rows), and a Decimal is some 100 bytes. A value is found by its double, which
 * tells apart every value of at most two words (14 digits) within a double's normal range; the pool keeps a
 * copy of the first it meets, its digits in an array of their own length (a Decimal parsed or computed
 * leaves room in its array to grow). Any other value, and −0 (a Map takes it for 0), is copied each time.
 */
export class DecimalPool {
  readonly #byNumber = new Map<number, Dec>();
  readonly #most: number;

  constructor(most = 10_000) {
    this.#most = most;
  }

  shared(a: Dec): Dec {
    const n = exactNumber(a);
    if (n === undefined) return new D(a);
    let found = this.#byNumber.get(n);
    if (found === undefined) {
      found = new D(a);
      if (this.#byNumber.size < this.#most) this.#byNumber.set(n, found);
    }
    return found;
  }
}

const constants = new Map<number, Dec>();
/** new D(n), made once per number: the bounds, caps and points a rubric prints are compared with and
 * multiplied by for every institution, and decimal.js reads a number through its text each time. */
export function constant(n: number): Dec {
  let d = constants.get(n);
  if (d === undefined) {
    d = new D(n);
    // −0 is a Decimal of its own; a rubric's constants are a few hundred numbers
    if (!Object.is(n, -0) && constants.size < 4096) constants.set(n, d);
  }
  return d;
}

/** max(0, a − b), the value of atLeastZero(minus(a, b)), with no Decimal made when a ≤ b: an item's
 * deductions rarely pass its points, nor its earnings. */
export function beyond(a: Dec, b: Dec): Dec {
  return cmp(a, b) > 0 ? minus(a, b) : ZERO;
}

export function clamp(value: Dec, min: Dec, max: Dec): Dec {
  return D.min(max, D.max(min, value));
}

/** Plain decimal text for traces: no exponent, no trailing zeros ("25.5", "0.45", "3"). */
export function fmt(value: Dec | number): string {
  const d = value instanceof D ? value : new D(value);
  // Decimal keeps no trailing zeros, so toFixed() with no argument is already the plain form
  return (d.decimalPlaces() > 6 ? d.toDecimalPlaces(6) : d).toFixed();
}

/** A fraction as a percent for traces: 0.455 -> "45.5%". */
export function pct(value: Dec | number): string {
  const d = value instanceof D ? value : new D(value);
  return `${fmt(d.times(100))}%`;
}
