// The header block of an assessment sheet: the table's title and source, then label/value pairs for the
// institution, the table, the policy and the deposit (rows 3, 4, 9 and 10; the results take rows 5–8).
import { bundledRubricIds, DecimalValue, extraWithheld, ownershipLabels, parsedOrNull, type Policy, type Rubric } from '../core';
import { regionUnit } from './sheetName';
import { listSourceProblem } from './excelLimits';
import { fill, type LabelKey } from './labels';
import { PRINTED_THROUGH } from './layout';
import type { SheetBuilder } from './planBuilder';
import type { StyleName } from './styles';
import type { PlanCell, PlanOptions } from './types';

/** Writes a label and its value into one of a row's three slots; returns the value's address. */
export type Pair = (row: number, slot: 0 | 1 | 2, name: LabelKey, cell: PlanCell) => string;

/** Three label/value pairs per row: 江北's label A:B → value C; label D → value E:F; label G → value H:I.
 * 威海's table has narrow columns where 江北 has wide ones: its labels take D:E and H:J, so that none wraps. */
const SLOTS = {
  jiangbei: [
    { label: [0, 1], value: [2, 2] },
    { label: [3, 3], value: [4, 5] },
    { label: [6, 6], value: [7, 8] },
  ],
  weihai: [
    { label: [0, 1], value: [2, 2] },
    { label: [3, 4], value: [5, 6] },
    { label: [7, 9], value: [10, 13] },
  ],
} as const;

export function pairWriter(b: SheetBuilder): Pair {
  const letterOf = (i: number) => b.columns.list[i]!.letter;
  // each header part owns its slot: two parts given one slot is a layout error, found here by name
  const slotOwners = new Map<string, LabelKey>();
  return (row, slot, name, cell) => {
    const owner = slotOwners.get(`${row}:${slot}`);
    if (owner !== undefined) throw new Error(`表头布局冲突：${b.label(owner)}与${b.label(name)}同在第 ${row} 行第 ${slot + 1} 组`);
    slotOwners.set(`${row}:${slot}`, name);
    const s = SLOTS[b.layout][slot];
    b.put(row, s.label[0], { value: b.label(name), style: 'label' });
    if (s.label[1] > s.label[0]) b.merges.push(`${letterOf(s.label[0])}${row}:${letterOf(s.label[1])}${row}`);
    b.put(row, s.value[0], cell);
    for (let c = s.value[0] + 1; c <= s.value[1]; c++) b.put(row, c, { style: 'style' in cell && cell.style ? cell.style : 'fixed' });
    if (s.value[1] > s.value[0]) b.merges.push(`${letterOf(s.value[0])}${row}:${letterOf(s.value[1])}${row}`);
    return `${letterOf(s.value[0])}${row}`;
  };
}

/** A field's cell: blank, a number, or text kept as text. */
export function field(b: SheetBuilder, value: string | number | undefined, style: StyleName): PlanCell {
  return value === undefined || value === '' ? { style } : typeof value === 'string' ? b.text(value, style) : { value, style };
}

export interface HeaderCells {
  codeCell: string;
  nameCell: string;
  yearCell: string;
  rubricCell: string;
  versionCell?: string;
  policyCell: string;
  depositCell: string;
  ownershipCell: string;
  circumstancesCell?: string;
}

