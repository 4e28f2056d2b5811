import { fmt } from '../../core/numbers/decimal';
import type { Policy } from '../../core/policy/schema';
import { findingLines, rosterFindings } from '../../core/roster/findings';
import { bulletin } from '../../core/roster/publish';
import { textHeight } from '../textHeight';
import { DEFERRED_STATES, DEPOSIT_STATE_WORDS, MONEY_LABELS } from '../../core/roster/money';
import type { DeferredState } from '../../core/roster/types';
import type { RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import type { ChartPlan, GridPlan, PlanCell } from '../types';
import { scoreBins } from './histogram';
import type { RosterSheet } from './rosterSheet';
import { rosterGridPlan } from './gridPlan';
import { ROSTER_SHEET, SUMMARY_SHEET } from './words';

/** Where the summary's figures are, for tests and the pane: the cell of each RosterSummary number. */
export interface SummaryCells {
  perGrade: { label: string; cell: string }[];
  institutions: string;
  provisional: string;
  withheld: string;
  subordinates: string;
  vetoes: string;
  rowsWithProblems: string;
  /** rows with a deduction beyond an item's points, facts invalid and facts missing (sums of the columns) */
  overCapRows: string;
  invalidFacts: string;
  missingFacts: string;
  /** rows whose self-score differs from the table's total by more than the threshold */
  selfGaps: string;
  depositTotal: string;
  refundPaid: string;
  refundWithheld: string;
  /** 暂缓 by why */
  deferred: Record<DeferredState, string>;
  subordinateDeposits: string;
  /** 核对: 合计 − the lines above it, rounded to the fen: 0 when every deposit is in one line */
  moneyCheck: string;
  histogram: { lower: number; upper: number; cell: string }[];
  /** the 通报 paragraph */
  bulletin: string;
}

const label = (value: string): PlanCell => ({ value, style: 'label' });
const formula = (text: string, style: 'count' | 'amount' = 'count'): PlanCell => ({ formula: text, style });

/**
 * 汇总统计: every figure a formula over 汇总名单 (COUNTIF on its 等次 and 评定状态 columns, SUM on the
 * money), so the sheet keeps counting when a reviewer corrects a row; the grade table and a histogram of
 * 最终得分 in 10-point bins (COUNTIFS), each with a native chart beside it.
 * The money is split by the roster's 保证金去向 column (SUMIFS), so that 合计 = 返还 + 不予返还 + 暂缓 +
 * 下属机构, each line shown, and a 核对 row under them computes 合计 minus the lines to the fen: a row
 * whose 保证金去向 is cleared or mistyped shows there as a difference.
 */
export function planSummarySheet(
  result: RosterResult,
  rubric: Rubric,
  roster: RosterSheet,
  policy?: Policy,
): { plan: GridPlan; cells: SummaryCells } {
  const findings = rosterFindings(result, rubric);
  const grid: (PlanCell | null)[][] = [];
  const at = (row: number) => `B${row}`;
  const put = (cells: (PlanCell | null)[]) => {
    grid.push(cells);
    return grid.length;
  };
  const range = roster.range;

  put([{ value: `汇总统计：${rubric.title}`, style: 'title' }]);
  put([
    {
      // names, not ids: the page is printed and signed
      value: `考核表：${rubric.title}${policy ? `；考核办法：${policy.title}` : ''}。下列数字都是对“${ROSTER_SHEET}”的公式，更正名单后自动更新。`,
      style: 'basis',
    },
  ]);
  put([]);

  // the grade table: what the first chart draws
  const gradeHeader = put([
    { value: '等次', style: 'header' },
    { value: '机构数', style: 'header' },
  ]);
  const labels = result.summary.perGrade.map((grade) => grade.label);
  const perGrade = labels.map((name) => {
    const row = put([label(name), formula(`COUNTIF(${range('grade')},A${grid.length + 1})`)]);
    return { label: name, cell: at(row) };
  });
  const gradeLast = Math.max(gradeHeader + 1, grid.length);
  put([]);

  put([
    { value: '项目', style: 'header' },
    { value: '数值', style: 'header' },
  ]);
  const line = (name: string, text: string, style: 'count' | 'amount' = 'count') => at(put([label(name), formula(text, style)]));
  const nonEmpty = (key: string) => `SUMPRODUCT(--(LEN(${range(key)})>0))`;
  const cells = {
    institutions: line('机构数', `COUNTA(${range('code')})`),
    provisional: line('暂评（尚有未填）', `COUNTIF(${range('status')},"暂评")`),
    withheld: line('暂不评定（有无效填报）', `COUNTIF(${range('status')},"暂不评定")`),
    subordinates: line('下属机构（不单独评定）', `COUNTIF(${range('status')},"下属机构")`),
    vetoes: line('有否决项的机构', nonEmpty('veto')),
    rowsWithProblems: line('有问题的行', nonEmpty('problems')),
    overCapRows: line('有超出单项分值扣分的机构', `COUNTIF(${range('overCap')},">0")`),
    invalidFacts: line('填报无效的项数', `SUM(${range('invalid')})`),
    missingFacts: line('尚未填写的项数', `SUM(${range('missing')})`),
    selfGaps: line(
      `自评与考核相差超过 ${fmt(findings.selfGapThreshold)} 分的机构`,
      `SUMPRODUCT(--(ABS(${range('selfDifference')})>${findings.selfGapThreshold.toString()}))`,
    ),
  };
  // the deposits, split by 保证金去向: a row's refund and its 扣除金额 count once its refund is settled
  const byState = (sumKey: string, state: keyof typeof DEPOSIT_STATE_WORDS) =>
    `SUMIFS(${range(sumKey)},${range('depositState')},"${DEPOSIT_STATE_WORDS[state]}")`;
  const money = {
    depositTotal: line(MONEY_LABELS.depositTotal, `SUM(${range('deposit')})`, 'amount'),
    refundPaid: line(MONEY_LABELS.refundPaid, byState('refund', 'settled'), 'amount'),
    refundWithheld: line(`${MONEY_LABELS.refundWithheld}（扣除金额）`, byState('withheld', 'settled'), 'amount'),
    deferred: Object.fromEntries(
      DEFERRED_STATES.map((state) => [state, line(MONEY_LABELS[`deferred.${state}`], byState('deposit', state), 'amount')]),
    ) as Record<DeferredState, string>,
    subordinateDeposits: line(MONEY_LABELS.subordinateDeposits, byState('deposit', 'subordinate'), 'amount'),
  };
  const parts = `${money.refundPaid}:${money.subordinateDeposits}`;
  // ROUND to the fen: the sums of doubles may differ from 0 in the last binary digit
  const moneyCheck = line('核对：合计 − 以上各项（应为 0）', `ROUND(${money.depositTotal}-SUM(${parts}),2)`, 'amount');
  put([]);

  // the histogram: label, count, and the bounds the count reads
  const histogramHeader = put([
    { value: '最终得分', style: 'header' },
    { value: '机构数', style: 'header' },
    { value: '下限（含）', style: 'header' },
    { value: '上限（不含）', style: 'header' },
  ]);
  const histogram = scoreBins(result.institutions.map((row) => row.total)).map((bin) => {
    const row = grid.length + 1;
    put([
      label(`${bin.lower}–${bin.upper}`),
      formula(`COUNTIFS(${range('total')},">="&C${row},${range('total')},"<"&D${row})`),
      { value: bin.lower, style: 'number' },
      { value: bin.upper, style: 'number' },
    ]);
    return { ...bin, cell: at(row) };
  });
  const histogramLast = Math.max(histogramHeader + 1, grid.length);
  const CHART_ROWS = 15;
  // the histogram's chart: beside its table, below the first chart when the tables are short
  const histogramChartFrom = Math.max(histogramHeader, gradeHeader + CHART_ROWS + 2);
  // the findings start below the chart (a short histogram leaves it reaching further down than its table)
  do put([]);
  while (grid.length < histogramChartFrom + CHART_ROWS);

  // what a reviewer looks for, each naming the institutions (rosterFindings), and the 通报 paragraph: text over
  // the width of the tables and the charts, on a page of their own
  const WIDE = 'L';
  const wideChars = 62 + 8 * 8.43;
  const heights: Record<number, number> = {};
  const merges: string[] = [];
  const prose = (text: string, style: 'paragraph' | 'header' = 'paragraph') => {
    const row = put([{ value: text, style }]);
    merges.push(`A${row}:${WIDE}${row}`);
    heights[row] = Math.min(409, textHeight(text, wideChars, style === 'header' ? 11 : undefined));
    return row;
  };
  const reviewTop = prose('需要复核的情况', 'header');
  const found = findingLines(findings);
  for (const text of found.length > 0 ? found : ['未发现超出单项分值扣分、否决项、自评差异过大、无效或未填的情况。']) prose(text);
  put([]);
  prose('通报', 'header');
  const bulletinCell = `A${prose(bulletin(result))}`;

  const chart = (name: string, title: string, top: number, last: number, categoryAxisTitle: string, from = top): ChartPlan => ({
    name,
    kind: 'columnClustered',
    title,
    data: `A${top}:B${last}`,
    categoryAxisTitle,
    valueAxisTitle: '机构数',
    from: `F${from}`,
    to: `L${from + CHART_ROWS}`,
  });

  const plan = rosterGridPlan({
    name: SUMMARY_SHEET,
    grid,
    columnCount: 4,
    columns: [
      { header: '项目', width: 24 },
      { header: '数值', width: 16 },
      { header: '下限', width: 10 },
      { header: '上限', width: 12 },
    ],
    rowHeights: { 1: 24, ...heights },
    merges,
    freezeRows: 0,
    // the tables with the first chart on page 1, the histogram with its chart on page 2 (A4 landscape
    // at 85% holds columns A–L, LibreOffice’s default column width included)
    printScale: { scale: 85, pageBreaks: [histogramHeader, reviewTop] },
    charts: [
      chart('等次分布', '等次分布', gradeHeader, gradeLast, '等次'),
      // below the first chart when the tables are short
      chart('得分分布', '最终得分分布（每 10 分一段）', histogramHeader, histogramLast, '最终得分', histogramChartFrom),
    ],
  });
  return { plan, cells: { perGrade, ...cells, ...money, moneyCheck, histogram, bulletin: bulletinCell } };
}
