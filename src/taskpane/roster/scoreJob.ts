import { type Policy, rosterColumns, type Rubric, scoreRoster } from '../../core';
import { rosterFindings } from '../../core/roster/findings';
import type { PeerOptions, RosterResult } from '../../core/roster/types';
import type { SheetValues } from '../../sheet/port';
import { planRosterWorkbook } from '../../sheet/roster';
import type { ExpandColumns } from '../../sheet/roster/expand';
import { rosterSource } from '../../sheet/roster/source';
import type { GridPlan } from '../../sheet/types';
import { type Histogram, histogramBars } from './chartData';
import { type ProblemEntry, problemEntries } from './problemEntries';

/** What 计算 hands to the worker: the roster sheet's cells as read, and the choices. */
export interface ScoreRequest {
  sheetName: string;
  values: SheetValues | null;
  rubric: Rubric;
  policy?: Policy;
  convert: boolean;
  intervals: PeerOptions['intervals'];
}

/** What comes back: the scored roster and the roster workbook's sheets, planned, not yet written. */
export interface Scored {
  result: RosterResult;
  sheets: GridPlan[];
  /** 汇总名单's first data row (1-based) and its column count: where each institution's row is */
  firstRow: number;
  columnCount: number;
  /** where the roster keeps each field and fact: what 展开 links to */
  columns: ExpandColumns;
  /** the 汇总 tab's list of what to look at and of the problems, and its score histogram: made here, over
   * every row, not in the pane's render (10,000 rows' findings and bins were most of its longest task) */
  problems: { shown: ProblemEntry[]; more: number };
  histogram: Histogram;
}

/** 计算's work without the workbook: score the roster in the core and plan 汇总名单 / 汇总统计 / 同级分组 /
 * 口径说明. Runs in the pane's worker (src/taskpane/work); `onRow` reports each institution scored. */
export function scoreJob(request: ScoreRequest, onRow?: (done: number, total: number) => void): Scored {
  const source = rosterSource(request.sheetName, request.values);
  const result = scoreRoster(request.rubric, source.table, request.policy, {
    convert: request.convert,
    peer: { intervals: request.intervals },
    ...(onRow && { onRow }),
  });
  const { fields, inputs } = rosterColumns(request.rubric, source.table.header);
  const columns = { fields, inputs };
  const planned = planRosterWorkbook(result, request.rubric, request.policy);
  return {
    result,
    sheets: planned.sheets,
    firstRow: planned.roster.firstRow,
    columnCount: planned.roster.columns.length,
    columns,
    problems: problemEntries(result, source, columns, undefined, rosterFindings(result, request.rubric)),
    histogram: histogramBars(result),
  };
}
