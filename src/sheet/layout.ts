import type { Rubric } from '../core';
import type { LabelKey } from './labels';

/** A column of the sheet: the official ones in the printed order, then the columns the sheet adds. */
export type ColumnKey =
  | 'no'
  | 'section'
  | 'indicator'
  | 'code'
  | 'definition'
  | 'report'
  | 'method'
  | 'category'
  | 'points'
  | 'assessment'
  | 'departments'
  | 'remarks'
  | 'selfScore'
  | 'inputId'
  | 'inputLabel'
  | 'inputValue'
  | 'clause'
  | 'score'
  | 'deducted'
  | 'overCap'
  | 'difference'
  | 'veto'
  | 'inputStatus'
  | 'reading';

const OFFICIAL: Record<Rubric['layout'], ColumnKey[]> = {
  // 江北 附件2: 序号, 类别, 考核指标, 指标释义, 机构述职, 计分方法, 计分类别, 总分, 机构自评得分
  jiangbei: ['no', 'section', 'indicator', 'definition', 'report', 'method', 'category', 'points', 'selfScore'],
  // 威海: 事项, 序号, 考核项目, 类别, 分值, 内容, 评分标准, 考核方法, 考核科室, 备注, kept in the common order
  // with 类别代码 beside the indicator and 考核方法, 考核科室, 备注 after 总分
  weihai: [
    'no',
    'section',
    'indicator',
    'code',
    'definition',
    'report',
    'method',
    'category',
    'points',
    'assessment',
    'departments',
    'remarks',
    'selfScore',
  ],
};

// 得分 comes right after the official columns, so that the official table and its score print together
// (the first print range) and the working columns after it print apart (the second); 填报状态 and 口径说明
// come last, so that the columns before them keep the letters a reviewer already knows
const ADDED: ColumnKey[] = [
  'score',
  'inputId',
  'inputLabel',
  'inputValue',
  'clause',
  'deducted',
  'overCap',
  'difference',
  'veto',
  'inputStatus',
  'reading',
];

/** The columns printed on the official pages: the official ones and 得分. */
export const PRINTED_THROUGH: ColumnKey = 'score';

// Widths in characters of the default font. The official columns with 得分 stay within about 146
// characters: A4 landscape then prints them at 78 % or more, so that 11 pt text is at least 8 pt on paper
// even where the digit is as wide as DejaVu Sans's (LibreOffice without Calibri: 7 pt a character).
const WIDTH: Record<ColumnKey, number> = {
  no: 5,
  section: 8,
  indicator: 14,
  code: 5,
  definition: 34,
  report: 12,
  method: 36,
  category: 9,
  points: 6,
  assessment: 8,
  departments: 9,
  remarks: 8,
  selfScore: 9,
  score: 7,
  inputId: 8,
  inputLabel: 28,
  inputValue: 12,
  clause: 10,
  deducted: 9,
  overCap: 10,
  difference: 9,
  veto: 7,
  inputStatus: 8,
  reading: 36,
};

/** 威海's table has four more official columns: its long ones are narrower, so that all fit one page wide (149
 * characters: 74 %, 11 pt text at 8.1 pt; its long texts as wide as that allows, so that its form prints on 15 pages). */
const LAYOUT_WIDTH: Record<Rubric['layout'], Partial<Record<ColumnKey, number>>> = {
  jiangbei: {},
  weihai: { indicator: 9, definition: 32, report: 5, method: 36, category: 7, points: 5, selfScore: 7, score: 6 },
};

export interface Column {
  key: ColumnKey;
  label: LabelKey;
  index: number;
  letter: string;
  width: number;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The sheet's columns for a rubric's layout, with their letters. */
export function columnsOf(layout: Rubric['layout']): { list: Column[]; at: Record<ColumnKey, Column> } {
  const keys = [...OFFICIAL[layout], ...ADDED];
  const list = keys.map((key, index) => ({
    key,
    label: key as LabelKey,
    index,
    letter: columnLetter(index),
    width: LAYOUT_WIDTH[layout][key] ?? WIDTH[key],
  }));
  return { list, at: Object.fromEntries(list.map((c) => [c.key, c])) as Record<ColumnKey, Column> };
}

/** Columns of an item merged over its clause rows, as the printed table shows one cell per item. */
export const ITEM_COLUMNS: ColumnKey[] = [
  'no',
  'indicator',
  'code',
  'definition',
  'report',
  'method',
  'category',
  'points',
  'assessment',
  'departments',
  'remarks',
  'selfScore',
  'score',
  'deducted',
  'overCap',
  'difference',
  'veto',
];
