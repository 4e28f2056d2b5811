import type { RosterResult } from '../../core/roster/types';
import { BIN_WIDTH, scoreBins } from '../../sheet/roster/histogram';
import type { ChartBar } from '../views/roster/RosterCharts';

/** The grade distribution as the chart draws it: the policy's grades in its order, with their counts. */
export function gradeBars(result: RosterResult): ChartBar[] {
  return result.summary.perGrade.map((grade) => ({ label: grade.label, count: grade.count }));
}

/** The score histogram's bars, and the width of their bins. */
export interface Histogram {
  bars: ChartBar[];
  width: number;
}

/**
 * The score histogram: the 汇总统计 sheet's 10-point bins (scoreBins) over every institution's final
 * score, each counting the scores in [lower, upper), as the sheet's COUNTIFS count them.
 */
export function histogramBars(result: RosterResult): Histogram {
  const scores = result.institutions.map((row) => row.total.toNumber());
  const bars = scoreBins(result.institutions.map((row) => row.total)).map((bin) => ({
    label: `${bin.lower}–${bin.upper}`,
    count: scores.filter((score) => score >= bin.lower && score < bin.upper).length,
  }));
  return { bars, width: BIN_WIDTH };
}
