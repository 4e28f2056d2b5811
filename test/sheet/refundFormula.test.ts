// The sheet's grade and refund formulas against the core's decimal arithmetic (refundOf), computed by
// HyperFormula: every bundled policy with a refund, deposits up to 10¹² to the fen, amounts that land
// exactly on half a fen, and scores that arrive as doubles one binary step under a boundary. A double
// product deposit × ratio cannot be exact at 10¹² (the old ROUND(ROUND(deposit*ratio,6),2) was off by a
// fen there); the formula works in whole numbers instead (src/sheet/exactMoney.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPolicy, policyIds } from '../../src/core';
import { exactCents, MAX_RATIO_DECIMALS } from '../../src/sheet/exactMoney';
import { computeGrid } from '../support/hyperformula';
import { capVeto, hubeiVeto, vetoPolicy, withholdPolicy } from '../support/kindPolicies';
import { expectedRefund, halfFenDeposit, money, type PolicyRef, type RefundCase, refundRows } from '../support/refundCases';

const withRefund = policyIds.filter((id) => getPolicy(id).refund);

function check(policyId: PolicyRef, cases: RefundCase[]): void {
  const cell = computeGrid(refundRows(policyId, cases));
  cases.forEach((c, i) => {
    const expected = expectedRefund(policyId, c);
    const name = typeof policyId === 'string' ? policyId : `${policyId.id} ${JSON.stringify(policyId.refund)}`;
    expect(cell(`C${i + 1}`), `${name} grade of ${c.score}`).toBe(expected.grade);
    expect(cell(`E${i + 1}`), `${name} refund of ${c.score} on ${c.deposit}`).toBe(expected.amount);
  });
}

/** A score with 0–9 decimals between 55 and 100. */
const scoreText = fc
  .tuple(fc.integer({ min: 55, max: 100 }), fc.constantFrom(0, 1, 2, 3, 4, 9), fc.bigInt({ min: 0n, max: 10n ** 9n - 1n }))
  .map(([whole, decimals, fraction]) => {
    if (whole === 100 || decimals === 0) return String(whole);
    const digits = String(fraction).padStart(9, '0').slice(0, decimals);
    return `${whole}.${digits}`;
  });
/** A deposit up to 10¹² to the fen, small ones as often as large ones. */
const depositText = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.bigInt({ min: 0n, max: 10n ** 14n })).map(money);

describe.each(withRefund)('%s: the sheet refund is the core refund to the fen', (policyId) => {
  it('random scores with up to 9 decimals and deposits up to 10¹²', () => {
    check(policyId, fc.sample(fc.record({ score: scoreText, deposit: depositText }), { numRuns: 400, seed: 12 }));
  });

  it('amounts that land exactly on half a fen round up', () => {
    const scores = fc.sample(scoreText, { numRuns: 200, seed: 3 });
    const cases: RefundCase[] = [];
    for (const [k, score] of scores.entries()) {
      const start = [1n, 10n ** 6n, 10n ** 11n, 10n ** 14n - 10n ** 12n][k % 4]!;
      const deposit = halfFenDeposit(policyId, score, start);
      if (deposit) cases.push({ score, deposit });
    }
    expect(cases.length).toBeGreaterThan(10);
    check(policyId, cases);
  });

  it('the largest deposits and scores built by real arithmetic', () => {
    check(policyId, [
      { score: '85.34', deposit: '999999999999.99' },
      { score: '84.5', deposit: '1000000000000.00' },
      { score: '=0.7*64.6+0.3*82.6', deposit: '999999999999.99' }, // 69.99999999999999
      { score: '=0.7*64.6+0.3*82.6+10', deposit: '999999999999.99' }, // 79.99999999999999
      { score: '=0.3*3*100', deposit: '999999999999.99' }, // 89.99999999999999
      { score: '=0.85*3*100/3', deposit: '999999999999.99' }, // 84.99999999999999
      { score: '=0.95*3*100/3', deposit: '999999999999.99' }, // 94.99999999999999
      { score: '=0.1*3*100+53.3', deposit: '123456789012.35' },
    ]);
  });
});

