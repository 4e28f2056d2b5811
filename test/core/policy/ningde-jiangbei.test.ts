import { describe, expect, it } from 'vitest';
import { getPolicy, gradeOf, refundOf } from '../../../src/core';

const hospital = getPolicy('ningde-2025-hospital');
const pharmacy = getPolicy('ningde-2025-pharmacy');
const jiangbei = getPolicy('cq-jiangbei-2025');

describe('宁医保规〔2025〕5号 五、结果应用', () => {
  it.each([
    [95, '优秀'], // 95分及以上为优秀
    [94.99, '良好'],
    [85, '良好'], // 85（含）-95分为良好
    [84.99, '合格'],
    [70, '合格'], // 70（含）-85分为合格
    [69.99, '不合格'], // 70分以下为不合格
  ])('%s 分 → %s', (score, label) => {
    expect(gradeOf(hospital, score).label).toBe(label);
    expect(gradeOf(pharmacy, score).label).toBe(label);
  });
  it('以85分（含85分）作为保证金支付基准分：85 分全额支付', () => {
    expect(refundOf(hospital, 85, 50000).amount.toFixed(2)).toBe('50000.00');
  });
  it('每低基准分1分，按服务质量保证金的4%不予支付：80 分支付 80%', () => {
    expect(refundOf(hospital, 80, 50000).amount.toFixed(2)).toBe('40000.00');
  });
  it('70 分支付 40%', () => {
    expect(refundOf(pharmacy, 70, 50000).amount.toFixed(2)).toBe('20000.00');
  });
  it('绩效考核70分以下的，保证金全部不予支付', () => {
    expect(refundOf(hospital, 69.9, 50000).amount.toFixed(2)).toBe('0.00');
  });
  it('优秀：次年总额控制指标增长率提高一个百分点', () => {
    expect(gradeOf(hospital, 96).band.budgetGrowthBonus).toBe(0.01);
    expect(gradeOf(pharmacy, 96).band.budgetGrowthBonus).toBeUndefined();
  });
  it('定点零售药店70分以下的，保证金全部不予支付并终止定点服务协议', () => {
    const g = gradeOf(pharmacy, 60);
    expect(g.band.agreementEnds).toBe(true);
    expect(g.band.consequences?.join('')).toContain('终止定点服务协议');
    expect(gradeOf(hospital, 60).band.agreementEnds).toBeUndefined();
  });
  it('拒绝配合考核或提供虚假资料的，直接认定为考核不合格', () => {
    expect(gradeOf(hospital, 99, { veto: true }).label).toBe('不合格');
  });
  it('宁德没有降档规定', () => {
    expect(() => gradeOf(hospital, 90, { downgrade: 1 })).toThrow(/没有降档规定/);
  });
});

describe('江医保中心发〔2024〕16号: 得分60分以下为不合格（存在否决项得分为0分）', () => {
  it.each([
    [100, '合格'],
    [60, '合格'],
    [59.5, '不合格'],
  ])('%s 分 → %s', (score, label) => {
    expect(gradeOf(jiangbei, score).label).toBe(label);
  });
  it('否决项：得分按 0 计，不合格，不签订协议', () => {
    const g = gradeOf(jiangbei, 95, { veto: true });
    expect(g.score.toNumber()).toBe(0);
    expect(g.label).toBe('不合格');
    expect(g.band.agreementEnds).toBe(true);
  });
  it('通知未规定质量保证金返还', () => {
    expect(() => refundOf(jiangbei, 80, 1000)).toThrow(/未规定质量保证金返还/);
  });
});
