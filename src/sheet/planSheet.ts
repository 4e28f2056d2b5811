import { clauseReadingText, DecimalValue, definitionOf, effectiveRule, getPolicy, type InputSpec, inputIndex, ownershipLabels, parseInputValue, parsedOrNull, type Policy, readingLine, readingsOf, resolveInputId, type Rubric, type RubricItem } from '../core';
import { clauseFormula } from './clauses';
import { scopedClauseFormula } from './clauses/scope';
import { looksLikeFormula, num, str, sumOf } from './formulaParts';
import { fill, type LabelKey, sheetLabels } from './labels';
import { type Column, type ColumnKey, columnsOf, ITEM_COLUMNS } from './layout';
import { effectiveScore, gradeFormula, refundFormula } from './policyCells';
import { STYLES, type StyleName } from './styles';
import type { PlanCell, PlanConditionalFormat, PlanInputCell, PlanItemCells, PlanName, PlanOptions, PlanValidation, PlainValue, SheetPlan, ValidationRule } from './types';

/** Rows of the header block; the table's header row follows a blank row. */
const HEADER_ROW = 9;
const FIRST_ITEM_ROW = HEADER_ROW + 1;

/**
 * The whole assessment worksheet for a rubric, as data: the official table in its printed columns and
 * order, one input row per fact, a readable formula for every clause and item, the total, grade and
 * refund as plain formulas of the policy, and (with the add-in) MIB.SCORE / MIB.GRADE / MIB.REFUND
 * beside them. The layout depends only on the rubric, whether a policy is chosen and whether the
 * add-in cells are wanted, so a reader can find every cell again by planning the same sheet.
 */