export function planHeader(b: SheetBuilder, pair: Pair, rubric: Rubric, policy: Policy | undefined, options: PlanOptions): HeaderCells {
  const { t, label, put, text, merges, validations } = b;
  const printedLetter = b.col(PRINTED_THROUGH).letter;
  put(1, 0, text(tableName(rubric), 'title'));
  merges.push(`A1:${printedLetter}1`);
  put(2, 0, text(`${label('basis')}：${basisLine(rubric.provenance)}`, 'basis'));
  merges.push(`A2:${printedLetter}2`);

  const codeCell = pair(3, 0, 'institutionCode', field(b, options.institutionCode, 'field'));
  const nameCell = pair(3, 1, 'institutionName', field(b, options.institutionName, 'field'));
  const yearCell = pair(3, 2, 'year', field(b, options.year ?? rubric.year, 'field'));
  // the table's and the policy's ids, which the readers find the sheet's layout by, stand beside the header
  // in the working columns (not printed); the printed header names the policy in its own words
  const rubricCell = idCell(b, 3, 'rubric', rubric.id);
  // a region's own table (stored in the workbook) has versions: the one this sheet was made from is
  // recorded, so a sheet made from an older version is flagged (the audit's rubricChanged)
  const versionCell = bundledRubricIds.includes(rubric.id)
    ? undefined
    : pair(10, 0, 'rubricVersion', options.rubricVersion ? text(options.rubricVersion, 'fixed') : { style: 'fixed' });
  const policyCell = idCell(b, 4, 'policyId', policy ? policy.id : label('noPolicy'));
  policyNameRow(b, policy ? policy.title : label('noPolicy'));
  // a deposit that is not a number is kept as the text given (the refund formula then shows #VALUE!)
  const depositValue =
    options.deposit === undefined || options.deposit === ''
      ? undefined
      : (parsedOrNull(DecimalValue, options.deposit)?.toNumber() ?? String(options.deposit));
  const depositCell = pair(4, 2, 'deposit', field(b, depositValue, 'fieldMoney'));
  // 机构性质 公立/民营: a fact of the institution that public-only clauses read
  const ownershipCell = pair(9, 2, 'ownership', field(b, options.ownership ? ownershipLabels[options.ownership] : undefined, 'field'));
  validations.push({
    range: ownershipCell,
    rule: { kind: 'list', options: ['公立', '民营'] },
    prompt: t.ownershipPrompt,
    error: fill(t.error, { label: label('ownership'), prompt: t.ownershipPrompt }),
  });
  // 扣减情形 (挂牌督办 再扣除10%): a fact of the institution the refund reads, only where the policy names
  // circumstances; on row 10, the row before the table's header, so that no other cell moves: at C10, or
  // at E10 beside 考核表版本 (A10:C10) on a region's own table
  let circumstancesCell: string | undefined;
  const circumstanceNames = policy?.extraWithholding?.map((c) => c.name) ?? [];
  // names the policy does not have are refused here, as refundOf refuses them
  if (policy && options.circumstances) extraWithheld(policy, options.circumstances);
  if (circumstanceNames.length > 0) {
    circumstancesCell = pair(10, versionCell ? 1 : 0, 'circumstances', field(b, options.circumstances?.join('，'), 'field'));
    const prompt = fill(t.circumstancesPrompt, { names: circumstanceNames.join('、') });
    // one name: a list to pick from; several may be combined, so the cell takes text
    // (an inline list holds at most 255 characters: a longer name is typed, not picked)
    if (circumstanceNames.length === 1 && listSourceProblem(circumstanceNames) === undefined)
      validations.push({
        range: circumstancesCell,
        rule: { kind: 'list', options: circumstanceNames },
        prompt,
        error: fill(t.error, { label: label('circumstances'), prompt }),
      });
  }
  return {
    codeCell,
    nameCell,
    yearCell,
    rubricCell,
    ...(versionCell && { versionCell }),
    policyCell,
    depositCell,
    ownershipCell,
    ...(circumstancesCell && { circumstancesCell }),
  };
}

/** Row 4's first two slots as one: 考核办法 and the policy's name (A:B, then C up to the deposit's label). */
function policyNameRow(b: SheetBuilder, name: string): void {
  const letter = (i: number) => b.columns.list[i]!.letter;
  const end = SLOTS[b.layout][2].label[0] - 1;
  b.put(4, 0, { value: b.label('policy'), style: 'label' });
  b.put(4, 1, { style: 'label' });
  b.merges.push(`A4:${letter(1)}4`);
  b.put(4, 2, b.text(name, 'fixed'));
  for (let c = 3; c <= end; c++) b.put(4, c, { style: 'fixed' });
  b.merges.push(`${letter(2)}4:${letter(end)}4`);
}

/** The table's and the policy's ids beside the header, in the working columns (not printed): the label,
 * then the id over three columns, so that neither wraps and makes the header's rows taller. */
function idCell(b: SheetBuilder, row: number, name: LabelKey, value: string): string {
  b.put(row, 'inputLabel', { value: b.label(name), style: 'label' });
  b.put(row, 'inputValue', { value, style: 'idValue' });
  for (const key of ['clause', 'deducted'] as const) b.put(row, key, { style: 'idValue' });
  b.merges.push(`${b.at('inputValue', row)}:${b.at('deducted', row)}`);
  return b.at('inputValue', row);
}

/** The table's name as a clerk knows it: its title, after the region's own unit where the title does not
 * name it (江北区2025年定点医疗机构协议签订考核表). */
export function tableName(rubric: Pick<Rubric, 'title' | 'region'>): string {
  const unit = regionUnit(rubric.region);
  return unit && !rubric.title.includes(unit.replace(/(?:省|市|区|县)$/, '')) ? `${unit}${rubric.title}` : rubric.title;
}

/** What the source says of itself: issuer, title, document number and attachment, where the text gives
 * them. A text with no number says so in words, not in the number's place; an attachment that is the
 * title again is not repeated. */
export function basisLine(p: Rubric['provenance']): string {
  const unknownNumber = /^原文未/.test(p.documentNumber);
  const attachment = p.attachment === '正文' || p.title.includes(p.attachment) ? '' : p.attachment;
  const number = unknownNumber ? `（${p.documentNumber}）` : p.documentNumber;
  return `${p.issuer}《${p.title}》${number}${attachment ? ` ${attachment}` : ''}`;
}
