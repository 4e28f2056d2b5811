// The results of an assessment sheet: 否决项数, 总分, 满分, the counts of invalid and blank facts, 填报完成,
// and under a policy its 等次 and 退还保证金 as plain formulas (with the add-in, MIB.SCORE / MIB.GRADE /
// MIB.REFUND beside them); the highlights and the names other tools find the cells by.
import {
  bonusMaxOf,
  type conversionFor,
  DEPOSIT_LIMIT,
  hasPublicOnlyClauses,
  OUT_OF_SCALE,
  type Policy,
  type Rubric,
  scaleFits,
  STATUS_WORDS,
} from '../core';
import { num, str, withoutBinaryNoise } from './formulaParts';
import { INVALID, MISSING } from './inputStatus';
import { fill } from './labels';
import { FIRST_ITEM_ROW, type SheetBuilder } from './planBuilder';
import type { HeaderCells, Pair } from './planHeader';
import type { PlannedItems } from './planItems';
import { circumstanceShareFormula, effectiveScore, gradeFormula, policyTop, refundFormula } from './policyCells';
import type { PlanFields, PlanName, PlanOptions } from './types';

export interface PlannedResults {
  names: PlanName[];
  fields: Omit<PlanFields, 'institutionCode' | 'institutionName' | 'year' | 'policy' | 'deposit' | 'ownership' | 'circumstances' | 'rubricVersion'>;
}

export function planResults(
  b: SheetBuilder,
  pair: Pair,
  rubric: Rubric,
  policy: Policy | undefined,
  conversion: ReturnType<typeof conversionFor>,
  header: HeaderCells,
  planned: PlannedItems,
  options: PlanOptions,
): PlannedResults {
  const { t, label, at, validations, conditionalFormats } = b;
  const { rubricCell, versionCell, policyCell, depositCell, ownershipCell, circumstancesCell } = header;
  const { regularScores, bonusScores, lastRow } = planned;
  // results
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
  const withheld = `${str(withheldOpen)}&${invalidCountCell}&${str(withheldClose)}`;
  // a form with facts still blank gives no verdict: 待填报 stands where the grade and the refund would
  // (a printed blank form is filled in by hand); MIB.GRADE and mib score call the same state 暂评
  const pending = `${str(t.pendingOpen)}&${pendingMissing}&${str(t.pendingClose)}`;

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
      formula: `=IF(${invalidCountCell}>0,${withheld},IF(${pendingMissing}>0,${pending},${scoreGradeCell}))`,
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
      refundCell = pair(5, 2, 'refund', {
        formula: `=IF(${invalidCountCell}>0,${withheld},IF(${pendingMissing}>0,${str(t.pending)},${shown}))`,
        style: 'resultMoney',
      });
    }
  } else {
    pair(5, 1, 'grade', { value: t.noPolicy, style: 'fixed' });
    pair(5, 2, 'refund', { value: t.noPolicy, style: 'fixed' });
  }
  const idsRange = `${at('inputId', FIRST_ITEM_ROW)}:${at('inputId', lastRow)}`;
  const inputsRange = `${at('inputValue', FIRST_ITEM_ROW)}:${at('inputValue', lastRow)}`;
  let addin: Pick<PlanFields, 'addinTotal' | 'addinGrade' | 'addinRefund' | 'agreement'> = {};
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
      // while facts are blank the sheet shows 待填报 and MIB.GRADE its 暂评 of the score's grade
      const [provisionalOpen, provisionalMiddle, provisionalClose] = STATUS_WORDS.provisional;
      const provisional = `${str(provisionalOpen)}&${scoreGradeCell}&${str(provisionalMiddle)}&${pendingMissing}&${str(provisionalClose)}`;
      checks.push(`IF(AND(${invalidCountCell}=0,${pendingMissing}>0),${addin.addinGrade}=${provisional},${gradeCell}=${addin.addinGrade})`);
      if (refundCell) {
        addin.addinRefund = pair(7, 2, 'addinRefund', {
          formula: `=IF(${depositCell}="","",MIB.REFUND(${addinTotal},${depositCell},${str(policy.id)},,${vetoCountCell}>0,,,,,${statusArgs}${circumstancesCell ? `,${circumstancesCell}` : ''}))`,
          style: 'resultMoney',
        });
        checks.push(`OR(AND(${invalidCountCell}=0,${pendingMissing}>0),${refundCell}&""=${addin.addinRefund}&"")`);
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

  // highlights
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
  return {
    names,
    fields: {
      total: totalCell,
      vetoCount: vetoCountCell,
      invalidCount: invalidCountCell,
      missingCount: missingCountCell,
      complete: completeCell,
      ...(policyScoreCell && { policyScore: policyScoreCell }),
      ...(scoreGradeCell && { scoreGrade: scoreGradeCell }),
      ...(gradeCell && { grade: gradeCell }),
      ...(refundCell && { refund: refundCell }),
      ...addin,
    },
  };
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
