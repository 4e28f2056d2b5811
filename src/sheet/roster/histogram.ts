import type { Dec } from '../../core/numbers/decimal';

/** A 10-point bin [lower, upper). */
export interface Bin {
  lower: number;
  upper: number;
}

export const BIN_WIDTH = 10;

/**
 * The 10-point bins that cover the scores, from the one holding the lowest to the one holding the
 * highest (a 威海 roster on its 795-point scale gets its own 600–800, a 百分制 one 50–100), so that the
 * histogram has no run of empty bins; each bin is half-open, the highest score falls in the last one.
 */
export function scoreBins(scores: Dec[]): Bin[] {
  if (scores.length === 0) return [];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const score of scores) {
    const value = score.toNumber();
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const bins: Bin[] = [];
  for (let lower = Math.floor(low / BIN_WIDTH) * BIN_WIDTH; lower <= high; lower += BIN_WIDTH) bins.push({ lower, upper: lower + BIN_WIDTH });
  return bins;
}