export function planSheet(rubric: Rubric, options: PlanOptions = {}): SheetPlan {
  const t = sheetLabels[options.locale ?? 'zh-CN'];
  const label = (key: LabelKey) => t[key];
  const policy: Policy | undefined = options.policyId ? getPolicy(options.policyId) : undefined;
  const columns = columnsOf(rubric.layout);
  const col = (key: ColumnKey): Column => columns.at[key];
  const grid: (PlanCell | null)[][] = [];
  const put = (row: number, key: ColumnKey | number, cell: PlanCell) => {
    const c = typeof key === 'number' ? key : col(key).index;
    const line = (grid[row - 1] ??= []);
    while (line.length < c) line.push(null);
    line[c] = cell;
  };
  const text = (value: string, style: StyleName): PlanCell => (looksLikeFormula(value) ? { value, text: true, style } : { value, style });
  const at = (key: ColumnKey, row: number) => `${col(key).letter}${row}`;
  const lastLetter = columns.list[columns.list.length - 1]!.letter;

  const merges: string[] = [];
  const validations: PlanValidation[] = [];
  const conditionalFormats: PlanConditionalFormat[] = [];
  const rowHeights: Record<number, number> = { 1: 28, 2: 30, [HEADER_ROW]: 32 };

  // — the header block —
  put(1, 0, { value: rubric.title, style: 'title' });
  merges.push(`A1:${lastLetter}1`);
  const p = rubric.provenance;
  put(2, 0, text(`${label('basis')}：${p.issuer}《${p.title}》${p.documentNumber} ${p.attachment}`, 'basis'));
  merges.push(`A2:${lastLetter}2`);
  // three label/value pairs per row: label A:B → value C; label D → value E:F; label G → value H:I
  const slots = [
    { label: [0, 1], value: [2, 2] },
    { label: [3, 3], value: [4, 5] },
    { label: [6, 6], value: [7, 8] },
  ] as const;
  const letterOf = (i: number) => columns.list[i]!.letter;
  const pair = (row: number, slot: 0 | 1 | 2, name: LabelKey, cell: PlanCell): string => {
    const s = slots[slot];
    put(row, s.label[0], { value: label(name), style: 'label' });
    if (s.label[1] > s.label[0]) merges.push(`${letterOf(s.label[0])}${row}:${letterOf(s.label[1])}${row}`);
    put(row, s.value[0], cell);
    for (let c = s.value[0] + 1; c <= s.value[1]; c++) put(row, c, { style: 'style' in cell && cell.style ? cell.style : 'fixed' });
    if (s.value[1] > s.value[0]) merges.push(`${letterOf(s.value[0])}${row}:${letterOf(s.value[1])}${row}`);
    return `${letterOf(s.value[0])}${row}`;
  };
  const field = (value: string | number | undefined, style: StyleName): PlanCell =>
    value === undefined || value === '' ? { style } : typeof value === 'string' ? text(value, style) : { value, style };

  const codeCell = pair(3, 0, 'institutionCode', field(options.institutionCode, 'field'));
  const nameCell = pair(3, 1, 'institutionName', field(options.institutionName, 'field'));
  const yearCell = pair(3, 2, 'year', field(options.year ?? rubric.year, 'field'));
  const rubricCell = pair(4, 0, 'rubric', { value: rubric.id, style: 'fixed' });
  const policyCell = pair(4, 1, 'policy', policy ? { value: policy.id, style: 'fixed' } : { value: label('noPolicy'), style: 'fixed' });
  // a deposit that is not a number is kept as the text given (the refund formula then shows #VALUE!)
  const depositValue =
    options.deposit === undefined || options.deposit === '' ? undefined : (parsedOrNull(DecimalValue, options.deposit)?.toNumber() ?? String(options.deposit));
  const depositCell = pair(4, 2, 'deposit', field(depositValue, 'fieldMoney'));
  // 机构性质 公立/民营: a fact of the institution that public-only clauses read (row 8, above the table)
  const ownershipCell = pair(8, 0, 'ownership', field(options.ownership ? ownershipLabels[options.ownership] : undefined, 'field'));
  validations.push({ range: ownershipCell, rule: { kind: 'list', options: ['公立', '民营'] }, prompt: t.ownershipPrompt, error: fill(t.error, { label: label('ownership'), prompt: t.ownershipPrompt }) });

  // — the table —
  columns.list.forEach((c) => put(HEADER_ROW, c.index, { value: label(c.label), style: 'header' }));
  const prefill = prefilled(rubric, options.inputs ?? {});
  const inputs: PlanInputCell[] = [];
  const items: PlanItemCells[] = [];
  const regularScores: string[] = [];
  const bonusScores: string[] = [];
  let row = FIRST_ITEM_ROW;
  let sectionStart = row;
  let sectionName: string | undefined;
  const closeSection = (end: number) => {
    if (sectionName !== undefined && end > sectionStart) merges.push(`${at('section', sectionStart)}:${at('section', end)}`);
  };

  for (const item of rubric.items) {
    const specs = item.rules.flatMap((rule) => definitionOf(rule).inputs(rule));
    const first = row;
    const last = row + Math.max(1, specs.length) - 1;
    if (item.section !== sectionName) {
      closeSection(first - 1);
      sectionName = item.section;
      sectionStart = first;
      put(first, 'section', text(item.section, 'center'));
    }
    officialCells(item, first);

    // one row per fact: id, label, value cell
    const refs = new Map<string, string>();
    specs.forEach((spec, k) => {
      const r = first + k;
      refs.set(spec.id, at('inputValue', r));
      put(r, 'inputId', { value: spec.id, text: true, style: 'id' });
      put(r, 'inputLabel', text(spec.unit ? `${spec.label}（${spec.unit}）` : spec.label, 'text'));
      const pre = prefill.get(spec.id);
      const style: StyleName = spec.type === 'ratio' || spec.type === 'signedRatio' ? 'inputRatio' : 'input';
      put(r, 'inputValue', pre === undefined ? { style } : typeof pre === 'string' ? text(pre, style) : { value: pre, style });
      inputs.push({ id: spec.id, itemNo: item.no, address: at('inputValue', r), label: spec.label });
      validations.push(validationOf(spec, at('inputValue', r), rubric, t));
    });

    // one clause cell per rule, on the row of its first fact
    const points = item.points ?? 0;
    const ctx = { ref: (id: string) => refs.get(id) ?? 'A1', itemPoints: points, partialSteps: rubric.partialSteps };
    const earnCells: string[] = [];
    const deductTerms: string[] = [];
    const deductCells: string[] = [];
    const vetoCells: string[] = [];
    let r = first;
    const readingsShown = new Set<string>();
    for (const rule of item.rules) {
      const clause = clauseFormula(effectiveRule(rubric, rule), ctx);
      const cell = at('clause', r);
      put(r, 'clause', { formula: `=${scopedClauseFormula(rubric, rule, clause, ownershipCell, points)}`, style: 'number' });
      // the clause's reading on its own row; a note several clauses share is written once
      const reading = clauseReadingText(rule, rubric);
      if (reading) {
        const shown = readingsShown.has(reading) ? '同上' : reading;
        put(r, 'reading', text(shown, 'text'));
        // tall enough that the whole reading prints (about 19 Chinese characters to a line of the column)
        rowHeights[r] = Math.max(rowHeights[r] ?? 0, 15 * Math.ceil(shown.length / 19));
        readingsShown.add(reading);
      }
      if (clause.role === 'earn') earnCells.push(cell);
      if (clause.role === 'veto') vetoCells.push(cell);
      if (clause.role === 'deduct') {
        deductCells.push(cell);
        deductTerms.push(clause.cap === undefined ? cell : `MIN(${num(clause.cap)},${cell})`);
      }
      r += Math.max(1, definitionOf(rule).inputs(rule).length);
    }

    // the item: score, raw deductions, deductions beyond its points, self-score difference, veto
    const score = at('score', first);
    const deducted = at('deducted', first);
    const overCap = at('overCap', first);
    const base = earnCells.length > 0 ? `MIN(${num(points)},${sumOf(earnCells)})` : num(points);
    // without earning clauses the item's whole clause range can be summed (a veto cell's text is ignored)
    const clauseRange = `${at('clause', first)}:${at('clause', last)}`;
    const plainSum = earnCells.length === 0 && deductCells.length > 1 ? `SUM(${clauseRange})` : sumOf(deductCells);
    const cappedSum = deductTerms.every((term, k) => term === deductCells[k]) ? plainSum : deductTerms.length === 1 ? deductTerms[0]! : `(${deductTerms.join('+')})`;
    let scoreFormula: string;
    if (item.points === null) scoreFormula = '=0';
    else if (deductTerms.length === 0) scoreFormula = `=${base}`;
    else scoreFormula = `=MAX(0,${base}-${cappedSum})`;
    put(first, 'score', { formula: scoreFormula, style: 'score' });
    put(first, 'deducted', { formula: `=${plainSum}`, style: 'number' });
    put(first, 'overCap', { formula: deductCells.length === 0 ? '=0' : `=ROUND(${deducted}-(${base}-${score}),9)`, style: 'number' });
    const self = at('selfScore', first);
    put(first, 'selfScore', { style: 'selfScore' });
    put(first, 'difference', { formula: `=IF(${self}="","",${self}-${score})`, style: 'number' });
    let veto: string | undefined;
    if (vetoCells.length > 0) {
      veto = at('veto', first);
      const range = vetoCells.length === 1 ? vetoCells[0]! : `${vetoCells[0]}:${vetoCells[vetoCells.length - 1]}`;
      put(first, 'veto', { formula: vetoCells.length === 1 ? `=${range}` : `=IF(COUNTIF(${range},"否决")>0,"否决","")`, style: 'center' });
    } else {
      put(first, 'veto', { style: 'center' });
    }
    if (item.points !== null) {
      validations.push({
        range: self,
        rule: { kind: 'decimal', min: 0, max: points },
        prompt: t.selfPrompt,
        error: fill(t.error, { label: `${item.no} ${item.indicator}`, prompt: fill(t.pointsPrompt, { max: num(points) }) }),
      });
    }
    (item.bonus ? bonusScores : regularScores).push(score);
    items.push({ itemNo: item.no, firstRow: first, lastRow: last, score, deducted, overCap, selfScore: self, difference: at('difference', first), ...(veto && { veto }) });

    // fill the item's other rows with bordered blanks and merge the item's own columns over them
    for (let k = first; k <= last; k++) for (const c of columns.list) if (!grid[k - 1]?.[c.index]) put(k, c.index, { style: c.key === 'inputValue' ? 'input' : 'text' });
    if (last > first) for (const key of ITEM_COLUMNS) if (columns.at[key]) merges.push(`${at(key, first)}:${at(key, last)}`);
    rowHeights[first] = Math.max(rowHeights[first] ?? 0, last === first ? 60 : 30);
    row = last + 1;
  }
  const lastRow = row - 1;
  closeSection(lastRow);

  // — 口径说明: the table's and the policy's readings below the table, merged and wrapped so they print —
  const tableReadings = readingsOf(rubric, { ...(policy && { policy }) }).filter((r) => r.source !== 'clause');
  let readingRow = lastRow + 2;
  put(readingRow, 0, { value: t.readingsTitle, style: 'readingTitle' });
  merges.push(`A${readingRow}:${lastLetter}${readingRow}`);
  for (const reading of tableReadings) {
    readingRow++;
    put(readingRow, 0, text(readingLine(reading), 'reading'));
    merges.push(`A${readingRow}:${lastLetter}${readingRow}`);
    // about 120 characters to a printed line across the merged width
    rowHeights[readingRow] = 16 * Math.max(1, Math.ceil(readingLine(reading).length / 120));
  }

  // — results —
  const vetoRange = `${at('veto', FIRST_ITEM_ROW)}:${at('veto', lastRow)}`;
  const vetoCountCell = pair(6, 0, 'vetoCount', { formula: `=COUNTIF(${vetoRange},"否决")`, style: 'result' });
  const bonusMax = bonusLimit(rubric);
  const regular = rangeOrList(regularScores);
  const bonus = bonusScores.length === 0 ? '' : `+MIN(${num(bonusMax)},SUM(${rangeOrList(bonusScores)}))`;
  const rawTotal = `ROUND(SUM(${regular})${bonus},9)`;
  const totalCell = pair(5, 0, 'total', { formula: `=IF(${vetoCountCell}>0,0,${rawTotal})`, style: 'result' });
  pair(6, 1, 'max', { value: bonusMax > 0 ? `${rubric.total}（${t.bonusNote} ${num(bonusMax)}）` : rubric.total, style: 'fixed' });
  let gradeCell: string | undefined;
  let refundCell: string | undefined;
  if (policy) {
    gradeCell = pair(5, 1, 'grade', { formula: gradeFormula(policy, totalCell, vetoCountCell), style: 'resultText' });
    const refund = refundFormula(policy, gradeCell, effectiveScore(policy, totalCell, vetoCountCell), depositCell);
    refundCell = refund === null ? undefined : pair(5, 2, 'refund', { formula: refund, style: 'resultMoney' });
    if (refund === null) pair(5, 2, 'refund', { value: t.noRefund, style: 'fixed' });
  } else {
    pair(5, 1, 'grade', { value: t.noPolicy, style: 'fixed' });
    pair(5, 2, 'refund', { value: t.noPolicy, style: 'fixed' });
  }
  const idsRange = `${at('inputId', FIRST_ITEM_ROW)}:${at('inputId', lastRow)}`;
  const inputsRange = `${at('inputValue', FIRST_ITEM_ROW)}:${at('inputValue', lastRow)}`;
  let addin: Pick<SheetPlan['fields'], 'addinTotal' | 'addinGrade' | 'addinRefund' | 'agreement'> = {};
  if (options.withAddinFunctions) {
    const addinTotal = pair(7, 0, 'addinTotal', { formula: `=MIB.SCORE(${str(rubric.id)},${idsRange},${inputsRange},${ownershipCell})`, style: 'result' });
    const checks = [`ROUND(${totalCell}-${addinTotal},6)=0`];
    addin = { addinTotal };
    if (policy && gradeCell) {
      addin.addinGrade = pair(7, 1, 'addinGrade', { formula: `=MIB.GRADE(${addinTotal},${str(policy.id)})`, style: 'resultText' });
      checks.push(`${gradeCell}=${addin.addinGrade}`);
      if (refundCell) {
        addin.addinRefund = pair(7, 2, 'addinRefund', { formula: `=IF(${depositCell}="","",MIB.REFUND(${addinTotal},${depositCell},${str(policy.id)}))`, style: 'resultMoney' });
        checks.push(`N(${refundCell})=N(${addin.addinRefund})`);
      }
    }
    addin.agreement = pair(6, 2, 'agreement', { formula: `=IF(AND(${checks.join(',')}),"一致","不一致")`, style: 'resultText' });
    conditionalFormats.push({ range: addin.agreement, formula: `=${addin.agreement}<>"一致"`, style: { fill: '#F8CBAD', fontColor: '#9C0006', bold: true }, meaning: 'checkFails' });
  }

  // — highlights —
  conditionalFormats.push(
    { range: vetoRange, formula: `=${at('veto', FIRST_ITEM_ROW)}="否决"`, style: { fill: '#FFC7CE', fontColor: '#9C0006', bold: true }, meaning: 'veto' },
    { range: totalCell, formula: `=${vetoCountCell}>0`, style: { fill: '#FFC7CE', fontColor: '#9C0006' }, meaning: 'veto' },
    { range: `${at('overCap', FIRST_ITEM_ROW)}:${at('overCap', lastRow)}`, formula: `=N(${at('overCap', FIRST_ITEM_ROW)})>0`, style: { fill: '#F8CBAD', fontColor: '#833C0B', bold: true }, meaning: 'overCap' },
    { range: `${at('difference', FIRST_ITEM_ROW)}:${at('difference', lastRow)}`, formula: `=AND(${at('difference', FIRST_ITEM_ROW)}<>"",${at('difference', FIRST_ITEM_ROW)}<>0)`, style: { fill: '#FFEB9C', fontColor: '#7F6000' }, meaning: 'selfScoreDiffers' },
  );

  const names: PlanName[] = [
    { name: 'MIB_RUBRIC', ref: rubricCell },
    { name: 'MIB_DEPOSIT', ref: depositCell },
    { name: 'MIB_OWNERSHIP', ref: ownershipCell },
    { name: 'MIB_TOTAL', ref: totalCell },
    { name: 'MIB_VETO_COUNT', ref: vetoCountCell },
    { name: 'MIB_IDS', ref: idsRange },
    { name: 'MIB_INPUTS', ref: inputsRange },
    ...(policy ? [{ name: 'MIB_POLICY', ref: policyCell }] : []),
    ...(gradeCell ? [{ name: 'MIB_GRADE', ref: gradeCell }] : []),
    ...(refundCell ? [{ name: 'MIB_REFUND', ref: refundCell }] : []),
  ];

  return {
    name: sheetNameOf(rubric, options),
    rubricId: rubric.id,
    ...(policy && { policyId: policy.id }),
    grid: Array.from({ length: grid.length }, (_, i) => grid[i] ?? []),
    columnCount: columns.list.length,
    columns: columns.list.map((c) => ({ header: label(c.label), width: c.width })),
    rowHeights,
    styles: STYLES,
    merges,
    validations,
    conditionalFormats,
    names,
    inputs,
    items,
    fields: {
      institutionCode: codeCell,
      institutionName: nameCell,
      year: yearCell,
      policy: policyCell,
      deposit: depositCell,
      ownership: ownershipCell,
      total: totalCell,
      vetoCount: vetoCountCell,
      ...(gradeCell && { grade: gradeCell }),
      ...(refundCell && { refund: refundCell }),
      ...addin,
    },
    printTitleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    protect: true,
    freezeRows: HEADER_ROW,
  };

  function officialCells(item: RubricItem, first: number): void {
    put(first, 'no', { value: item.no, text: true, style: 'center' });
    put(first, 'indicator', text(item.indicator, 'text'));
    if (columns.at.code) put(first, 'code', text(item.code ?? '', 'center'));
    put(first, 'definition', text(item.definition, 'text'));
    put(first, 'report', item.reportRows ? text(item.reportRows.map((r) => `${r}：`).join('\n'), 'field') : { style: 'field' });
    put(first, 'method', text(item.method, 'text'));
    put(first, 'category', text(item.category, 'center'));
    put(first, 'points', item.points === null ? { value: '/', style: 'center' } : { value: item.points, style: 'number' });
    if (columns.at.assessment) put(first, 'assessment', text(item.assessment ?? '', 'text'));
    if (columns.at.departments) put(first, 'departments', text(item.departments ?? '', 'text'));
    if (columns.at.remarks) put(first, 'remarks', text(item.remarks ?? '', 'text'));
  }
}

