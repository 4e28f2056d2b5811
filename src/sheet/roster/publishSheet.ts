import { toNumber } from '../../core/numbers/decimal';
import type { Policy } from '../../core/policy/schema';
import { bulletin, publicList } from '../../core/roster/publish';
import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import { textHeight } from '../textHeight';
import type { GridPlan, PlainValue } from '../types';
import { MAX_ROW_HEIGHT, rosterGridPlan } from './gridPlan';
import { PUBLISH_SHEET } from './words';

const HEADERS = ['序号', '机构名称', '级别/类型', '得分', '等次', '处理结果'];
const WIDTHS = [6, 30, 10, 9, 12, 58];

/** "2026年12月5日" */
export function dateText(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/**
 * 公示名单: the year's results as an agency publishes them (publicList: in grade order, then by score), under a
 * title and a line with the basis and the date, with the 通报 paragraph below; printed on A4 landscape with
 * the header on every page. Values, not formulas: it is what is sent on, as the roster stood when it was made.
 */
export function planPublishSheet(result: RosterResult, rubric: Rubric, policy: Policy | undefined, date: Date): GridPlan {
  // the list is the sheet's body (values styled by column: a row of objects per cell would be 600,000 of them
  // at 100,000 institutions), each row as tall as its wrapped texts need
  const list = publicList(result, policy);
  const rows = list.map((row): PlainValue[] => [row.no, row.name, row.level ?? '', toNumber(row.score), row.grade, row.outcome]);
  const top = 4;
  const heights: Record<number, number> = {};
  rows.forEach((row, i) => {
    const tallest = Math.max(...WRAPPED.map((c) => textHeight(String(row[c]), WIDTHS[c]!)));
    heights[top + i + 1] = Math.min(MAX_ROW_HEIGHT, tallest);
  });
  const paragraph = `通报：${bulletin(result)}`;
  const width = WIDTHS.reduce((sum, w) => sum + w, 0);
  const last = String.fromCharCode(64 + HEADERS.length);
  const paragraphRow = top + rows.length + 2;
  const grid: GridPlan['grid'] = [
    [{ value: `定点医药机构考核结果公示名单`, style: 'title' }],
    [
      {
        value: `考核表：${rubric.title}${policy ? `；考核办法：${policy.title}` : ''}。按等次、得分排列。公示日期：${dateText(date)}`,
        style: 'basis',
      },
    ],
    [],
    HEADERS.map((header) => ({ value: header, style: 'header' })),
  ];
  // the body's rows, a blank row, then the 通报 paragraph
  grid[paragraphRow - 1] = [{ value: paragraph, style: 'paragraph' }];
  return rosterGridPlan({
    name: PUBLISH_SHEET,
    grid: Array.from(grid, (row) => row ?? []),
    body: { top, rows, columnStyles: ['listNumber', 'listText', 'listText', 'listScore', 'listText', 'listText'] },
    columnCount: HEADERS.length,
    columns: HEADERS.map((header, i) => ({ header, width: WIDTHS[i]! })),
    merges: [`A${paragraphRow}:${last}${paragraphRow}`],
    rowHeights: { ...heights, 1: 24, [paragraphRow]: Math.min(MAX_ROW_HEIGHT, textHeight(paragraph, width)) },
    freezeRows: 4,
    printTitles: { rows: 4 },
  });
}

/** The columns whose text wraps: 机构名称, 级别/类型, 等次, 处理结果. */
const WRAPPED = [1, 2, 4, 5];
