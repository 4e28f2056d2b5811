import {
  STATUS_WORDS,
  blankExcuse,
  blankMeaningOf,
  bundledRubricIds,
  hasPublicOnlyClauses,
  isPublicOnly,
  bonusMaxOf,
  clauseReadings,
  conversionFor,
  scaleFits,
  DecimalValue,
  DEPOSIT_LIMIT,
  definitionOf,
  effectiveRule,
  extraWithheld,
  getPolicy,
  type InputSpec,
  inputIndex,
  listPolicies,
  OUT_OF_SCALE,
  ownershipLabels,
  parseInputValue,
  parsedOrNull,
  type Policy,
  readingLine,
  readingsOf,
  resolveInputId,
  type Rubric,
  type RubricItem,
  zeroesItem,
} from '../core';
import { clauseFormula } from './clauses';
import { scopedClauseFormula } from './clauses/scope';
import { looksLikeFormula, num, str, sumOf, withoutBinaryNoise } from './formulaParts';
import { fill, type LabelKey, type SheetLocale, sheetLabels } from './labels';
import { type Column, type ColumnKey, columnsOf, ITEM_COLUMNS, PRINTED_THROUGH } from './layout';
import { INVALID, MISSING, excuseFormula, statusFormula } from './inputStatus';
import { circumstanceShareFormula, effectiveScore, gradeFormula, policyTop, refundFormula } from './policyCells';
import { partsOf, splitToFit } from './pageParts';
import { MAX_ROW_HEIGHT, listSourceProblem } from './excelLimits';
import { CellClaims, mergeConflicts } from './planConflicts';
import { pageRoom, pageStarts, printScale } from './pagination';
import { textHeight } from './textHeight';
import { DEFAULT_ROW_HEIGHT, fitRowHeights } from './rowHeights';
import { validSheetName } from './sheetName';
import { STYLES, type StyleName } from './styles';
import {
  type PlanCell,
  type PlanConditionalFormat,
  type PlanInputCell,
  type PlanItemCells,
  type PlanName,
  type PlanOptions,
  type PlanValidation,
  type PlainValue,
  type SheetPlan,
  VALIDATION_PROMPT_MAX,
  VALIDATION_TITLE_MAX,
  type ValidationRule,
} from './types';

const CLAUSE_CAP_STYLE = { fill: '#FCE4D6', fontColor: '#833C0B' };

/** Page margins in inches: narrow at the sides, so that the official columns print at a readable size. */
const PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 };

