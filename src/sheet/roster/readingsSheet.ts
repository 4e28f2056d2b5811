import type { Policy } from '../../core/policy/schema';
import { type Reading, readingSubject } from '../../core/readings/readings';
import { documentName } from '../../core/files/rubricLabel';
import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import type { GridPlan, PlanCell } from '../types';
import { rosterGridPlan } from './gridPlan';
import { READINGS_SHEET } from './words';

const HEADERS = ['来源', '条款或事项', '序号', '口径说明'];

const SOURCE_WORDS: Record<Reading['source'], string> = { rubric: '考核表', clause: '条款', policy: '政策' };

/**
 * 口径说明: the rubric's and the policy's readings that applied to this roster (rosterReadings), one row
 * each: where it comes from (考核表, 条款, 政策), the clause's input ids or what the reading is about
 * (按步计分, 否决…; the option's name stays in --json), the item's 序号, and the reading in the document's words. The peer options are said on 同级分组.
 */
export function planReadingsSheet(result: RosterResult, rubric: Rubric, policy?: Policy): GridPlan {
  const rows = result.readings.map((reading): PlanCell[] => [
    { value: SOURCE_WORDS[reading.source], style: 'label' },
    // what the reading is of, in words (an option's name is for file authors, not the page); wrapped
    { value: readingSubject(reading), text: true, style: 'listText' },
    { value: reading.itemNo ?? '', text: true, style: 'label' },
    { value: reading.text, style: 'formulaNote' },
  ]);
  const basis = `考核表：${documentName(rubric)}；考核办法：${policy ? documentName(policy) : '未给出'}`;
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
