import { FIELDS } from '../../core/roster/institutions';
import { sheetLabels } from '../labels';
import { cellAddress, parseCell } from '../memory/a1';
import type { PlainValue } from '../types';
import type { WorkbookCells } from './cells';

/** Roster fields a sheet may carry beyond the planned ones (机构编码, 名称, 公立/民营, 质量保证金 have cells of
 * their own): 级别 and 上级机构编码, where someone added them to the header as a label and its value. */
export interface HeaderFields {
  level?: string;
  parentCode?: string;
}

/** How far right of a label its value may stand (the header's label and value slots are merged cells). */
const VALUE_SPAN = 6;
const COLUMNS = 16;

const plain = (value: PlainValue | null) => (value === null ? '' : String(value).trim());
/** "级别：" and "级别（类型）" read as the label itself */
const labelOf = (text: string) => text.replace(/[：:]\s*$/, '').trim();

let words: Set<string> | undefined;
/** The sheet's own labels (机构名称, 考核年度, …): met right of a label, they say its value is blank. */
const sheetWords = () => (words ??= new Set(Object.values(sheetLabels['zh-CN'])));

/**
 * 级别 and 上级机构编码 in the header block of an assessment sheet (the rows above `firstItemCell`): a cell whose
 * text is one of the names the roster reader accepts for the field, and the first value to its right. A
 * code stays text (leading zeros kept). A sheet without such labels gives nothing.
 */
export function headerFields(cells: WorkbookCells, sheetName: string, firstItemCell: string): HeaderFields {
  const labels = new Map<string, keyof HeaderFields>([
    ...FIELDS.level.map((name) => [name, 'level'] as const),
    ...FIELDS.parentCode.map((name) => [name, 'parentCode'] as const),
  ]);
  const found: HeaderFields = {};
  const rows = parseCell(firstItemCell).row;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < COLUMNS; col++) {
      const label = plain(cells.cell(sheetName, cellAddress(row, col)).value);
      const field = labels.get(labelOf(label));
      if (field === undefined || found[field] !== undefined) continue;
      for (let right = col + 1; right <= col + VALUE_SPAN; right++) {
        const value = plain(cells.cell(sheetName, cellAddress(row, right)).value);
        // blank, or the label's own merged cells (ExcelJS gives a merged cell its first cell's value)
        if (value === '' || value === label) continue;
        // the next label, not a value: this one is blank
        if (labels.has(labelOf(value)) || sheetWords().has(labelOf(value))) break;
        found[field] = value;
        break;
      }
    }
  }
  return found;
}
