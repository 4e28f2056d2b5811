import Decimal from 'decimal.js';

// One configured Decimal for the whole core: 40 significant digits is far beyond any score or
// deposit, and ROUND_HALF_UP is how Chinese financial documents round ("四舍五入").
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);

export function dec(value: number | string | Dec): Dec {
  return new D(value);
}

export function sum(values: Dec[]): Dec {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
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
