import type { Rubric } from '../core';
import type { LabelKey } from './labels';

/** A column of the sheet: the official ones in the printed order, then the columns the sheet adds. */
export type ColumnKey =
  | 'no' | 'section' | 'indicator' | 'code' | 'definition' | 'report' | 'method' | 'category' | 'points'
  | 'assessment' | 'departments' | 'remarks' | 'selfScore'
  | 'inputId' | 'inputLabel' | 'inputValue' | 'clause' | 'score' | 'deducted' | 'overCap' | 'difference' | 'veto' | 'inputStatus' | 'reading';

const OFFICIAL: Record<Rubric['layout'], ColumnKey[]> = {
  // 江北 附件2: 序号, 类别, 考核指标, 指标释义, 机构述职, 计分方法, 计分类别, 总分, 机构自评得分
  jiangbei: ['no', 'section', 'indicator', 'definition', 'report', 'method', 'category', 'points', 'selfScore'],
  // 威海: 事项, 序号, 考核项目, 类别, 分值, 内容, 评分标准, 考核方法, 考核科室, 备注, kept in the common order
  // with 类别代码 beside the indicator and 考核方法, 考核科室, 备注 after 总分
  weihai: ['no', 'section', 'indicator', 'code', 'definition', 'report', 'method', 'category', 'points', 'assessment', 'departments', 'remarks', 'selfScore'],
};

// 填报状态 and 口径说明 come last, so that the columns before them keep the letters a reviewer already knows
const ADDED: ColumnKey[] = ['inputId', 'inputLabel', 'inputValue', 'clause', 'score', 'deducted', 'overCap', 'difference', 'veto', 'inputStatus', 'reading'];

const WIDTH: Record<ColumnKey, number> = {
  no: 6, section: 10, indicator: 18, code: 8, definition: 42, report: 16, method: 42, category: 11, points: 8,
  assessment: 12, departments: 14, remarks: 16, selfScore: 10,
  inputId: 8, inputLabel: 30, inputValue: 12, clause: 10, score: 9, deducted: 9, overCap: 10, difference: 9, veto: 7, inputStatus: 8, reading: 40,
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
  const list = keys.map((key, index) => ({ key, label: key as LabelKey, index, letter: columnLetter(index), width: WIDTH[key] }));
  return { list, at: Object.fromEntries(list.map((c) => [c.key, c])) as Record<ColumnKey, Column> };
}

/** Columns of an item merged over its clause rows, as the printed table shows one cell per item. */
export const ITEM_COLUMNS: ColumnKey[] = [
  'no', 'indicator', 'code', 'definition', 'report', 'method', 'category', 'points', 'assessment', 'departments', 'remarks',
  'selfScore', 'score', 'deducted', 'overCap', 'difference', 'veto',
];
