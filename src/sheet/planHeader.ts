// The header block of an assessment sheet: the table's title and source, then label/value pairs for the
// institution, the table, the policy and the deposit (rows 3, 4, 9 and 10; the results take rows 5–8).
import { bundledRubricIds, DecimalValue, extraWithheld, ownershipLabels, parsedOrNull, type Policy, type Rubric } from '../core';
import { listSourceProblem } from './excelLimits';
import { fill, type LabelKey } from './labels';
import { PRINTED_THROUGH } from './layout';
import type { SheetBuilder } from './planBuilder';
import type { StyleName } from './styles';
import type { PlanCell, PlanOptions } from './types';

/** Writes a label and its value into one of a row's three slots; returns the value's address. */
export type Pair = (row: number, slot: 0 | 1 | 2, name: LabelKey, cell: PlanCell) => string;

/** Three label/value pairs per row: label A:B → value C; label D → value E:F; label G → value H:I. */
const SLOTS = [
  { label: [0, 1], value: [2, 2] },
  { label: [3, 3], value: [4, 5] },
  { label: [6, 6], value: [7, 8] },
] as const;

export function pairWriter(b: SheetBuilder): Pair {
  const letterOf = (i: number) => b.columns.list[i]!.letter;
  // each header part owns its slot: two parts given one slot is a layout error, found here by name
  const slotOwners = new Map<string, LabelKey>();
  return (row, slot, name, cell) => {
    const owner = slotOwners.get(`${row}:${slot}`);
    if (owner !== undefined) throw new Error(`表头布局冲突：${b.label(owner)}与${b.label(name)}同在第 ${row} 行第 ${slot + 1} 组`);
    slotOwners.set(`${row}:${slot}`, name);
    const s = SLOTS[slot];
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
  put(1, 0, { value: rubric.title, style: 'title' });
  merges.push(`A1:${printedLetter}1`);
  const p = rubric.provenance;
  put(2, 0, text(`${label('basis')}：${p.issuer}《${p.title}》${p.documentNumber} ${p.attachment}`, 'basis'));
  merges.push(`A2:${printedLetter}2`);

  const codeCell = pair(3, 0, 'institutionCode', field(b, options.institutionCode, 'field'));
  const nameCell = pair(3, 1, 'institutionName', field(b, options.institutionName, 'field'));
  const yearCell = pair(3, 2, 'year', field(b, options.year ?? rubric.year, 'field'));
  const rubricCell = pair(4, 0, 'rubric', { value: rubric.id, style: 'fixed' });
  // a region's own table (stored in the workbook) has versions: the one this sheet was made from is
  // recorded, so a sheet made from an older version is flagged (the audit's rubricChanged)
  const versionCell = bundledRubricIds.includes(rubric.id)
    ? undefined
    : pair(10, 0, 'rubricVersion', options.rubricVersion ? text(options.rubricVersion, 'fixed') : { style: 'fixed' });
  const policyCell = pair(4, 1, 'policy', policy ? { value: policy.id, style: 'fixed' } : { value: label('noPolicy'), style: 'fixed' });
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
