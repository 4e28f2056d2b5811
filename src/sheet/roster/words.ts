import type { PeerGroupResult, RosterRowResult } from '../../core/roster/types';

/** The sheet names of the roster workbook. */
export const ROSTER_SHEET = '汇总名单';
export const SUMMARY_SHEET = '汇总统计';
export const PEER_SHEET = '同级分组';
export const READINGS_SHEET = '口径说明';
export const PREVIOUS_SHEET = '上年对比';
export const PUBLISH_SHEET = '公示名单';

/**
 * A row's standing in one word, so that a formula can count it (COUNTIF on exact words; wildcards are
 * not on in every spreadsheet): 最终, 暂评 (facts missing), 暂不评定 (facts invalid), 下属机构 (吉林
 * 第十一条: graded through its parent), 不评定 (a special case, or a score beyond the policy's scale).
 * The row's status decides where the core gives one, so that the summary's COUNTIFs count what the
 * core's summary counts; the grade text otherwise.
 */
export type RowStatus = '最终' | '暂评' | '暂不评定' | '下属机构' | '不评定';

export function rowStatus(row: RosterRowResult): RowStatus {
  if (row.status === 'withheld' || (row.status === undefined && row.gradeText.startsWith('暂不评定'))) return '暂不评定';
  if (row.status === 'provisional' || (row.status === undefined && row.grade !== undefined && row.gradeText.startsWith('暂评'))) return '暂评';
  if (row.grade === undefined) return row.institution.parentCode !== undefined ? '下属机构' : '不评定';
  return '最终';
}

export const PEER_KIND_WORDS: Record<PeerGroupResult['kind'], string> = {
  intervals: '区间',
  lowBand: '低位区间',
  tiers: '分档',
  ranking: '排名',
};

/** "A3.1": the clause as the table prints it (code where the table has one). */
export function clauseLabel(clause: { inputId: string; itemNo: string; code?: string }): string {
  return clause.code ? clause.inputId.replace(new RegExp(`^${clause.itemNo}(?=\\.)`), clause.code) : clause.inputId;
}
