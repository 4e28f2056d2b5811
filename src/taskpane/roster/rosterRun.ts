import type { Policy, Rubric } from '../../core';
import type { RosterResult } from '../../core/roster/types';
import type { ExpandColumns } from '../../sheet/roster/expand';
import type { RosterSource } from '../../sheet/roster/source';
import type { Histogram } from './chartData';
import type { ProblemEntry } from './problemEntries';

/** One 计算 of the roster: what was read, what the core made of it, and where it was written. */
export interface RosterRun {
  source: RosterSource;
  rubric: Rubric;
  policy?: Policy;
  convert: boolean;
  result: RosterResult;
  /** where the roster keeps each institution field and input id (展开 links to them) */
  columns: ExpandColumns;
  /** the sheets written, in order (汇总名单 first) */
  written: string[];
  /** the 汇总名单 sheet and each institution's row on it ("A7:AX7"), by its index in `result` */
  rosterSheet: string;
  rosterRow: (index: number) => string;
  /** expanded sheets whose peer-computed values were written again */
  expandedUpdated: number;
  /** what the 汇总 tab lists and draws, made with the scores (scoreJob) */
  problems: { shown: ProblemEntry[]; more: number };
  histogram: Histogram;
}
