// Issue 19 in the roster workbook, computed by HyperFormula: 汇总统计 splits the deposits by 汇总名单's
// 保证金去向 column so that 合计 = 返还 + 不予返还 + 暂缓 + 下属机构, each line a formula, and its 核对 row
// proves it (0 to the fen, and not 0 once a row's 保证金去向 is cleared). 汇总名单 shows the table's own
// total beside the converted final score, the total 自评差异 is met with.
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, MONEY_KEYS, moneyAmount, type RosterResult, scoreRoster } from '../../src/core';
import { planRosterWorkbook, ROSTER_SHEET, SUMMARY_SHEET } from '../../src/sheet/roster';
import type { GridPlan } from '../../src/sheet/types';
import { rosterOf } from '../core/roster/rosterTable';
import { computeGridPlans } from '../support/hyperformula';
import { compositeMoneyRows, twelveInstitutions } from '../support/jiangbeiRows';
import { weihaiSelfScored } from '../support/rosterFiles';
import { moneyCell } from '../support/rosterWorkbooks';

const jilin = getPolicy('jilin-2025');
const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const scored = {
  twelve: scoreRoster(jiangbei, rosterOf(twelveInstitutions()), jilin, { complete: true }),
  composite: scoreRoster(jiangbei, rosterOf(compositeMoneyRows()), jilin, { complete: true }),
};

function computed(result: RosterResult, sheets?: (plans: GridPlan[]) => GridPlan[]) {
  const plan = planRosterWorkbook(result, jiangbei, jilin);
  const value = computeGridPlans(sheets ? sheets(plan.sheets) : plan.sheets);
  return { plan, summary: (cell: string) => value(SUMMARY_SHEET, cell) };
}

describe('汇总统计 proves the roster money in the sheet (HyperFormula)', () => {
  for (const [name, result] of Object.entries(scored)) {
    it(`each line is the core’s, and 核对 is 0 (${name})`, () => {
      const { plan, summary } = computed(result);
      const lines = MONEY_KEYS.map((key) => [key, summary(moneyCell(plan.summary, key))]);
      expect(lines).toEqual(MONEY_KEYS.map((key) => [key, moneyAmount(result.summary, key).toNumber()]));
      expect(summary(plan.summary.moneyCheck)).toBe(0);
    });
  }

  it('12 institutions: 1,260,000 = 1,029,502 + 60,498 + 170,000 (暂不评定), each a line of its own', () => {
    const { plan, summary } = computed(scored.twelve);
    expect([plan.summary.depositTotal, plan.summary.refundPaid, plan.summary.refundWithheld, plan.summary.deferred.withheld].map(summary)).toEqual([
      1260000, 1029502, 60498, 170000,
    ]);
  });

  it('吉林 第十一条: 340,000 = 155,000 + 145,000 + 40,000 (下属机构，随上级)', () => {
    const { plan, summary } = computed(scored.composite);
    expect([plan.summary.depositTotal, plan.summary.refundPaid, plan.summary.refundWithheld, plan.summary.subordinateDeposits].map(summary)).toEqual([
      340000, 155000, 145000, 40000,
    ]);
  });

  it('a row whose 保证金去向 is cleared shows in 核对 as its deposit', () => {
    const { plan: original } = computed(scored.twelve);
    const column = original.roster.columns.findIndex((c) => c.key === 'depositState');
    const row = scored.twelve.institutions.findIndex((r) => r.institution.code === 'W2');
    const { plan, summary } = computed(scored.twelve, (sheets) =>
      sheets.map((sheet) =>
        sheet.name !== ROSTER_SHEET
          ? sheet
          : {
              ...sheet,
              body: {
                ...sheet.body!,
                rows: sheet.body!.rows.map((values, r) => (r === row ? values.map((v, c) => (c === column ? null : v)) : values)),
              },
            },
      ),
    );
    expect(summary(plan.summary.deferred.withheld)).toBe(80000);
    expect(summary(plan.summary.moneyCheck)).toBe(90000);
  });
});

describe('汇总名单: the self-score beside the total it is met with', () => {
  it('考核表得分（795分制） 694.95 stands beside 最终得分 87.415…; 自评 700, 自评差异 5.05', () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    const result = scoreRoster(weihai, rosterOf(weihaiSelfScored()), jilin, { convert: true });
    const { roster } = planRosterWorkbook(result, weihai, jilin);
    const keys = roster.columns.map((c) => c.key);
    // 最终得分 among the key results after the name (issue 22); the table's own total with the self-score columns
    expect(keys.slice(0, 5)).toEqual(['code', 'name', 'total', 'grade', 'refund']);
    expect(keys.indexOf('tableTotal')).toBeLessThan(keys.indexOf('selfScore'));
    const at = (key: string) => roster.columns.find((c) => c.key === key)!;
    expect(at('tableTotal').header).toBe('考核表得分（795分制）');
    const row = result.institutions[0]!;
    expect([at('selfScore'), at('tableTotal'), at('total'), at('selfDifference')].map((c) => c.value(row))).toEqual([
      700,
      694.95,
      row.total.toNumber(),
      5.05,
    ]);
    expect(row.total.toFixed(3)).toBe('87.415');
  });
});