// The policy files name the options the sheet follows (吉林 "每低1分" and "保留两位小数点"): every
// combination, as a region's own policy file may choose it, against refundOf under the same choice.
describe.each(withRefund)('%s with other refund options', (policyId) => {
  const variants = (['proportional', 'whole', 'started'] as const).flatMap((fractionalPoints) =>
    (['percent-2', 'fraction-2', 'none'] as const).map((ratioRounding) => ({ fractionalPoints, ratioRounding })),
  );
  it.each(variants)('fractionalPoints $fractionalPoints, ratioRounding $ratioRounding', (options) => {
    const base = getPolicy(policyId);
    const policy = { ...base, refund: { ...base.refund!, ...options } };
    const cases = fc.sample(fc.record({ score: scoreText, deposit: depositText }), { numRuns: 150, seed: 7 });
    for (const [k, score] of fc.sample(scoreText, { numRuns: 40, seed: 8 }).entries()) {
      const deposit = halfFenDeposit(policy, score, [1n, 10n ** 11n, 10n ** 14n - 10n ** 12n][k % 3]!);
      if (deposit) cases.push({ score, deposit });
    }
    check(policy, cases);
  });
});

describe('a rate with more decimals than whole numbers can carry', () => {
  it('falls back to deposit × ratio rounded at 6 places, right for ordinary deposits', () => {
    const base = getPolicy('jilin-2025');
    const policy = {
      ...base,
      grades: base.grades.map((g) => (g.refund?.kind === 'perPointBelow' ? { ...g, refund: { ...g.refund, ratePerPoint: 0.012345 } } : g)),
    };
    expect(refundRows(policy, [{ score: '85', deposit: '1' }])[0]![4]).toContain('ROUND(ROUND(B1*');
    check(policy, [
      { score: '85', deposit: '10000.00' }, // 1 − 5 × 1.2345% = 93.8275% → 93.83%
      { score: '72.5', deposit: '123456.78' },
    ]);
  });
});

describe('exactCents: cents × ratio / 10^k, half-up, in whole numbers', () => {
  const decimals = Array.from({ length: MAX_RATIO_DECIMALS + 1 }, (_, k) => k);
  it.each(decimals)('%i ratio decimals, against BigInt arithmetic', (k) => {
    const unit = 10n ** BigInt(k);
    const cases = fc.sample(
      fc.tuple(
        fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constant(10n ** 14n - 1n), fc.constant(99999999999999n)),
        fc.oneof(fc.bigInt({ min: 0n, max: unit }), fc.constant(unit), fc.constant(unit / 2n)),
      ),
      { numRuns: 300, seed: k },
    );
    const cell = computeGrid(cases.map(([c, r], i) => [Number(c), Number(r), `=${exactCents(`A${i + 1}`, `B${i + 1}`, k)}`]));
    cases.forEach(([c, r], i) => {
      const expected = (c * r + unit / 2n) / unit;
      expect(cell(`C${i + 1}`), `${c} × ${r} / 10^${k}`).toBe(Number(expected));
    });
  });
});

describe('吉林 hard cases by hand', () => {
  it('85.33 → 90.66% of 10000.50 is 9066.45; of 999999999999.99 is 906599999999.99', () => {
    const cell = computeGrid(
      refundRows('jilin-2025', [
        { score: '85.33', deposit: '10000.50' },
        { score: '85.33', deposit: '999999999999.99' },
        { score: '85.33', deposit: '10000.25' },
      ]),
    );
    expect(cell('E1')).toBe(9066.45);
    expect(cell('E2')).toBe(906599999999.99); // 906599999999.990934
    expect(cell('E3')).toBe(9066.23); // 9066.22665 → .23
  });

  it('a half fen at 10¹¹: 99999999999.50 × 90.66% = 90659999999.547 → .55; ×85% (82.5) = 84999999999.575 → .58', () => {
    const cell = computeGrid(
      refundRows('jilin-2025', [
        { score: '85.33', deposit: '99999999999.50' },
        { score: '82.5', deposit: '99999999999.50' },
      ]),
    );
    expect(cell('E1')).toBe(90659999999.55);
    expect(cell('E2')).toBe(84999999999.58);
  });
});

