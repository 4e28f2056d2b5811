// Issue 19, "Roster money does not add up": every deposit of a roster is in one line of the summary, so
// that 合计 = 返还 + 不予返还 + 暂缓（暂不评定、暂评未确认、方案未规定、下一年度） + 下属机构（随上级）, to the fen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, MONEY_KEYS, moneyAmount, moneyDifference, rosterJson, scoreRoster } from '../../../src/core';
import { compositeMoneyRows, jiangbeiRow, twelveInstitutions } from '../../support/jiangbeiRows';
import { rosterOf } from './rosterTable';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const jilin = getPolicy('jilin-2025');
const fen = (value: { toFixed(dp: number): string }) => value.toFixed(2);

describe('roster money reconciles (issue 19)', () => {
  it('12 institutions: the 170,000.00 of the two 暂不评定 rows is a line of its own, and the lines add up to 1,260,000.00', () => {
    const { summary, institutions } = scoreRoster(jiangbei, rosterOf(twelveInstitutions()), jilin, { complete: true });
    // the figures, as they were
    expect([summary.depositTotal, summary.refundPaid, summary.refundWithheld].map(fen)).toEqual(['1260000.00', '1029502.00', '60498.00']);
    // and the line that was missing
    expect(fen(summary.deferred.withheld)).toBe('170000.00');
    expect(institutions.filter((r) => r.depositState === 'withheld').map((r) => r.institution.code)).toEqual(['W1', 'W2']);
    expect([summary.deferred.provisional, summary.deferred.unprescribed, summary.deferred.nextYear, summary.subordinateDeposits].map(fen)).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(fen(moneyDifference(summary))).toBe('0.00');
  });

  it('吉林 第十一条: the two subordinates’ 40,000 is 下属机构（随上级）, and 340,000 = 155,000 + 145,000 + 40,000', () => {
    const { summary, institutions } = scoreRoster(jiangbei, rosterOf(compositeMoneyRows()), jilin, { complete: true });
    expect(institutions[0]!.total.toString()).toBe('87.5');
    expect(fen(institutions[0]!.refund!)).toBe('95000.00');
    expect([summary.depositTotal, summary.refundPaid, summary.refundWithheld, summary.subordinateDeposits].map(fen)).toEqual([
      '340000.00',
      '155000.00',
      '145000.00',
      '40000.00',
    ]);
    expect(institutions.map((r) => r.depositState)).toEqual(['settled', 'subordinate', 'subordinate', 'settled', 'settled']);
    expect(fen(moneyDifference(summary))).toBe('0.00');
  });

  it('a 暂评 row’s refund is shown on its row but waits (暂评未确认) until the grade is confirmed', () => {
    // 23.1 (the ranking) blank: every row is 暂评 until the reviewer marks the roster complete
    const table = rosterOf(twelveInstitutions().slice(8, 10));
    const provisional = scoreRoster(jiangbei, table, jilin);
    expect(provisional.institutions.map((r) => r.gradeText)).toEqual([expect.stringMatching(/^暂评 良（/), expect.stringMatching(/^暂评 不合格（/)]);
    expect(provisional.institutions.map((r) => r.depositState)).toEqual(['provisional', 'provisional']);
    expect(provisional.institutions.map((r) => r.refund && fen(r.refund))).toEqual(['94482.00', '0.00']);
    const s = provisional.summary;
    expect([s.refundPaid, s.refundWithheld, s.deferred.provisional].map(fen)).toEqual(['0.00', '0.00', '154980.00']);
    // confirmed, the same rows are 返还 and 不予返还
    const complete = scoreRoster(jiangbei, table, jilin, { complete: true }).summary;
    expect([complete.refundPaid, complete.refundWithheld, complete.deferred.provisional].map(fen)).toEqual(['94482.00', '60498.00', '0.00']);
  });

  it('第十三条 (不满6个月) waits for next year, 第十四条 (解除协议) keeps the deposit, a case the policy sets no amount for is 方案未规定', () => {
    const rows = [
      jiangbeiRow('N', '', { '1.1': '否', 情形: '履约不满6个月', 质量保证金: 30000 }),
      jiangbeiRow('R', '', { '1.1': '否', 情形: '解除协议', 质量保证金: 40000 }),
      jiangbeiRow('C', '', { '1.1': '否', 情形: '申请终止无违规', 质量保证金: 50000 }),
    ];
    const { summary, institutions } = scoreRoster(jiangbei, rosterOf(rows), jilin, { complete: true });
    expect(institutions.map((r) => r.depositState)).toEqual(['nextYear', 'settled', 'settled']);
    expect([summary.deferred.nextYear, summary.refundPaid, summary.refundWithheld].map(fen)).toEqual(['30000.00', '50000.00', '40000.00']);
    expect(fen(moneyDifference(summary))).toBe('0.00');
    // 宁德 names 准入不满一年 and says nothing of its deposit: no amount is invented
    const ningde = getPolicy('ningde-2025-hospital');
    const newlyAdmitted = scoreRoster(jiangbei, rosterOf([jiangbeiRow('X', '', { '1.1': '否', 情形: '准入不满一年' })]), ningde, { complete: true });
    expect(newlyAdmitted.institutions[0]!.depositState).toBe('unprescribed');
    expect(fen(newlyAdmitted.summary.deferred.unprescribed)).toBe('10000.00');
    // without a policy nothing decides a refund: every deposit is 方案未规定
    const unscored = scoreRoster(jiangbei, rosterOf(compositeMoneyRows().slice(3)));
    expect(fen(unscored.summary.deferred.unprescribed)).toBe('200000.00');
  });

  it('the JSON summary keeps its fields and adds 暂缓 by why and 下属机构, each beside its exact text; each row says where its deposit went', () => {
    const json = rosterJson(scoreRoster(jiangbei, rosterOf(twelveInstitutions()), jilin, { complete: true }));
    expect(json.summary).toMatchObject({
      depositTotal: 1260000,
      depositTotalText: '1260000.00',
      refundPaidText: '1029502.00',
      refundWithheldText: '60498.00',
      deferred: { withheld: 170000, provisional: 0, unprescribed: 0, nextYear: 0 },
      deferredText: { withheld: '170000.00', provisional: '0.00', unprescribed: '0.00', nextYear: '0.00' },
      subordinateDeposits: 0,
      subordinateDepositsText: '0.00',
    });
    expect(json.institutions[10]).toMatchObject({ code: 'W1', deposit: 80000, depositText: '80000.00', depositState: 'withheld', refund: null });
    expect(json.institutions[8]).toMatchObject({ code: 'L1', depositState: 'settled', refundText: '94482.00' });
  });

  it('any roster: every line is at least 0 and the lines add up to the total, to the fen', () => {
    const change = fc.constantFrom<Record<string, unknown>>(
      {},
      { '6.1': '很多' }, // 暂不评定
      { '1.1': '是' }, // 否决
      { '18.1': 0, '6.1': 3 },
      { '20.1': 0.5 },
      { 情形: '履约不满6个月' },
      { 情形: '申请终止有违规' },
      { 质量保证金: '' }, // no deposit
    );
    const row = fc.record({
      change,
      deposit: fc.integer({ min: 1, max: 10 ** 9 }).map((fen) => (fen / 100).toFixed(2)),
      parent: fc.boolean(),
      blank: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.boolean(), (specs, complete) => {
        const records = specs.map((spec, i) =>
          jiangbeiRow(`I${i}`, spec.parent && i > 0 ? 'I0' : '', {
            '1.1': '否',
            质量保证金: spec.deposit,
            ...(spec.blank && { '24.1': '' }),
            ...spec.change,
          }),
        );
        const { summary } = scoreRoster(jiangbei, rosterOf(records), jilin, { complete });
        for (const key of MONEY_KEYS) expect(moneyAmount(summary, key).gte(0), key).toBe(true);
        expect(fen(moneyDifference(summary))).toBe('0.00');
      }),
      { numRuns: 60, seed: 19 },
    );
  });
});
