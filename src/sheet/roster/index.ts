// The roster workbook as data (issue 14): 汇总名单, 汇总统计, 同级分组 and 口径说明, planned from a scored roster
// and written by the same writers as an assessment sheet (src/excel/writer.ts, src/cli/gridXlsx.ts).
import type { Policy } from '../../core/policy/schema';
import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import type { GridPlan } from '../types';
import { planPeerGroupsSheet } from './peerGroupsSheet';
import { planPreviousSheet } from './previousSheet';
import { planPublishSheet } from './publishSheet';
import { planReadingsSheet } from './readingsSheet';
import { type RosterSheet, planRosterSheet } from './rosterSheet';
import { type SummaryCells, planSummarySheet } from './summarySheet';

export { planPublishSheet, dateText } from './publishSheet';
export { PEER_SHEET, PREVIOUS_SHEET, PUBLISH_SHEET, READINGS_SHEET, ROSTER_SHEET, SUMMARY_SHEET, rowStatus } from './words';
export type { RosterSheet, SummaryCells };

export interface RosterWorkbookPlan {
  /** in writing order: 汇总名单, 汇总统计, 同级分组 (only where a clause depends on the peers), 上年对比 (with
   * last year's roster), 口径说明, 公示名单 */
  sheets: GridPlan[];
  roster: RosterSheet;
  summary: SummaryCells;
}

export interface RosterWorkbookOptions {
  /** 汇总名单's rows are made one at a time as a streaming writer asks for them (`mib roster -o`) */
  streamed?: boolean;
  /** the 公示名单's date line (today unless given) */
  date?: Date;
}

export function planRosterWorkbook(result: RosterResult, rubric: Rubric, policy?: Policy, options: RosterWorkbookOptions = {}): RosterWorkbookPlan {
  const roster = planRosterSheet(result, rubric, options.streamed ?? false);
  const summary = planSummarySheet(result, rubric, roster, policy);
  const sheets = [roster.plan, summary.plan];
  if (result.groups.length > 0) sheets.push(planPeerGroupsSheet(result, rubric, roster));
  const previous = planPreviousSheet(result);
  if (previous) sheets.push(previous);
  sheets.push(planReadingsSheet(result, rubric, policy));
  sheets.push(planPublishSheet(result, rubric, policy, options.date ?? new Date()));
  return { sheets, roster, summary: summary.cells };
}
