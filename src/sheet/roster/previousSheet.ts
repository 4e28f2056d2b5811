import type { RosterResult } from '../../core/roster/types';
import type { GridPlan, PlanCell } from '../types';
import { rosterGridPlan } from './gridPlan';
import { PREVIOUS_SHEET } from './words';

const HEADERS = ['情况', '机构编码', '机构名称', '上年得分', '上年等次'];

/**
 * 上年对比 (`mib roster --previous`): what was read from last year, then the institutions new this year and
 * those on last year's roster but not on this one, one row each. Each institution's score and grade
 * against last year's are on 汇总名单 (上年得分, 上年等次, 得分变化, 与上年).
 */
export function planPreviousSheet(result: RosterResult): GridPlan | undefined {
  const previous = result.previousYear;
  if (!previous) return undefined;
  const rows: (PlanCell | null)[][] = [
    ...previous.newcomers.map((row): (PlanCell | null)[] => [
      { value: '今年新增', style: 'label' },
      { value: row.code, text: true, style: 'label' },
      { value: row.name, style: 'label' },
      null,
      null,
    ]),
    ...previous.leavers.map((row): (PlanCell | null)[] => [
      { value: '今年不在名单', style: 'label' },
      { value: row.code, text: true, style: 'label' },
      { value: row.name, style: 'label' },
      row.total ? { value: row.total.toNumber(), style: 'number' } : null,
      row.grade !== undefined ? { value: row.grade, style: 'label' } : null,
    ]),
  ];
  return rosterGridPlan({
    name: PREVIOUS_SHEET,
    grid: [
      [{ value: '与上年对照：今年新增与不再在名单的机构', style: 'title' }],
      ...previous.lines.map((line): PlanCell[] => [{ value: line, style: 'basis' }]),
      [],
      HEADERS.map((header) => ({ value: header, style: 'header' })),
      ...rows,
    ],
    columnCount: HEADERS.length,
    columns: HEADERS.map((header, i) => ({ header, width: [14, 14, 28, 10, 10][i]! })),
    rowHeights: { 1: 24 },
    freezeRows: previous.lines.length + 3,
  });
}
