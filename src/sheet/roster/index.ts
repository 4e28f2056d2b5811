// The roster workbook as data (issue 14): 汇总名单, 汇总统计, 同级分组 and 口径说明, planned from a scored roster
// and written by the same writers as an assessment sheet (src/excel/writer.ts, src/cli/rosterWorkbook.ts).
import type { Policy } from '../../core/policy/schema';
import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/schema';
import type { GridPlan } from '../types';
import { planPeerGroupsSheet } from './peerGroupsSheet';
import { planPublishSheet } from './publishSheet';
import { planReadingsSheet } from './readingsSheet';
import { type RosterSheet, planRosterSheet } from './rosterSheet';
import { type SummaryCells, planSummarySheet } from './summarySheet';

export { planPublishSheet, dateText } from './publishSheet';
export { PEER_SHEET, PUBLISH_SHEET, READINGS_SHEET, ROSTER_SHEET, SUMMARY_SHEET, rowStatus } from './words';
export type { RosterSheet, SummaryCells };

export interface RosterWorkbookPlan {
  /** in writing order: 汇总名单, 汇总统计, 同级分组 (only where a clause depends on the peers), 口径说明, 公示名单 */
  sheets: GridPlan[];
  roster: RosterSheet;
  summary: SummaryCells;
}

/** The workbook's sheets; `date` is the 公示名单's date line (today unless given). */
export function planRosterWorkbook(result: RosterResult, rubric: Rubric, policy?: Policy, date = new Date()): RosterWorkbookPlan {
  const roster = planRosterSheet(result, rubric);
  const summary = planSummarySheet(result, rubric, roster, policy);
  const sheets = [roster.plan, summary.plan];
  if (result.groups.length > 0) sheets.push(planPeerGroupsSheet(result, rubric, roster));
  sheets.push(planReadingsSheet(result, rubric, policy));
  sheets.push(planPublishSheet(result, rubric, policy, date));
  return { sheets, roster, summary: summary.cells };
}