/** Rows of the header block; the table's header row follows a blank row. */
const HEADER_ROW = 11;
const TITLE_ROW_HEIGHT = 32;
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
  // a table on another scale than the policy's is refused unless a conversion was asked for
  const conversion = policy ? conversionFor(rubric, policy, options.convert === true, listPolicies()) : undefined;
  const columns = columnsOf(rubric.layout);
  const col = (key: ColumnKey): Column => columns.at[key];
  const grid: (PlanCell | null)[][] = [];
  const claims = new CellClaims();
  const put = (row: number, key: ColumnKey | number, cell: PlanCell) => {
    const c = typeof key === 'number' ? key : col(key).index;
    claims.put(row, c, cell);
    const line = (grid[row - 1] ??= []);
    while (line.length < c) line.push(null);
    line[c] = cell;
  };
  const text = (value: string, style: StyleName): PlanCell => (looksLikeFormula(value) ? { value, text: true, style } : { value, style });
  const at = (key: ColumnKey, row: number) => `${col(key).letter}${row}`;
  const lastLetter = columns.list[columns.list.length - 1]!.letter;
  const widthOf = (from: number, to: number) => columns.list.slice(from, to + 1).reduce((sum, c) => sum + c.width, 0);
  // one print scale for both print ranges, set by the wider
  const scale = printScale(Math.max(widthOf(0, col(PRINTED_THROUGH).index), widthOf(col('inputId').index, columns.list.length - 1)), PRINT_MARGINS);
  // the room a page has below the repeated header row, in the sheet's points
  const pageHeight = pageRoom(scale, PRINT_MARGINS) - TITLE_ROW_HEIGHT;
  const tallGroups = new Map<string, [number, number][]>();
  // the official columns and 得分: the first print range; title, 备注, readings and signatures span them
  const printedLetter = col(PRINTED_THROUGH).letter;

  const merges: string[] = [];
  const validations: PlanValidation[] = [];
  const conditionalFormats: PlanConditionalFormat[] = [];
  const minimumHeights: Record<number, number> = { 1: 28, [HEADER_ROW]: TITLE_ROW_HEIGHT };

  // — the header block —
  put(1, 0, { value: rubric.title, style: 'title' });
  merges.push(`A1:${printedLetter}1`);
  const p = rubric.provenance;
  put(2, 0, text(`${label('basis')}：${p.issuer}《${p.title}》${p.documentNumber} ${p.attachment}`, 'basis'));
  merges.push(`A2:${printedLetter}2`);
  // three label/value pairs per row: label A:B → value C; label D → value E:F; label G → value H:I
  const slots = [
    { label: [0, 1], value: [2, 2] },
    { label: [3, 3], value: [4, 5] },
    { label: [6, 6], value: [7, 8] },
  ] as const;
  const letterOf = (i: number) => columns.list[i]!.letter;
  // each header part owns its slot: two parts given one slot is a layout error, found here by name
  const slotOwners = new Map<string, LabelKey>();
  const pair = (row: number, slot: 0 | 1 | 2, name: LabelKey, cell: PlanCell): string => {
    const owner = slotOwners.get(`${row}:${slot}`);
    if (owner !== undefined) throw new Error(`表头布局冲突：${label(owner)}与${label(name)}同在第 ${row} 行第 ${slot + 1} 组`);
    slotOwners.set(`${row}:${slot}`, name);
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
  const depositCell = pair(4, 2, 'deposit', field(depositValue, 'fieldMoney'));
  // 机构性质 公立/民营: a fact of the institution that public-only clauses read
  const ownershipCell = pair(9, 2, 'ownership', field(options.ownership ? ownershipLabels[options.ownership] : undefined, 'field'));
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
    circumstancesCell = pair(10, versionCell ? 1 : 0, 'circumstances', field(options.circumstances?.join('，'), 'field'));
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
  // 类别 is merged over its items once the pages are known (a page break splits it, see below)
  const sections: { name: string; first: number; last: number }[] = [];
  const closeSection = (end: number) => {
    if (sectionName !== undefined) sections.push({ name: sectionName, first: sectionStart, last: end });
  };

  for (const item of rubric.items) {
    const specs = item.rules.flatMap((rule) => definitionOf(rule).inputs(rule));
    const first = row;
    // an item whose text is taller than a page gets rows enough to carry a page's piece of it each
    const tallest = Math.max(textHeight(item.definition, col('definition').width), textHeight(item.method, col('method').width));
    const pagesTall = tallest > pageHeight ? Math.ceil(tallest / (0.8 * pageHeight)) + 1 : 1;
    // and rows enough that no row is over Excel's 409 points: a text (or a page's piece of it) merged over
    // its rows needs as many rows as 409 points go into its height
    const rowsTall = pagesTall > 1 ? pagesTall * Math.ceil((0.95 * pageHeight) / MAX_ROW_HEIGHT) : Math.ceil(tallest / MAX_ROW_HEIGHT);
    const last = row + Math.max(1, specs.length, rowsTall) - 1;
    // such an item prints a page at a time: its rows in as many groups, each starting a page
    if (pagesTall > 1) {
      const n = last - row + 1;
      tallGroups.set(
        item.no,
        Array.from({ length: pagesTall }, (_, g): [number, number] => [
          row + Math.floor((g * n) / pagesTall),
          row + Math.floor(((g + 1) * n) / pagesTall) - 1,
        ]),
      );
    }
    if (item.section !== sectionName) {
      closeSection(first - 1);
      sectionName = item.section;
      sectionStart = first;
    }
    officialCells(item, first);

    // one row per fact: id, label, value cell, 填报状态
    const refs = new Map<string, string>();
    specs.forEach((spec, k) => refs.set(spec.id, at('inputValue', first + k)));
    const refOf = (id: string) => refs.get(id) ?? 'A1';
    const ruleOf = item.rules.flatMap((rule) =>
      definitionOf(rule)
        .inputs(rule)
        .map(() => rule),
    );
    specs.forEach((spec, k) => {
      const r = first + k;
      const rule = ruleOf[k]!;
      // a public-only clause asks nothing of a 民营 institution, as the core's evaluate decides
      const excuses = [excuseFormula(blankExcuse(rule, spec), refOf), ...(isPublicOnly(rule) ? [`TRIM(${ownershipCell})="民营"`] : [])].filter(
        (e) => e !== undefined,
      );
      const excuse = excuses.length <= 1 ? excuses[0] : `OR(${excuses.join(',')})`;
      put(r, 'inputStatus', { formula: statusFormula(spec, refOf(spec.id), excuse), style: 'center' });
      put(r, 'inputId', { value: spec.id, text: true, style: 'id' });
      put(r, 'inputLabel', text(spec.unit ? `${spec.label}（${spec.unit}）` : spec.label, 'text'));
      const pre = prefill.get(spec.id);
      const style: StyleName = spec.type === 'ratio' || spec.type === 'signedRatio' ? 'inputRatio' : 'input';
      put(r, 'inputValue', pre === undefined ? { style } : typeof pre === 'string' ? text(pre, style) : { value: pre, style });
      inputs.push({ id: spec.id, itemNo: item.no, address: at('inputValue', r), label: spec.label });
      validations.push(validationOf(spec, at('inputValue', r), rubric, options.locale ?? 'zh-CN'));
    });

    // one clause cell per rule, on the row of its first fact
    const points = item.points ?? 0;
    const ctx = { ref: refOf, itemPoints: points, partialSteps: rubric.partialSteps };
    const earnCells: string[] = [];
    const deductTerms: string[] = [];
    const deductCells: string[] = [];
    // deductions weighed against the item's points: every deduction but a "不得分" clause's (zeroesItem)
    const countedTerms: string[] = [];
    const vetoCells: string[] = [];
    const clauseCells: string[] = [];
    let r = first;
    const readingsShown = new Set<string>();
    for (const rule of item.rules) {
      const clause = clauseFormula(effectiveRule(rubric, rule), ctx);
      const cell = at('clause', r);
      clauseCells.push(cell);
      put(r, 'clause', { formula: `=${scopedClauseFormula(rubric, rule, clause, ownershipCell, points)}`, style: 'number' });
      // the clause's reading on its own row, a clause's inside it (威海 A6's methods) on the row of its
      // first fact; a note several clauses share is written once
      const rowReadings = new Map<number, string[]>();
      for (const reading of clauseReadings(rule, rubric)) {
        const at =
          first +
          Math.max(
            0,
            specs.findIndex((spec) => spec.id === reading.ids[0]),
          );
        const shown = readingsShown.has(reading.text) ? '同上' : reading.text;
        readingsShown.add(reading.text);
        rowReadings.set(at, [...(rowReadings.get(at) ?? []), shown]);
      }
      for (const [at, shown] of rowReadings) put(at, 'reading', text(shown.join(''), 'text'));
      if (clause.role === 'earn') earnCells.push(cell);
      if (clause.role === 'veto') vetoCells.push(cell);
      if (clause.role === 'deduct') {
        deductCells.push(cell);
        const term = clause.cap === undefined ? cell : `MIN(${num(clause.cap)},${cell})`;
        deductTerms.push(term);
        if (!zeroesItem(rule)) countedTerms.push(term);
        // the clause cell shows the raw deduction; past its own cap ("最多扣5分") it is highlighted
        if (clause.cap !== undefined)
          conditionalFormats.push({ range: cell, formula: `=N(${cell})>${num(clause.cap)}`, style: CLAUSE_CAP_STYLE, meaning: 'clauseCap' });
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
    const cappedSum = deductTerms.every((term, k) => term === deductCells[k])
      ? plainSum
      : deductTerms.length === 1
        ? deductTerms[0]!
        : `(${deductTerms.join('+')})`;
    let scoreFormula: string;
    if (item.points === null) scoreFormula = '=0';
    else if (deductTerms.length === 0) scoreFormula = `=${base}`;
    else scoreFormula = `=MAX(0,${base}-${cappedSum})`;
    put(first, 'score', { formula: scoreFormula, style: 'score' });
    put(first, 'deducted', { formula: `=${plainSum}`, style: 'number' });
    // 超出分值的扣分 = the core's ItemResult.overCap: deductions after the clauses' own caps, beyond the base
    // (with a "不得分" clause, only the other clauses' deductions are weighed against the item's points)
    let overCapFormula: string;
    if (countedTerms.length === 0) overCapFormula = '=0';
    else if (countedTerms.length < deductTerms.length) overCapFormula = `=${withoutBinaryNoise(`MAX(0,${sumOf(countedTerms)}-${base})`)}`;
    else overCapFormula = `=${withoutBinaryNoise(`${cappedSum === plainSum ? deducted : cappedSum}-(${base}-${score})`)}`;
    put(first, 'overCap', { formula: overCapFormula, style: 'number' });
    const self = at('selfScore', first);
    put(first, 'selfScore', { style: 'selfScore' });
    // rounded like the scores: a self-score equal to the computed one shows 0, not a binary 1.8E-15
    put(first, 'difference', { formula: `=IF(${self}="","",${withoutBinaryNoise(`${self}-${score}`)})`, style: 'number' });
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
    items.push({
      itemNo: item.no,
      firstRow: first,
      lastRow: last,
      clauses: clauseCells,
      score,
      deducted,
      overCap,
      selfScore: self,
      difference: at('difference', first),
      ...(veto && { veto }),
    });

    // fill the item's other rows with bordered blanks and merge the item's own columns over them
    for (let k = first; k <= last; k++)
      for (const c of columns.list)
        if (!grid[k - 1]?.[c.index]) put(k, c.index, { style: c.key === 'inputValue' && k - first < specs.length ? 'input' : 'text' });
    // (the item's own columns are merged over these rows once the pages are known, see below)
    row = last + 1;
  }
  const lastRow = row - 1;
  closeSection(lastRow);

  // — below the table, on the printed pages: the official 备注 as the table's last row, the readings,
  // and the signature block the official forms carry —
  const across = (r: number) => merges.push(`A${r}:${printedLetter}${r}`);
  let belowRow = lastRow;
  if (rubric.footer?.text) {
    belowRow++;
    put(belowRow, 0, text(rubric.footer.text, 'text'));
    for (let c = 1; c <= col(PRINTED_THROUGH).index; c++) put(belowRow, c, { style: 'text' });
    across(belowRow);
  }
  // 口径说明: the table's and the policy's readings, merged and wrapped so they print
  const tableReadings = readingsOf(rubric, { ...(policy && { policy }) }).filter((r) => r.source !== 'clause');
  belowRow += 2;
  const readingTitleRow = belowRow;
  put(belowRow, 0, { value: t.readingsTitle, style: 'readingTitle' });
  across(belowRow);
  for (const reading of tableReadings) {
    belowRow++;
    put(belowRow, 0, text(readingLine(reading), 'reading'));
    across(belowRow);
  }
  belowRow += 2;
  put(belowRow, 0, { value: t.signatures, style: 'signature' });
  across(belowRow);
  minimumHeights[belowRow] = 36;
  const lastPrintedRow = belowRow;
  // runs of rows a page break may not split: the header block, each item, each row below the table
  // (a title with the line after it, the signatures with the blank row above them)
  const keepTogether: [number, number][] = [
    [1, HEADER_ROW],
    ...items.flatMap((it): [number, number][] => tallGroups.get(it.itemNo) ?? [[it.firstRow, it.lastRow]]),
  ];
  const forcedStarts = [...tallGroups.values()].flatMap((groups) => groups.map(([first]) => first));
  for (let r = lastRow + 1; r <= lastPrintedRow; r++) {
    const joined = r === readingTitleRow || r === lastPrintedRow - 1;
    keepTogether.push(joined ? [r, r + 1] : [r, r]);
    if (joined) r++;
  }

  // — results —
  const vetoRange = `${at('veto', FIRST_ITEM_ROW)}:${at('veto', lastRow)}`;
  const vetoCountCell = pair(6, 0, 'vetoCount', { formula: `=COUNTIF(${vetoRange},"否决")`, style: 'result' });
  const bonusMax = bonusMaxOf(rubric).toNumber();
  const regular = rangeOrList(regularScores, bonusScores);
  const bonus = bonusScores.length === 0 ? '' : `+MIN(${num(bonusMax)},SUM(${rangeOrList(bonusScores, regularScores)}))`;
  const rawTotal = withoutBinaryNoise(`SUM(${regular})${bonus}`);
  // the total a veto leaves: without a policy the table's own text (出现否决项得分为0); under a policy the
  // policy's veto (veto.effect) on the same scale, or none here where the score is converted (the veto then
  // acts on the converted score): core's tableTotal
  const vetoedTotal = !policy ? `IF(${vetoCountCell}>0,0,${rawTotal})` : conversion ? rawTotal : effectiveScore(policy, rawTotal, vetoCountCell);
  const totalCell = pair(5, 0, 'total', { formula: `=${vetoedTotal}`, style: 'result' });
  pair(6, 1, 'max', { value: bonusMax > 0 ? `${rubric.total}（${t.bonusNote} ${num(bonusMax)}）` : rubric.total, style: 'fixed' });
  // — whether a grade may be given: 无效 and 未填 inputs, and the reviewer's 填报完成 —
  const statusRange = `${at('inputStatus', FIRST_ITEM_ROW)}:${at('inputStatus', lastRow)}`;
  const invalidCountCell = pair(8, 0, 'invalidCount', { formula: `=COUNTIF(${statusRange},${str(INVALID)})`, style: 'result' });
  // a blank 机构性质 is one more fact to fill where the table has clauses for public institutions only
  const ownershipPending = hasPublicOnlyClauses(rubric) ? `+IF(TRIM(${ownershipCell})="",1,0)` : '';
  const missingCountCell = pair(8, 1, 'missingCount', { formula: `=COUNTIF(${statusRange},${str(MISSING)})${ownershipPending}`, style: 'result' });
  const completeCell = pair(8, 2, 'complete', options.complete ? { value: '是', style: 'field' } : { style: 'field' });
  validations.push({
    range: completeCell,
    rule: { kind: 'list', options: ['是', '否'] },
    prompt: t.completePrompt,
    error: fill(t.error, { label: label('complete'), prompt: t.yesNoPrompt }),
  });
  // the missing count that makes a grade provisional: none once the reviewer marks the sheet complete
  const pendingMissing = `IF(${completeCell}="是",0,${missingCountCell})`;
  const [withheldOpen, withheldClose] = STATUS_WORDS.withheld;
  const [provisionalOpen, provisionalMiddle, provisionalClose] = STATUS_WORDS.provisional;
  const withheld = `${str(withheldOpen)}&${invalidCountCell}&${str(withheldClose)}`;

  let gradeCell: string | undefined;
  let refundCell: string | undefined;
  let scoreGradeCell: string | undefined;
  let policyScoreCell: string | undefined;
  if (policy) {
    // a score can pass the policy's scale where the table's do not fit it (converted, or more bonus than
    // the policy allows): such a score is never graded
    const beyondScale = !scaleFits(rubric, policy);
    // the score the policy grades: the total, or the total converted onto the policy's scale
    let graded = totalCell;
    if (conversion) {
      graded = policyScoreCell = pair(9, 0, 'policyScore', {
        formula: `=ROUND(${totalCell}*${num(conversion.to.toNumber())}/${num(conversion.from.toNumber())},9)`,
        style: 'resultConverted',
      });
    }
    scoreGradeCell = pair(9, 1, 'scoreGrade', {
      // the 总分 cell holds the policy's vetoed total; the scale is judged on the total before the veto
      formula: gradeFormula(policy, graded, vetoCountCell, beyondScale ? policyTop(policy) : undefined, conversion ? graded : rawTotal),
      style: 'resultText',
    });
    gradeCell = pair(5, 1, 'grade', {
      formula: `=IF(${invalidCountCell}>0,${withheld},IF(${pendingMissing}>0,${str(provisionalOpen)}&${scoreGradeCell}&${str(provisionalMiddle)}&${pendingMissing}&${str(provisionalClose)},${scoreGradeCell}))`,
      style: 'resultText',
    });
    // the further share for the circumstances named, computed once for every grade's amount
    const share = circumstancesCell && circumstanceShareFormula(policy, circumstancesCell);
    const shareCell = share ? pair(10, 2, 'circumstanceShare', { formula: share, style: 'resultPercent' }) : undefined;
    const refund = refundFormula(policy, scoreGradeCell, effectiveScore(policy, graded, vetoCountCell), depositCell, shareCell);
    if (refund === null) pair(5, 2, 'refund', { value: t.noRefund, style: 'fixed' });
    else {
      // no amount while facts are invalid, nor for a converted score beyond the policy's scale
      const amount = refund.slice(1);
      // (the words the grade cell shows, 暂评 included, as mib score's refund says them)
      const converted = beyondScale ? `IF(${scoreGradeCell}=${str(OUT_OF_SCALE)},${gradeCell},${amount})` : amount;
      // a deposit of 10¹³ yuan or more is refused, as the core refuses it (depositBeyondRange), never rounded
      // (text is read as a number, as the amount reads it: a deposit that is not one still shows #VALUE!)
      const deposit = `IF(${depositCell}="",0,${depositCell}*1)`;
      const shown = `IF(${deposit}>=${num(DEPOSIT_LIMIT.toNumber())},${str(t.depositTooLarge)},${converted})`;
      refundCell = pair(5, 2, 'refund', { formula: `=IF(${invalidCountCell}>0,${withheld},${shown})`, style: 'resultMoney' });
    }
  } else {
    pair(5, 1, 'grade', { value: t.noPolicy, style: 'fixed' });
    pair(5, 2, 'refund', { value: t.noPolicy, style: 'fixed' });
  }
  const idsRange = `${at('inputId', FIRST_ITEM_ROW)}:${at('inputId', lastRow)}`;
  const inputsRange = `${at('inputValue', FIRST_ITEM_ROW)}:${at('inputValue', lastRow)}`;
  let addin: Pick<SheetPlan['fields'], 'addinTotal' | 'addinGrade' | 'addinRefund' | 'agreement'> = {};
  if (options.withAddinFunctions) {
    const addinTotal = pair(7, 0, 'addinTotal', {
      // with the policy, so that a veto does to MIB.SCORE what it does to the 总分 cell (the policy's veto.effect)
      formula: `=MIB.SCORE(${str(rubric.id)},${idsRange},${inputsRange},${ownershipCell}${policy ? `,${str(policy.id)}` : ''})`,
      style: 'result',
    });
    const checks = [`ROUND(${totalCell}-${addinTotal},6)=0`];
    addin = { addinTotal };
    if (policy && gradeCell) {
      // MIB.GRADE(score, policy, downgrade, veto, case, scale, invalid, missing): the sheet's own counts
      // of bad and blank facts, and the table's id so that a score on another scale is converted
      const scale = conversion ? str(rubric.id) : '';
      const statusArgs = `${scale},${invalidCountCell},${pendingMissing}`;
      addin.addinGrade = pair(7, 1, 'addinGrade', {
        formula: `=MIB.GRADE(${addinTotal},${str(policy.id)},,${vetoCountCell}>0,,${statusArgs})`,
        style: 'resultText',
      });
      checks.push(`${gradeCell}=${addin.addinGrade}`);
      if (refundCell) {
        addin.addinRefund = pair(7, 2, 'addinRefund', {
          formula: `=IF(${depositCell}="","",MIB.REFUND(${addinTotal},${depositCell},${str(policy.id)},,${vetoCountCell}>0,,,,,${statusArgs}${circumstancesCell ? `,${circumstancesCell}` : ''}))`,
          style: 'resultMoney',
        });
        checks.push(`${refundCell}&""=${addin.addinRefund}&""`);
      }
    }
    addin.agreement = pair(6, 2, 'agreement', { formula: `=IF(AND(${checks.join(',')}),"一致","不一致")`, style: 'resultText' });
    conditionalFormats.push({
      range: addin.agreement,
      formula: `=${addin.agreement}<>"一致"`,
      style: { fill: '#F8CBAD', fontColor: '#9C0006', bold: true },
      meaning: 'checkFails',
    });
  }

  // — highlights —
  conditionalFormats.push(
    {
      range: vetoRange,
      formula: `=${at('veto', FIRST_ITEM_ROW)}="否决"`,
      style: { fill: '#FFC7CE', fontColor: '#9C0006', bold: true },
      meaning: 'veto',
    },
    { range: totalCell, formula: `=${vetoCountCell}>0`, style: { fill: '#FFC7CE', fontColor: '#9C0006' }, meaning: 'veto' },
    {
      range: `${at('overCap', FIRST_ITEM_ROW)}:${at('overCap', lastRow)}`,
      formula: `=N(${at('overCap', FIRST_ITEM_ROW)})>0`,
      style: { fill: '#F8CBAD', fontColor: '#833C0B', bold: true },
      meaning: 'overCap',
    },
    {
      range: `${at('difference', FIRST_ITEM_ROW)}:${at('difference', lastRow)}`,
      formula: `=AND(${at('difference', FIRST_ITEM_ROW)}<>"",${at('difference', FIRST_ITEM_ROW)}<>0)`,
      style: { fill: '#FFEB9C', fontColor: '#7F6000' },
      meaning: 'selfScoreDiffers',
    },
  );

  const names: PlanName[] = [
    { name: 'MIB_RUBRIC', ref: rubricCell },
    ...(versionCell ? [{ name: 'MIB_RUBRIC_VERSION', ref: versionCell }] : []),
    { name: 'MIB_DEPOSIT', ref: depositCell },
    { name: 'MIB_OWNERSHIP', ref: ownershipCell },
    ...(circumstancesCell ? [{ name: 'MIB_CIRCUMSTANCES', ref: circumstancesCell }] : []),
    { name: 'MIB_TOTAL', ref: totalCell },
    { name: 'MIB_VETO_COUNT', ref: vetoCountCell },
    { name: 'MIB_INVALID_COUNT', ref: invalidCountCell },
    { name: 'MIB_MISSING_COUNT', ref: missingCountCell },
    { name: 'MIB_COMPLETE', ref: completeCell },
    ...(policyScoreCell ? [{ name: 'MIB_POLICY_SCORE', ref: policyScoreCell }] : []),
    { name: 'MIB_IDS', ref: idsRange },
    { name: 'MIB_INPUTS', ref: inputsRange },
    ...(policy ? [{ name: 'MIB_POLICY', ref: policyCell }] : []),
    ...(gradeCell ? [{ name: 'MIB_GRADE', ref: gradeCell }] : []),
    ...(refundCell ? [{ name: 'MIB_REFUND', ref: refundCell }] : []),
  ];

  // 类别 merged over its items page by page, its name at the top of each page's part (a merged cell
  // prints its text only where it starts); a part's name may make its rows taller and so move the
  // breaks: laid out again until they stay
  let pageBreaks: number[] = [];
  let rowHeights: Record<number, number> = {};
  const plainMerges = [...merges];
  for (let pass = 0; pass < 4; pass++) {
    const parts = sections.flatMap((section) =>
      partsOf(section.first, section.last, pageBreaks).map(([first, last]) => ({ name: section.name, first, last })),
    );
    for (let r = FIRST_ITEM_ROW; r <= lastRow; r++) put(r, 'section', { style: 'center' });
    for (const part of parts) put(part.first, 'section', text(part.name, 'center'));
    const pageMerges = parts.filter((p) => p.last > p.first).map((p) => `${at('section', p.first)}:${at('section', p.last)}`);
    // an item's own columns merged over its rows; an item taller than a page, page by page, with its
    // 指标释义 and 计分方法 cut into the pieces each page's part holds
    rubric.items.forEach((item, k) => {
      const cells = items[k]!;
      const itemParts = tallGroups.get(item.no) ?? partsOf(cells.firstRow, cells.lastRow, pageBreaks);
      for (const [first, last] of itemParts) {
        if (last > first) for (const key of ITEM_COLUMNS) if (columns.at[key]) pageMerges.push(`${at(key, first)}:${at(key, last)}`);
      }
      // each part of a tall item starts a page of its own
      const heightOf = () => 0.95 * pageHeight;
      // a continued item's 序号 on each later page: 4（续）
      for (let r = cells.firstRow + 1; r <= cells.lastRow; r++) put(r, 'no', { style: 'text' });
      itemParts.slice(1).forEach(([first]) => put(first, 'no', text(`${item.no}（续）`, 'center')));
      for (const key of ['definition', 'method'] as const) {
        for (let r = cells.firstRow; r <= cells.lastRow; r++) put(r, key, { style: 'text' });
        const pieces = itemParts.length === 1 ? [item[key]] : splitToFit(item[key], col(key).width, itemParts.map(heightOf));
        pieces.forEach((piece, p) => put(itemParts[p]![0], key, text(piece, 'text')));
      }
    });
    merges.splice(0, merges.length, ...plainMerges, ...pageMerges);
    rowHeights = fitRowHeights(
      grid,
      merges,
      columns.list.map((c) => c.width),
      STYLES,
      minimumHeights,
    );
    const next = pageStarts(keepTogether, (r) => rowHeights[r] ?? DEFAULT_ROW_HEIGHT, [HEADER_ROW], scale, PRINT_MARGINS, forcedStarts);
    const settled = next.join() === pageBreaks.join();
    pageBreaks = next;
    if (settled) break;
  }
  // no cell given two contents, none merged twice, nothing hidden under a merge
  const conflicts = [...claims.problems, ...mergeConflicts(merges, grid)];
  if (conflicts.length > 0) throw new Error(`表格布局冲突：${conflicts.slice(0, 5).join('；')}`);

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
      ...(circumstancesCell && { circumstances: circumstancesCell }),
      total: totalCell,
      vetoCount: vetoCountCell,
      invalidCount: invalidCountCell,
      missingCount: missingCountCell,
      complete: completeCell,
      ...(versionCell && { rubricVersion: versionCell }),
      ...(policyScoreCell && { policyScore: policyScoreCell }),
      ...(scoreGradeCell && { scoreGrade: scoreGradeCell }),
      ...(gradeCell && { grade: gradeCell }),
      ...(refundCell && { refund: refundCell }),
      ...addin,
    },
    printTitleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      scale,
      pageBreaks,
      // the official table with its score, header block and signatures; then the working columns apart
      areas: [`A1:${printedLetter}${lastPrintedRow}`, `${col('inputId').letter}${HEADER_ROW}:${lastLetter}${lastRow}`],
      footer: t.pageFooter,
      margins: PRINT_MARGINS,
    },
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
/** The score cells (one column, in row order) as ranges that hold none of `others`: a bonus item printed
 * between two regular items (a region's own table) splits the regular range, J12,J14:J15, so that it is
 * neither counted twice nor outside its cap. */
function rangeOrList(cells: string[], others: string[]): string {
  if (cells.length === 0) return '0';
  const rowOf = (cell: string) => Number(/\d+$/.exec(cell)![0]);
  const otherRows = others.map(rowOf);
  const runs: string[][] = [];
  for (const cell of cells) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && !otherRows.some((r) => r > rowOf(last) && r < rowOf(cell))) run.push(cell);
    else runs.push([cell]);
  }
  return runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]}:${run[run.length - 1]}`)).join(',');
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

function validationOf(spec: InputSpec, range: string, rubric: Rubric, locale: SheetLocale): PlanValidation {
  const t = sheetLabels[locale];
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
  // the title names the input; the text says what to enter and what a blank counts as (不填视为未发现 …),
  // the fact's label shortened if need be so that Excel's 255 characters never cut the blank's meaning
  const blank = blankMeaningOf(rubric, spec.id);
  const tail = `${t.promptSeparator}${prompt}${blank ? `${t.clauseSeparator}${locale === 'en-US' ? blank.en : blank.zh}` : ''}`;
  return {
    range,
    rule,
    title: fitText(`${t.inputId} ${spec.id}`, VALIDATION_TITLE_MAX),
    prompt: `${fitText(spec.label, VALIDATION_PROMPT_MAX - [...tail].length)}${tail}`,
    error: fill(t.error, { label: `${spec.id} ${spec.label}`, prompt }),
  };
}

/** `text` cut to `max` characters, an ellipsis marking the cut. */
function fitText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** The most a discretionary total may reach: a generous bound (the core checks the exact range). */
function maxPointsOf(rubric: Rubric, id: string): number {
  const entry = inputIndex(rubric).byId.get(id);
  const rule = entry?.rule;
  if (rule?.kind === 'discretionary') return rule.perOccurrence ? Math.max(rule.max * 100, 1000) : rule.max;
  return 1000;
}

/** The sheet's name, valid in Excel whatever the institution is called ("某医院/分院" → "某医院_分院-2025");
 * a long name is cut before the year. The header's 机构名称 cell keeps the name in full. */
function sheetNameOf(rubric: Rubric, options: PlanOptions): string {
  if (options.sheetName) return validSheetName(options.sheetName);
  const who = options.institutionName || options.institutionCode;
  return who ? validSheetName(who, `-${rubric.year}`) : validSheetName(`考核-${rubric.id.replace(/^cq-/, '')}`);
}
