// MIB.GRADE and MIB.REFUND: the grade and the deposit refund of a score under a policy, as a cell
// formula passes them (numbers or numeric text; the optional 降档 arrives as null).
import { describe, expect, it } from 'vitest';
import { policyIds } from '../../src/core';
import { FunctionFailure } from '../../src/functions/failure';
import { gradeLabel, refundAmount } from '../../src/functions/grade';

function message(outcome: unknown): string {
  expect(outcome).toBeInstanceOf(FunctionFailure);
  return (outcome as FunctionFailure).message;
}

describe('MIB.GRADE', () => {
  it('吉林: 优/良/合格/基本合格/不合格 at 90/80/70/60', () => {
    expect([95, 90, 89.99, 80, 79.5, 70, 60, 59.99, 0].map((s) => gradeLabel(s, 'jilin-2025', null))).toEqual([
      '优', '优', '良', '良', '合格', '合格', '基本合格', '不合格', '不合格',
    ]);
  });

  it('江北: 60 and above 合格, below 不合格 (a vetoed total of 0 is 不合格)', () => {
    expect(gradeLabel(60, 'cq-jiangbei-2025', null)).toBe('合格');
    expect(gradeLabel(59.5, 'cq-jiangbei-2025', null)).toBe('不合格');
    expect(gradeLabel(0, 'cq-jiangbei-2025', null)).toBe('不合格');
  });

  it('宁德: 优秀/良好/合格/不合格 at 95/85/70', () => {
    expect([95, 85, 70, 69].map((s) => gradeLabel(s, 'ningde-2025-hospital', null))).toEqual(['优秀', '良好', '合格', '不合格']);
  });

  it('吉林 降档: 1 grade for a provincial notice, 2 for a national one; blank or 0 keeps the grade', () => {
    expect(gradeLabel(85, 'jilin-2025', 1)).toBe('合格');
    expect(gradeLabel(85, 'jilin-2025', 2)).toBe('基本合格');
    expect(gradeLabel(85, 'jilin-2025', '')).toBe('良');
    expect(gradeLabel(85, 'jilin-2025', 0)).toBe('良');
  });

  it('a score as numeric text', () => {
    expect(gradeLabel('85', 'jilin-2025', null)).toBe('良');
  });

  it('bad arguments: Chinese messages', () => {
    expect(message(gradeLabel('八十五', 'jilin-2025', null))).toBe('得分应为数，收到的是 “八十五”');
    expect(message(gradeLabel(true, 'jilin-2025', null))).toBe('得分应为数，收到的是 TRUE');
    expect(message(gradeLabel(-1, 'jilin-2025', null))).toContain('得分不能小于 0');
    expect(message(gradeLabel(null, 'jilin-2025', null))).toContain('缺少得分');
    expect(message(gradeLabel(85, 'jilin-2025', 1.5))).toContain('降档数应为不小于 0 的整数');
    expect(message(gradeLabel(85, 'jilin-2025', 3))).toContain('最多降2档');
    expect(message(gradeLabel(85, 'cq-jiangbei-2025', 1))).toContain('没有降档规定');
  });

  it('an unknown policy names the valid ones', () => {
    const text = message(gradeLabel(85, 'jilin', null));
    expect(text).toContain('未知的政策编号“jilin”');
    for (const id of policyIds) expect(text).toContain(id);
  });
});

describe('MIB.REFUND', () => {
  it('吉林 第十二条: 85 → 良, 1 − 5×2% = 90% of 10000', () => {
    expect(refundAmount(85, 10000, 'jilin-2025', null)).toBe(9000);
  });

  it('吉林: 优 returns all, 不合格 none, fractional points count (84.5 → 89%)', () => {
    expect(refundAmount(92, 10000, 'jilin-2025', null)).toBe(10000);
    expect(refundAmount(55, 10000, 'jilin-2025', null)).toBe(0);
    expect(refundAmount(84.5, 10000, 'jilin-2025', null)).toBe(8900);
  });

  it('吉林 降档 moves the refund tier too: 85 down one grade is 合格, 1 − 5×2.5% = 87.5%', () => {
    expect(refundAmount(85, 10000, 'jilin-2025', 1)).toBe(8750);
  });

  it('宁德: base 85, 4% per point below, nothing under 70', () => {
    expect(refundAmount(80, 10000, 'ningde-2025-hospital', null)).toBe(8000);
    expect(refundAmount(90, 10000, 'ningde-2025-hospital', null)).toBe(10000);
    expect(refundAmount(69, 10000, 'ningde-2025-hospital', null)).toBe(0);
  });

  it('rounds half-up to the fen', () => {
    // 10000.25 × 90% = 9000.225 → 9000.23 (half-even would give 9000.22)
    expect(refundAmount(85, 10000.25, 'jilin-2025', null)).toBe(9000.23);
    // 81.3 → 良: 1 − 8.7×2% = 82.6%; 12345.67 × 82.6% = 10197.523… → 10197.52
    expect(refundAmount(81.3, 12345.67, 'jilin-2025', null)).toBe(10197.52);
  });

  it('a policy without a refund rule says so', () => {
    expect(message(refundAmount(85, 10000, 'cq-jiangbei-2025', null))).toContain('未规定质量保证金返还');
  });

  it('bad deposits', () => {
    expect(message(refundAmount(85, -1, 'jilin-2025', null))).toContain('质量保证金金额不能小于 0');
    expect(message(refundAmount(85, '一万', 'jilin-2025', null))).toBe('质量保证金金额应为数，收到的是 “一万”');
    expect(refundAmount(85, '10,000', 'jilin-2025', null)).toBe(9000);
  });
});