// issue 13: "withhold 20% in [80, 90), 40% in [70, 80)" and "挂牌督办: a further 10%" (再扣除10%, read as
// 10 percentage points of the deposit off the tier's ratio, at least 0): the sheet agrees with refundOf.
describe('fixed shares per band and a further share for 挂牌督办', () => {
  const policy = withholdPolicy();
  const circumstances = fc.constantFrom('', '挂牌督办', ' 挂牌督办 ', '挂牌督办，其他');
  it('random scores, deposits up to 10¹², with and without 挂牌督办', () => {
    const cases = fc
      .sample(fc.record({ score: scoreText, deposit: depositText, circumstances }), { numRuns: 300, seed: 13 })
      // a name the policy does not know is refused by the core; the sheet ignores it
      .map((c) => ({ ...c, circumstances: c.circumstances === '挂牌督办，其他' ? '挂牌督办' : c.circumstances }));
    check(policy, cases);
  });

  it('吉林 per-point tiers with 挂牌督办, and a heavier extra that floors the refund at 0', () => {
    const jilin = { ...getPolicy('jilin-2025'), extraWithholding: [{ name: '挂牌督办', ratio: 0.1, text: '被挂牌督办的，再扣除10%' }] };
    check(
      jilin,
      fc.sample(fc.record({ score: scoreText, deposit: depositText, circumstances: fc.constantFrom('', '挂牌督办') }), { numRuns: 200, seed: 14 }),
    );
    const heavy = { ...policy, extraWithholding: [{ name: '挂牌督办', ratio: 0.45, text: '再扣除45%' }] };
    check(heavy, [
      { score: '65', deposit: '10000.00', circumstances: '挂牌督办' }, // 40% − 45% → 0
      { score: '85', deposit: '999999999999.99', circumstances: '挂牌督办' }, // 35%
      { score: '95', deposit: '0.01', circumstances: '挂牌督办' }, // 0.0055 → 0.01
    ]);
    const cell = computeGrid(
      refundRows(policy, [
        { score: '85', deposit: '10000', circumstances: '挂牌督办' },
        { score: '85', deposit: '10000' },
      ]),
    );
    expect([cell('E1'), cell('E2')]).toEqual([7000, 8000]);
  });
});

// issue 13: veto effects. The sheet's grade and refund (gradeFormula, effectiveScore, refundFormula) agree
// with gradeOf / refundOf under each: 吉林 "考核一票否决" (fail: the score stands, the grade fails), 湖北
// "严重违规 按60分计" (setScore 60), "考核得分最高按60分计" (capScore 60), 江北 "存在否决项得分为0分" (setScore 0).
describe.each([
  ['fail (吉林)', () => getPolicy('jilin-2025')],
  ['setScore 60 (湖北)', () => vetoPolicy(hubeiVeto)],
  ['setScore 60 with a ceiling 不合格', () => vetoPolicy({ ...hubeiVeto, grade: '不合格' })],
  ['capScore 60', () => vetoPolicy(capVeto)],
  ['capScore 75 with a ceiling 合格', () => vetoPolicy({ ...capVeto, score: 75, grade: '合格' })],
  ['setScore 0 (江北 with 吉林 refunds)', () => vetoPolicy({ effect: 'setScore', grade: '不合格', score: 0, text: '存在否决项得分为0分' })],
])('veto %s: the sheet agrees with the core', (_name, make) => {
  it('vetoed and not, random scores and deposits', () => {
    const policy = make();
    check(policy, fc.sample(fc.record({ score: scoreText, deposit: depositText, veto: fc.boolean() }), { numRuns: 150, seed: 21 }));
  });
});

describe('the veto effects by hand', () => {
  it('湖北 85 vetoed: 基本合格, 10% of 10000; capScore 55.5 vetoed stands: 不合格, 0', () => {
    const hubei = computeGrid(refundRows(vetoPolicy(hubeiVeto), [{ score: '85', deposit: '10000', veto: true }]));
    expect([hubei('C1'), hubei('E1')]).toEqual(['基本合格', 1000]);
    const capped = computeGrid(
      refundRows(vetoPolicy(capVeto), [
        { score: '55.5', deposit: '10000', veto: true },
        { score: '85', deposit: '10000', veto: true },
      ]),
    );
    expect([capped('C1'), capped('E1'), capped('C2'), capped('E2')]).toEqual(['不合格', 0, '基本合格', 1000]);
  });
});
