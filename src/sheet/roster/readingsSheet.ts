import type { Policy } from '../../core/policy/schema';
import type { Reading } from '../../core/readings';
import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/schema';
import type { GridPlan, PlanCell } from '../types';
import { rosterGridPlan } from './gridPlan';
import { READINGS_SHEET } from './words';

const HEADERS = ['来源', '条款', '序号', '口径说明'];

const SOURCE_WORDS: Record<Reading['source'], string> = { rubric: '考核表', clause: '条款', policy: '政策' };

/**
 * 口径说明: the rubric's and the policy's readings that applied to this roster (rosterReadings), one row
 * each: where it comes from (考核表, 条款, 政策), the clause's input ids or the option's name, the item's
 * 序号, and the reading in the document's words. The peer options are said on 同级分组.
 */
export function planReadingsSheet(result: RosterResult, rubric: Rubric, policy?: Policy): GridPlan {
  const rows = result.readings.map((reading): PlanCell[] => [
    { value: SOURCE_WORDS[reading.source], style: 'label' },
    // a clause's input ids (as the table numbers them); an option's name is for file authors, not the page
    // wrapped: several ids ("31.2、31.3、31.4、31.5") are wider than the column
    { value: reading.source === 'clause' ? (reading.id ?? '') : '', text: true, style: 'listText' },
    { value: reading.itemNo ?? '', text: true, style: 'label' },
    { value: reading.text, style: 'formulaNote' },
  ]);
  const basis = `考核表：${rubric.title}；考核办法：${policy ? policy.title : '未给出'}`;
  return rosterGridPlan({
    name: READINGS_SHEET,
    grid: [
      [{ value: '口径说明：原文可两读处，本名单的计分、等次与返还按以下读法', style: 'title' }],
      [{ value: basis, style: 'basis' }],
      [],
      HEADERS.map((header) => ({ value: header, style: 'header' })),
      ...rows,
    ],
    columnCount: HEADERS.length,
    columns: HEADERS.map((header, i) => ({ header, width: [8, 18, 6, 100][i]! })),
    rowHeights: { 1: 24 },
    freezeRows: 4,
    printTitles: { rows: 4 },
  });
}
