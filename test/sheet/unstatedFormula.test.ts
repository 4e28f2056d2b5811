// The sheet's grade and refund formulas for a band the notice leaves unstated (灌南 below 70, issue 23),
// computed by HyperFormula: the grade cell holds the printed grade or 方案未规定, the refund cell the text
// 方案未规定 (never a number, whatever 扣减情形 is named), and every other band the core's amount to the fen,
// by the whole-number formula and by the plain one a many-decimal rate falls back to.
import { describe, expect, it } from 'vitest';
import { circumstancesFrom, isUnstated, type Policy, PolicySchema, refundOutcome, UNSTATED } from '../../src/core';
import { countyPolicyJson } from '../support/countyPolicy';
import { computeGrid } from '../support/hyperformula';
import { coreScore, type RefundCase, refundRows } from '../support/refundCases';

function policy(rate: number, lowest: Record<string, unknown>): Policy {
  return PolicySchema.parse(
    countyPolicyJson('unstated-sheet', [
      { label: '优秀', min: 90, text: '90分以上为优秀', refund: { kind: 'full', text: '全额返还' } },
      { label: '良好', min: 80, max: 90, text: '80分至90分', refund: { kind: 'perPointBelow', base: 90, ratePerPoint: rate, text: '每低1分扣除' } },
      { label: '合格', min: 70, max: 80, text: '70分至80分', refund: { kind: 'unstated', text: '合格的返还未规定' } },
      { max: 70, text: '只规定到70分', refund: { kind: 'unstated', text: '70分以下未规定' }, ...lowest },
    ]),
  );
}

const cases: RefundCase[] = [
  { score: '95', deposit: '50000' },
  { score: '85.5', deposit: '123456.78' },
  { score: '85.5', deposit: '123456.78', circumstances: '挂牌督办' },
  { score: '79.99', deposit: '50000' },
  { score: '=0.7*64.6+0.3*82.6+10', deposit: '50000', circumstances: '挂牌督办' }, // 79.99999999999999
  { score: '65', deposit: '50000' },
  { score: '95', deposit: '50000', veto: true },
];

describe.each([
  ['the whole-number formula', 0.02],
  ['the plain formula of a many-decimal rate', 0.0123457],
])('%s', (_name, rate) => {
  it.each([
    ['an unstated grade', { unstated: true }, UNSTATED],
    ['a printed grade', { label: '不合格' }, '不合格'],
  ])('%s below 70: grade and refund cells as the core says', (_what, lowest, lowestLabel) => {
    const p = policy(rate, lowest);
    const cell = computeGrid(refundRows(p, cases));
    const shown = cases.map((_c, i) => [cell(`C${i + 1}`), cell(`E${i + 1}`)]);
    const expected = cases.map((c) => {
      const refund = refundOutcome(p, coreScore(c.score), c.deposit, {
        circumstances: circumstancesFrom(c.circumstances ?? ''),
        veto: c.veto === true,
      });
      return [refund.grade.label, isUnstated(refund) ? UNSTATED : refund.amount.toNumber()];
    });
    expect(shown).toEqual(expected);
    // the unstated bands are text on the sheet, the vetoed 0 among them (79.99999999999999 is read as 80: 良好)
    expect([3, 5, 6].map((i) => shown[i])).toEqual([
      ['合格', UNSTATED],
      [lowestLabel, UNSTATED],
      [lowestLabel, UNSTATED],
    ]);
    expect(shown[4]?.[0]).toBe('良好');
  });
});
