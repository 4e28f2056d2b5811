// linear: 威海 A1 "每高于该区间1个百分点扣0.5分，最多扣5分", 威海 A6 "低位区间占比20%，每高于该区间1个百分点扣1分"
// (earned from 10), 威海 一级 B4 "得6分，每少10%的，减1分"; partialSteps "proportional" (default) and "whole".
import { describe, expect, it } from 'vitest';
import { blankOf, num, rubricOf, run, score, sdo } from './helpers';

const A1 = {
  kind: 'linear',
  effect: 'deduct',
  reference: 0,
  direction: 'above',
  step: 0.01,
  pointsPerStep: 0.5,
  cap: 5,
  text: '最小值低优，根据本市同级定点医疗机构自费率情况，合理设置低位区间，每高于该区间1个百分点扣0.5分，最多扣5分。',
  input: { id: '1.1', type: 'ratio', label: '自费率高于低位区间的幅度' },
};

describe('linear — 威海 A1 “每高于该区间1个百分点扣0.5分，最多扣5分” (10 points)', () => {
  const rubric = rubricOf([A1], 10);

  it('within the interval (0): no deduction', () => {
    expect(sdo(rubric, { '1.1': 0 })).toEqual([10, 0, 0]);
  });

  it('3 percentage points above: 3 × 0.5 = 1.5', () => {
    const { item } = run(rubric, { '1.1': 0.03 });
    expect([num(item.score), num(item.deducted)]).toEqual([8.5, 1.5]);
    expect(item.trace).toEqual(['1.1 自费率高于低位区间的幅度：3%，高于 0% 3 个“1个百分点” → 3×0.5 = 扣1.5分', '10 − 1.5 = 8.5']);
  });

  it('3.5 points above, proportional (default): 3.5 × 0.5 = 1.75', () => {
    expect(sdo(rubric, { '1.1': 0.035 })).toEqual([8.25, 1.75, 0]);
  });

  it('最多扣5分: 12 points above would take 6; 5 taken, 1 kept back by the clause cap (not over the item’s 10)', () => {
    const { item } = run(rubric, { '1.1': 0.12 });
    expect([num(item.score), num(item.deducted), num(item.overCap), num(item.clauseCapped)]).toEqual([5, 6, 0, 1]);
    expect(item.trace[0]).toBe('1.1 自费率高于低位区间的幅度：12%，高于 0% 12 个“1个百分点” → 12×0.5 = 扣6分（最多扣5分，1分不计）');
  });

  it('missing is not achieved: the full 5 (the clause cap) taken', () => {
    const { result, item } = run(rubric, {});
    expect([num(item.score), num(item.deducted)]).toEqual([5, 5]);
    expect(result.missing).toEqual(['1.1']);
    expect(item.trace[0]).toBe('1.1 自费率高于低位区间的幅度：未填（缺失） → 按未达到计，扣5分');
  });
});

describe('linear — partialSteps "whole" counts only whole steps', () => {
  const rubric = rubricOf([A1], 10, { partialSteps: 'whole' });

  it('the default is proportional', () => {
    expect(rubricOf([A1], 10).partialSteps).toBe('proportional');
    expect(rubric.partialSteps).toBe('whole');
  });

  it('3.5 points above: 3 whole steps, 1.5 taken', () => {
    const { item } = run(rubric, { '1.1': 0.035 });
    expect([num(item.score), num(item.deducted)]).toEqual([8.5, 1.5]);
    expect(item.trace[0]).toContain('高于 0% 3 个“1个百分点” → 3×0.5 = 扣1.5分');
  });

  it('0.99 points above: no whole step, nothing taken', () => {
    expect(sdo(rubric, { '1.1': 0.0099 })).toEqual([10, 0, 0]);
  });

  it('exact whole steps are the same either way', () => {
    expect(sdo(rubric, { '1.1': 0.04 })).toEqual([8, 2, 0]);
  });
});

