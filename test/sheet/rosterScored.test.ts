// The roster workbook of rosters scored by the core's scoreRoster (not made by hand), recalculated by
// LibreOffice: the summary's formulas count what the core's summary counts, and the equal-width cut
// points computed from 汇总名单's measures are the core's.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPolicy, getRubric, MONEY_KEYS, moneyAmount, scoreRoster } from '../../src/core';
import type { RosterResult, RosterTable } from '../../src/core/roster/types';
import { jiangbeiRow } from '../support/jiangbeiRows';
import { factsOf } from '../support/randomFacts';
import { moneyCell, type RosterWorkbookCase, recalculatedRosters } from '../support/rosterWorkbooks';
import type { Computed } from '../support/sofficeRecalc';

const jilin = getPolicy('jilin-2025');

function table(records: Record<string, unknown>[]): RosterTable {
  const header = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return { header, rows: records.map((record) => header.map((name) => record[name])), cellName: (row, column) => `第${row + 2}行第${column + 1}列` };
}

/** 30 威海 二级 institutions in two 级别 with random facts, a measure for every peer clause, a few bad facts. */
function weihai(): RosterResult {
  const rubric = getRubric('weihai-2021-hospital-l2');
  const facts = fc.sample(factsOf(rubric), { numRuns: 30, seed: 14 });
  const peerIds = ['25.1', '25.2', '26.1', '27.1', '27.2', '28.1', '29.1', '30.1'];
  const records = facts.map((fact, i) => ({
    机构编码: `0371${String(i).padStart(3, '0')}`,
    机构名称: `医院${i}`,
    '级别/类型': i % 3 === 0 ? '三级' : '二级',
    质量保证金: 10000 + i * 1000,
    ...fact,
    ...Object.fromEntries(peerIds.map((id, k) => [id, ((i * (k + 3)) % 19) / 100])),
    ...(i % 11 === 5 && { '27.1': '高' }),
  }));
  return scoreRoster(rubric, table(records), jilin, { convert: true });
}

/** 吉林 第十一条 on the 江北 table: a parent and two subordinates, and two institutions on their own. */
function composite(): RosterResult {
  const row = (code: string, parent: string, changes: Record<string, unknown>) => jiangbeiRow(code, parent, { '23.1': 100, ...changes });
  const records = [
    row('P', '', { '6.1': 5 }),
    row('S1', 'P', { '18.1': 0 }),
    row('S2', 'P', { '6.1': 2, '23.1': 300 }),
    row('A', '', { '1.1': '是' }),
    row('B', '', { '23.1': 50 }),
  ];
  return scoreRoster(getRubric('cq-jiangbei-2025-hospital'), table(records), jilin, { complete: true });
}

let cases: Record<string, RosterWorkbookCase>;
let computed: Map<string, Computed>;

beforeAll(async () => {
  ({ cases, computed } = await recalculatedRosters('mib-roster-scored-', [
    ['weihai', weihai(), 'weihai-2021-hospital-l2'],
    ['composite', composite(), 'cq-jiangbei-2025-hospital'],
  ]));
}, 180_000);

describe('the roster workbook of a scored roster, in LibreOffice', () => {
  for (const key of ['weihai', 'composite']) {
    it(`the summary's formulas give scoreRoster's summary (${key})`, () => {
      const { result, plan, file } = cases[key]!;
      const value = (cell: string) => computed.get(file)!(cell, 2);
      const { summary } = result;
      const figures = {
        perGrade: plan.summary.perGrade.map((grade) => value(grade.cell)),
        institutions: value(plan.summary.institutions),
        provisional: value(plan.summary.provisional),
        withheld: value(plan.summary.withheld),
        subordinates: value(plan.summary.subordinates),
        vetoes: value(plan.summary.vetoes),
        rowsWithProblems: value(plan.summary.rowsWithProblems),
      };
      expect(figures).toEqual({
        perGrade: summary.perGrade.map((grade) => grade.count),
        institutions: summary.institutions,
        provisional: summary.provisional,
        withheld: summary.withheld,
        subordinates: summary.subordinates,
        vetoes: summary.vetoes,
        rowsWithProblems: summary.rowsWithProblems,
      });
      expect(value(plan.summary.depositTotal)).toBeCloseTo(summary.depositTotal.toNumber(), 6);
      expect(value(plan.summary.refundPaid)).toBeCloseTo(summary.refundPaid.toNumber(), 6);
      expect(value(plan.summary.refundWithheld)).toBeCloseTo(summary.refundWithheld.toNumber(), 6);
      // issue 19: every money line is the core's, and 核对 (合计 − the lines, to the fen) is 0
      for (const key of MONEY_KEYS) expect(value(moneyCell(plan.summary, key)), key).toBeCloseTo(moneyAmount(summary, key).toNumber(), 6);
      expect(value(plan.summary.moneyCheck)).toBe(0);
    });
  }

  it('the rosters are not trivial: 暂评, 暂不评定, several grades, vetoes and subordinates occur', () => {
    const weihaiSummary = cases.weihai!.result.summary;
    expect(weihaiSummary.withheld).toBeGreaterThan(0);
    expect(weihaiSummary.provisional).toBeGreaterThan(0);
    expect(weihaiSummary.deferred.withheld.gt(0) && weihaiSummary.deferred.provisional.gt(0)).toBe(true);
    const compositeSummary = cases.composite!.result.summary;
    expect(compositeSummary.subordinates).toBe(2);
    expect(compositeSummary.subordinateDeposits.toNumber()).toBe(20000);
    expect(compositeSummary.vetoes).toBe(1);
    expect(compositeSummary.perGrade.filter((grade) => grade.count > 0).length).toBeGreaterThan(1);
  });

  it('equal-width cut points computed from 汇总名单 are the core’s, per 级别', () => {
    const { result, file } = cases.weihai!;
    const intervals = result.groups.filter((group) => group.kind === 'intervals');
    expect(intervals.length).toBeGreaterThan(4);
    result.groups.forEach((group, g) => {
      if (group.kind !== 'intervals') return;
      group.cutPoints.forEach((cut, k) => {
        const cell = `${String.fromCharCode(74 + k)}${5 + g}`; // 分界点1 is column J
        expect(computed.get(file)!(cell, 3), `${group.inputId} ${group.group} ${k + 1}`).toBeCloseTo(cut.toNumber(), 12);
      });
    });
  });
});