/** A range from the first to the last cell when nothing else lies in that column between them (the
 * score column holds only item scores), else the cells listed. */
function rangeOrList(cells: string[]): string {
  if (cells.length === 0) return '0';
  if (cells.length === 1) return cells[0]!;
  return `${cells[0]}:${cells[cells.length - 1]}`;
}

function bonusLimit(rubric: Rubric): number {
  const sum = rubric.items.filter((i) => i.bonus).reduce((a, i) => a + (i.points ?? 0), 0);
  return rubric.bonusCap === undefined ? sum : Math.min(sum, rubric.bonusCap);
}

/** The facts to pre-fill, as a sheet shows them: 是/否, the option's label, numbers. A value the core
 * refuses is kept as the text given, so nothing a user supplied is lost (the pane flags it). */
function prefilled(rubric: Rubric, raw: Record<string, unknown>): Map<string, PlainValue> {
  const { byId } = inputIndex(rubric);
  const out = new Map<string, PlainValue>();
  for (const [key, value] of Object.entries(raw)) {
    const id = resolveInputId(rubric, key);
    const spec = id === undefined ? undefined : byId.get(id)?.spec;
    if (!id || !spec || value === null || value === undefined || value === '') continue;
    const parsed = parseInputValue(spec, value);
    if ('problem' in parsed) {
      out.set(id, typeof value === 'number' || typeof value === 'boolean' ? value : String(value));
      continue;
    }
    const v = parsed.value;
    if (typeof v === 'boolean') out.set(id, v ? '是' : '否');
    else if ((spec.type === 'band' || spec.type === 'choice') && spec.options) out.set(id, spec.options[v.toNumber() - 1] ?? v.toNumber());
    else out.set(id, v.toNumber());
  }
  return out;
}

