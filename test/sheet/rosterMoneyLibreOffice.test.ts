// Issue 19's rosters written to .xlsx and recalculated by LibreOffice: 汇总统计's money lines (SUMIFS over
// 汇总名单's 保证金去向) are the core's, and the 核对 row is 0.
import { beforeAll, describe, expect, it } from 'vitest';
import { getPolicy, getRubric, MONEY_KEYS, moneyAmount, scoreRoster } from '../../src/core';
import { rosterOf } from '../core/roster/rosterTable';
import { compositeMoneyRows, twelveInstitutions } from '../support/jiangbeiRows';
import { moneyCell, type RosterWorkbookCase, recalculatedRosters } from '../support/rosterWorkbooks';
import type { Computed } from '../support/sofficeRecalc';

const SUMMARY = 2;
let cases: Record<string, RosterWorkbookCase>;
let computed: Map<string, Computed>;

beforeAll(async () => {
  const jiangbei = getRubric('cq-jiangbei-2025-hospital');
  const jilin = getPolicy('jilin-2025');
  const score = (records: Record<string, unknown>[]) => scoreRoster(jiangbei, rosterOf(records), jilin, { complete: true });
  ({ cases, computed } = await recalculatedRosters('mib-roster-money-', [
    ['twelve', score(twelveInstitutions()), jiangbei.id],
    ['composite', score(compositeMoneyRows()), jiangbei.id],
  ]));
}, 180_000);

describe('汇总统计’s money in LibreOffice', () => {
  it('12 institutions: 1,260,000 = 1,029,502 + 60,498 + 170,000 (暂不评定); 核对 0', () => {
    const { result, plan, file } = cases.twelve!;
    const value = (cell: string) => computed.get(file)!(cell, SUMMARY);
    expect(MONEY_KEYS.map((key) => value(moneyCell(plan.summary, key)))).toEqual(
      MONEY_KEYS.map((key) => moneyAmount(result.summary, key).toNumber()),
    );
    expect([plan.summary.depositTotal, plan.summary.refundPaid, plan.summary.refundWithheld, plan.summary.deferred.withheld].map(value)).toEqual([
      1260000, 1029502, 60498, 170000,
    ]);
    expect(value(plan.summary.moneyCheck)).toBe(0);
  });

  it('吉林 第十一条: 340,000 = 155,000 + 145,000 + 40,000 (下属机构，随上级); 核对 0', () => {
    const { result, plan, file } = cases.composite!;
    const value = (cell: string) => computed.get(file)!(cell, SUMMARY);
    expect(MONEY_KEYS.map((key) => value(moneyCell(plan.summary, key)))).toEqual(
      MONEY_KEYS.map((key) => moneyAmount(result.summary, key).toNumber()),
    );
    expect([plan.summary.refundPaid, plan.summary.refundWithheld, plan.summary.subordinateDeposits].map(value)).toEqual([155000, 145000, 40000]);
    expect(value(plan.summary.moneyCheck)).toBe(0);
  });
});
