// The roster workbook written to .xlsx by the streamed writer and recalculated by LibreOffice: the
// summary's formulas over 汇总名单 give the RosterSummary's numbers, the equal-width cut points the
// peer groups' values, and text stays text (a code with a leading zero, a name that looks like a formula).
import { beforeAll, describe, expect, it } from 'vitest';
import { getRubric, MONEY_KEYS, moneyAmount, rosterFindings, unfilledCount } from '../../src/core';
import { jilinCompositeRoster, weihaiSmallRoster } from '../support/rosterResults';
import { moneyCell, type RosterWorkbookCase, recalculatedRosters } from '../support/rosterWorkbooks';
import type { Computed } from '../support/sofficeRecalc';

let cases: Record<string, RosterWorkbookCase>;
let computed: Map<string, Computed>;

beforeAll(async () => {
  ({ cases, computed } = await recalculatedRosters('mib-roster-', [
    ['weihai', weihaiSmallRoster(), 'weihai-2021-hospital-l2'],
    ['composite', jilinCompositeRoster(), 'cq-jiangbei-2025-hospital'],
  ]));
}, 180_000);

const SUMMARY = 2;
const PEERS = 3;

describe('the roster workbook in LibreOffice', () => {
  for (const key of ['weihai', 'composite']) {
    it(`counts what the core counted (${key})`, () => {
      const { result, plan, file } = cases[key]!;
      const value = (cell: string) => computed.get(file)!(cell, SUMMARY);
      const { summary } = result;
      expect(plan.summary.perGrade.map((grade) => [grade.label, value(grade.cell)])).toEqual(
        summary.perGrade.map((grade) => [grade.label, grade.count]),
      );
      expect(value(plan.summary.institutions)).toBe(summary.institutions);
      expect(value(plan.summary.provisional)).toBe(summary.provisional);
      expect(value(plan.summary.withheld)).toBe(summary.withheld);
      expect(value(plan.summary.subordinates)).toBe(summary.subordinates);
      expect(value(plan.summary.vetoes)).toBe(summary.vetoes);
      expect(value(plan.summary.rowsWithProblems)).toBe(summary.rowsWithProblems);
      expect(value(plan.summary.depositTotal)).toBe(summary.depositTotal.toNumber());
      expect(value(plan.summary.refundPaid)).toBe(summary.refundPaid.toNumber());
      expect(value(plan.summary.refundWithheld)).toBe(summary.refundWithheld.toNumber());
      for (const key of MONEY_KEYS) expect(value(moneyCell(plan.summary, key)), key).toBe(moneyAmount(summary, key).toNumber());
      expect(value(plan.summary.moneyCheck)).toBe(0);
      // what a reviewer looks for, counted by formulas over 汇总名单 as the core's rows give it
      const rows = result.institutions;
      expect(value(plan.summary.overCapRows)).toBe(rows.filter((row) => row.overCap.gt(0)).length);
      expect(value(plan.summary.invalidFacts)).toBe(rows.reduce((n, row) => n + row.invalid.length, 0));
      // (a blank 公立/民营 where the table has clauses for public institutions only is one of them)
      expect(value(plan.summary.missingFacts)).toBe(rows.reduce((n, row) => n + unfilledCount(row), 0));
      expect(value(plan.summary.selfGaps)).toBe(rosterFindings(result, getRubric(result.rubricId)).selfGaps.length);
    });
  }

  it('draws the histogram of 最终得分 in 10-point bins', () => {
    const { plan, file } = cases.weihai!;
    const counts = plan.summary.histogram.map((bin) => [bin.lower, computed.get(file)!(bin.cell, SUMMARY)]);
    expect(counts).toEqual([
      [0, 1],
      [10, 0],
      [20, 0],
      [30, 0],
      [40, 0],
      [50, 0],
      [60, 0],
      [70, 2],
      [80, 1],
      [90, 2],
    ]);
  });

  it('computes equal-width cut points per group from 汇总名单 as the core did', () => {
    const { result, file } = cases.weihai!;
    const value = (cell: string) => computed.get(file)!(cell, PEERS) as number;
    result.groups.forEach((group, g) => {
      const row = 5 + g;
      const cuts = [value(`J${row}`), value(`K${row}`)].filter((cut) => cut !== null);
      expect(cuts.length, group.inputId).toBe(group.cutPoints.length);
      cuts.forEach((cut, k) => expect(cut).toBeCloseTo(group.cutPoints[k]!.toNumber(), 12));
    });
  });

  it('keeps codes and names as text', () => {
    const { plan, file } = cases.weihai!;
    const header = (name: string) => plan.roster.columns.findIndex((column) => column.key === name);
    const at = (key: string, row: number) => computed.get(file)!(`${String.fromCharCode(65 + header(key))}${row}`);
    expect(at('code', 2)).toBe('0371001');
    expect(at('name', 4)).toBe('=HYPERLINK("x")');
  });
});
