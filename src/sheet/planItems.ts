// The items of an assessment sheet: the official table's cells as printed, one clause cell per rule, and
// the item's score, deductions, deductions beyond its points, self-score difference and veto.
import { clauseReadings, definitionOf, effectiveRule, type Rubric, type RubricItem, zeroesItem } from '../core';
import { clauseFormula } from './clauses';
import { scopedClauseFormula } from './clauses/scope';
import { num, sumOf, withoutBinaryNoise } from './formulaParts';
import { fill } from './labels';
import { MAX_ROW_HEIGHT } from './excelLimits';
import { FIRST_ITEM_ROW, type SheetBuilder } from './planBuilder';
import { planInputRows, prefilled } from './planInputs';
import { textHeight } from './textHeight';
import type { PlanInputCell, PlanItemCells, PlanOptions } from './types';

const CLAUSE_CAP_STYLE = { fill: '#FCE4D6', fontColor: '#833C0B' };

export interface PlannedItems {
  inputs: PlanInputCell[];
  items: PlanItemCells[];
  regularScores: string[];
  bonusScores: string[];
  /** 类别 runs of rows, merged page by page once the pages are known */
  sections: { name: string; first: number; last: number }[];
  /** items taller than a page: their rows in groups, each starting a page */
  tallGroups: Map<string, [number, number][]>;
  /** the table's last row */
  lastRow: number;
}

/** The table from FIRST_ITEM_ROW on; `pageHeight` is the room a printed page has for rows, in points. */
export function planItems(b: SheetBuilder, rubric: Rubric, options: PlanOptions, ownershipCell: string, pageHeight: number): PlannedItems {
  const { t, columns, col, at, put, text, grid, validations, conditionalFormats } = b;
  const prefill = prefilled(rubric, options.inputs ?? {});
  const inputs: PlanInputCell[] = [];
  const items: PlanItemCells[] = [];
  const regularScores: string[] = [];
  const bonusScores: string[] = [];
  const tallGroups = new Map<string, [number, number][]>();
  let row = FIRST_ITEM_ROW;
  let sectionStart = row;
  let sectionName: string | undefined;
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

    const refOf = planInputRows(b, rubric, item, first, ownershipCell, prefill, inputs, options.locale ?? 'zh-CN');

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
  return { inputs, items, regularScores, bonusScores, sections, tallGroups, lastRow };

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
