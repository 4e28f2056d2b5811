// Refund tiers as fixed ratios per band, and a further share withheld for a named circumstance.
// Sentences (issue 13, point 3): "withhold 20% in [80, 90), 40% in [70, 80)"; "挂牌督办: a further 10%".
// Reading of "再扣除10%": a further 10 percentage points of the deposit, 1 − tier withheld − extra, at least 0.
import { describe, expect, it } from 'vitest';
import { circumstancesFrom, getPolicy, getRubric, PolicySchema, readingsOf, refundOf } from '../../../src/core';
import { withholdPolicy } from '../../support/kindPolicies';

describe('withhold tier: "withhold 20% in [80, 90), 40% in [70, 80)"', () => {
  const policy = withholdPolicy();

  it('pays back 80% anywhere in [80, 90) and 60% anywhere in [70, 80), whatever the score within', () => {
    expect(refundOf(policy, 89.99, 10000).amount.toFixed(2)).toBe('8000.00');
    expect(refundOf(policy, 80, 10000).amount.toFixed(2)).toBe('8000.00');
    expect(refundOf(policy, 79.5, 10000).amount.toFixed(2)).toBe('6000.00');
    expect(refundOf(policy, 70, 12345.67).amount.toFixed(2)).toBe('7407.40'); // 7407.402
    expect(refundOf(policy, 90, 10000).amount.toFixed(2)).toBe('10000.00');
    expect(refundOf(policy, 59, 10000).amount.toFixed(2)).toBe('0.00');
  });

  it('says the arithmetic', () => {
    expect(refundOf(policy, 85, 10000).trace).toContain('良：扣除质量保证金的20% → 扣除 20%，退还 1 − 20% = 80%');
  });

  it('is refused with a ratio above 1', () => {
    const bad = structuredClone(policy) as unknown as { grades: { refund?: { ratio?: number } }[] };
    bad.grades[1]!.refund!.ratio = 20;
    expect(PolicySchema.safeParse(bad).success).toBe(false);
  });
});

describe('extra withholding: "挂牌督办: a further 10%"', () => {
  const policy = withholdPolicy();

  it('takes a further 10 percentage points off the tier: 80% − 10% = 70% in [80, 90)', () => {
    const refund = refundOf(policy, 85, 10000, { circumstances: ['挂牌督办'] });
    expect(refund.ratio.toString()).toBe('0.7');
    expect(refund.amount.toFixed(2)).toBe('7000.00');
    expect(refund.trace).toContain('被挂牌督办的，再扣除10% → 另扣除保证金的 10%');
    expect(refund.trace).toContain('80% − 10% = 70%');
  });

  it('applies to a full refund and after a per-point tier, floored at 0', () => {
    expect(refundOf(policy, 95, 10000, { circumstances: ['挂牌督办'] }).amount.toFixed(2)).toBe('9000.00');
    const jilin = { ...getPolicy('jilin-2025'), extraWithholding: [{ name: '挂牌督办', ratio: 0.1, text: '被挂牌督办的，再扣除10%' }] };
    // 吉林 85.33 → 90.66%, less 10 points = 80.66%
    expect(refundOf(jilin, 85.33, 10000, { circumstances: ['挂牌督办'] }).amount.toFixed(2)).toBe('8066.00');
    const heavy = { ...policy, extraWithholding: [{ name: '挂牌督办', ratio: 0.5, text: '再扣除50%' }] };
    expect(refundOf(heavy, 65, 10000, { circumstances: ['挂牌督办'] }).amount.toFixed(2)).toBe('0.00'); // 40% − 50% → 0
  });

  it('without the circumstance, nothing more is withheld; an unknown name is refused with the list', () => {
    expect(refundOf(policy, 85, 10000).amount.toFixed(2)).toBe('8000.00');
    expect(() => refundOf(policy, 85, 10000, { circumstances: ['约谈'] })).toThrow(/没有“约谈”这一扣减情形；它规定的情形有：挂牌督办/);
    expect(() => refundOf(getPolicy('jilin-2025'), 85, 10000, { circumstances: ['挂牌督办'] })).toThrow(/没有规定任何另行扣减的情形/);
  });

  it("the reading is shown with the policy's other readings (口径说明)", () => {
    const readings = readingsOf(getRubric('cq-jiangbei-2025-hospital'), { policy }).filter((r) => r.id === 'extraWithholding');
    expect(readings.map((r) => r.text)).toEqual([expect.stringContaining('返还比例 = 等次返还比例 − 另扣比例（多个情形相加），不低于0')]);
    expect(readingsOf(getRubric('cq-jiangbei-2025-hospital'), { policy: getPolicy('jilin-2025') }).some((r) => r.id === 'extraWithholding')).toBe(
      false,
    );
  });

  it('reads a cell or a flag listing several names', () => {
    expect(circumstancesFrom(' 挂牌督办，约谈、通报 ')).toEqual(['挂牌督办', '约谈', '通报']);
    expect(circumstancesFrom(['挂牌督办,挂牌督办', ''])).toEqual(['挂牌督办']);
  });

  it('refuses names a cell could not list, and the same name twice', () => {
    const named = (name: string) => PolicySchema.safeParse({ ...policy, extraWithholding: [{ name, ratio: 0.1, text: 't' }] }).success;
    expect(named('挂牌 督办')).toBe(false);
    expect(named('挂牌督办')).toBe(true);
    expect(PolicySchema.safeParse({ ...policy, extraWithholding: [...policy.extraWithholding!, ...policy.extraWithholding!] }).success).toBe(false);
  });
});
