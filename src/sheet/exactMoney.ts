/**
 * deposit × ratio, half-up to the fen, as formula text that is exact for deposits up to 10¹².
 *
 * A double holds every whole number below 2^53 (about 9×10^15) exactly, and a sum, product or MOD of
 * such numbers whose result stays below 2^53 is exact too. The deposit in fen C (at most 10^14) and the
 * ratio as a whole count R of 10^-k (R ≤ 10^k: a ratio is at most 1) are such numbers, but C × R is not
 * (10^14 × 10^4 already exceeds 2^53). So the product is worked in parts, as by hand:
 *
 * - k ≤ 7: C = q·10^k + r with r < 10^k, and C·R/10^k = q·R + r·R/10^k. q·R ≤ C and r·R < 10^14 are
 *   exact; only the last term has a fraction, and rounding it rounds the whole amount.
 * - 7 < k ≤ 14: both split at 10^7, C = Ch·10^7 + Cl and R = Rh·10^7 + Rl, so
 *   C·R = Ch·Rh·10^14 + M·10^7 + Cl·Rl with M = Ch·Rl + Cl·Rh < 2·10^14. Divided by 10^k, the whole part
 *   of M/10^(k−7) is carried and its remainder joins Cl·Rl, every term below 2^53.
 *
 * The last division `x/10^k` of a whole x < 2^53 is exact when the quotient is a whole or a half number
 * (those are doubles), and otherwise lies at least 10^-k away from a half, far more than its error, so
 * ROUND(…,0) rounds half-up exactly as the core's decimal arithmetic does.
 */

/** The largest number of ratio decimals the formula handles. */
export const MAX_RATIO_DECIMALS = 14;

const pow = (n: number) => `10^${n}`;

/** round_half_up(cents × ratio / 10^decimals) as formula text, cents and ratio whole numbers ≥ 0. */
export function exactCents(cents: string, ratio: string, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_RATIO_DECIMALS) {
    throw new RangeError(`exactCents: ${decimals} ratio decimals (0–${MAX_RATIO_DECIMALS})`);
  }
  if (decimals === 0) return `${cents}*${ratio}`;
  const k = pow(decimals);
  if (decimals <= 7) return `(INT(${cents}/${k})*${ratio}+ROUND(MOD(${cents},${k})*${ratio}/${k},0))`;
  const high = (x: string) => `INT(${x}/10^7)`;
  const low = (x: string) => `MOD(${x},10^7)`;
  const [ch, cl, rh, rl] = [high(cents), low(cents), high(ratio), low(ratio)];
  const middle = `(${ch}*${rl}+${cl}*${rh})`;
  const carry = pow(decimals - 7);
  const top = decimals === 14 ? `${ch}*${rh}` : `${ch}*${rh}*${pow(14 - decimals)}`;
  return `(${top}+INT(${middle}/${carry})+ROUND((MOD(${middle},${carry})*10^7+${cl}*${rl})/${k},0))`;
}