function validationOf(spec: InputSpec, range: string, rubric: Rubric, t: (typeof sheetLabels)[keyof typeof sheetLabels]): PlanValidation {
  let rule: ValidationRule;
  let prompt: string;
  switch (spec.type) {
    case 'boolean':
      rule = { kind: 'list', options: ['是', '否'] };
      prompt = t.yesNoPrompt;
      break;
    case 'count':
      rule = { kind: 'wholeNumber', min: 0, ...(spec.max !== undefined && { max: spec.max }) };
      prompt = t.countPrompt;
      break;
    case 'ratio':
      rule = { kind: 'decimal', min: 0, max: 1 };
      prompt = t.ratioPrompt;
      break;
    case 'signedRatio':
      rule = { kind: 'decimal', min: -1, max: 1 };
      prompt = t.signedPrompt;
      break;
    case 'number':
      rule = { kind: 'decimal', min: spec.min ?? 0, max: spec.max ?? 100 };
      prompt = fill(t.numberPrompt, { min: num(spec.min ?? 0), max: num(spec.max ?? 100) });
      break;
    case 'points': {
      const max = spec.max ?? maxPointsOf(rubric, spec.id);
      rule = { kind: 'decimal', min: 0, max };
      prompt = fill(t.pointsPrompt, { max: num(max) });
      break;
    }
    case 'band':
    case 'choice':
      rule = { kind: 'list', options: spec.options ?? [] };
      prompt = t.listPrompt;
      break;
    case 'rank':
      rule = { kind: 'wholeNumber', min: 1 };
      prompt = t.rankPrompt;
      break;
  }
  return { range, rule, prompt: `${spec.id} ${spec.label}：${prompt}`, error: fill(t.error, { label: `${spec.id} ${spec.label}`, prompt }) };
}

/** The most a discretionary total may reach: a generous bound (the core checks the exact range). */
function maxPointsOf(rubric: Rubric, id: string): number {
  const entry = inputIndex(rubric).byId.get(id);
  const rule = entry?.rule;
  if (rule?.kind === 'discretionary') return rule.perOccurrence ? Math.max(rule.max * 100, 1000) : rule.max;
  return 1000;
}

function sheetNameOf(rubric: Rubric, options: PlanOptions): string {
  if (options.sheetName) return options.sheetName;
  const who = options.institutionName || options.institutionCode;
  const what = rubric.id.replace(/^cq-/, '');
  return who ? `${who}-${rubric.year}` : `考核-${what}`;
}