describe('linear — 威海 A6 method 1 “低位区间占比20%，每高于该区间1个百分点扣1分” (earned from 10)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'linear',
        effect: 'earn',
        base: 10,
        reference: 0.2,
        direction: 'above',
        step: 0.01,
        pointsPerStep: 1,
        text: '1、最小值低优，根据本市同级定点医疗机构检查、化验费用占比情况，合理设置低位区间（得满分），低位区间占比20%，每高于该区间1个百分点扣1分；',
        input: { id: '1.1', type: 'ratio', label: '检查、化验费用占比' },
      },
    ],
    10,
  );

  it('20% (in the low interval): 10', () => {
    expect(score(rubric, { '1.1': 0.2 })).toBe(10);
    expect(score(rubric, { '1.1': 0.15 })).toBe(10);
  });

  it('25%: 10 − 5×1 = 5', () => {
    const { item } = run(rubric, { '1.1': 0.25 });
    expect(num(item.score)).toBe(5);
    expect(item.trace[0]).toBe('1.1 检查、化验费用占比：25%，高于 20% 5 个“1个百分点” → 10 − 5×1 = 5分');
  });

  it('35%: never below 0', () => {
    expect(score(rubric, { '1.1': 0.35 })).toBe(0);
  });

  it('missing is not achieved: 0', () => {
    const { item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(item.trace[0]).toBe('1.1 检查、化验费用占比：未填（缺失） → 按未达到计，得0分');
  });
});

describe('linear — 威海 一级 B4 “得6分，每少10%的，减1分”', () => {
  const B4 = {
    kind: 'linear',
    effect: 'earn',
    base: 6,
    reference: 1,
    direction: 'below',
    step: 0.1,
    pointsPerStep: 1,
    text: '1.规范化管理系统与医保结算系统两病人员信息一致的 ，得6分，每少10%的，减1分；',
    input: { id: '1.1', type: 'ratio', label: '两病人员信息一致率' },
  };

  it('100%: 6', () => {
    expect(score(rubricOf([B4], 6), { '1.1': 1 })).toBe(6);
  });

  it('85%, proportional: 6 − 1.5×1 = 4.5', () => {
    const { item } = run(rubricOf([B4], 6), { '1.1': 0.85 });
    expect(num(item.score)).toBe(4.5);
    expect(item.trace[0]).toBe('1.1 两病人员信息一致率：85%，低于 100% 1.5 个“10个百分点” → 6 − 1.5×1 = 4.5分');
  });

  it('85%, whole steps: 6 − 1 = 5', () => {
    const { item } = run(rubricOf([B4], 6, { partialSteps: 'whole' }), { '1.1': 0.85 });
    expect(num(item.score)).toBe(5);
    expect(item.trace[0]).toContain('6 − 1×1 = 5分');
  });

  it('5%: never below 0', () => {
    expect(score(rubricOf([B4], 6), { '1.1': 0.05 })).toBe(0);
  });
});

describe('linear — schema', () => {
  it('an earning needs a base; a deduction must not have one', () => {
    expect(() => rubricOf([{ ...A1, effect: 'earn' }], 10)).toThrow(/earn 须给出 base/);
    expect(() => rubricOf([{ ...A1, base: 10 }], 10)).toThrow(/earn 须给出 base/);
  });
});

describe('linear — a blank', () => {
  it('威海 二级 A1 “最多扣5分” left blank: 按未达到计, the cap is deducted', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l2', '25.1');
    expect(means).toEqual({ zh: '不填视为未达到，扣5分', en: 'blank counts as not achieved: 5 deducted' });
    expect(clause.lines[0]).toMatch(/：未填（缺失） → 按未达到计，扣5分$/);
    expect(num(clause.deduct)).toBe(5);
  });
  it('威海 一级 B4 “得6分，每少10%的，减1分” left blank: not achieved, 0', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l1', '23.1');
    expect(means.zh).toBe('不填视为未达到，得0分');
    expect(clause.lines[0]).toMatch(/：未填（缺失） → 按未达到计，得0分$/);
  });
});
