// bestOf: 威海 A6 "1、…低位区间占比20%，每高于该区间1个百分点扣1分；2、比上年同期下降≥2%的，得10分；…
// 满足以上任意一条均可得分，按高分计算。"
import { describe, expect, it } from 'vitest';
import { evaluate, getRubric } from '../../../src/core';
import { blankOf, num, rubricOf, run, score } from './helpers';

const METHOD_1 = {
  kind: 'linear',
  effect: 'earn',
  base: 10,
  reference: 0.2,
  direction: 'above',
  step: 0.01,
  pointsPerStep: 1,
  text: '1、最小值低优，根据本市同级定点医疗机构检查、化验费用占比情况，合理设置低位区间（得满分），低位区间占比20%，每高于该区间1个百分点扣1分；',
  input: { id: '1.1', type: 'ratio', label: '检查、化验费用占比' },
};
const METHOD_2 = {
  kind: 'table',
  rows: [
    { op: '<=', value: -0.02, points: 10 },
    { op: '=', value: 0, points: 7 },
    { op: '<=', value: 0.02, points: 5 },
  ],
  otherwise: 0,
  text: '2、比上年同期下降≥2%的，得10分；与去年持平的、得7分，检查、化验费用占总费用比例的增幅≤2%的，得5分,大于2%的不得分；',
  input: { id: '1.2', type: 'signedRatio', label: '检查、化验费用占比的增幅' },
};
const A6 = { kind: 'bestOf', text: '满足以上任意一条均可得分，按高分计算。', methods: [METHOD_1, METHOD_2] };

describe('bestOf — 威海 A6 “满足以上任意一条均可得分，按高分计算” (10 points)', () => {
  const rubric = rubricOf([A6], 10);

  it('method 1 gives 5 (25%), method 2 gives 7 (持平): the higher, 7, with both in the trace', () => {
    const { item } = run(rubric, { '1.1': 0.25, '1.2': 0 });
    expect(num(item.score)).toBe(7);
    expect(item.trace.slice(0, 3)).toEqual([
      '方法1：1.1 检查、化验费用占比：25%，高于 20% 5 个“1个百分点” → 10 − 5×1 = 5分',
      '方法2：1.2 检查、化验费用占比的增幅：0%（= 0%）→ 得7分',
      '按高分计算：max(5, 7) = 7分',
    ]);
  });

  it('method 1 higher (20% → 10) than method 2 (rise 3% → 0): 10', () => {
    expect(score(rubric, { '1.1': 0.2, '1.2': 0.03 })).toBe(10);
  });

  it('only one method given: it counts, and the other is not asked for', () => {
    const one = run(rubric, { '1.2': -0.02 });
    expect(num(one.item.score)).toBe(10);
    expect(one.result.missing).toEqual([]);
    const other = run(rubric, { '1.1': 0.22 });
    expect(num(other.item.score)).toBe(8);
    expect(other.result.missing).toEqual([]);
  });

  it('neither given: 0, both listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1', '1.2']);
  });

  it('the schema refuses a deducting method', () => {
    const deducting = { ...METHOD_1, effect: 'deduct', base: undefined, cap: 5 };
    expect(() => rubricOf([{ ...A6, methods: [deducting, METHOD_2] }], 10)).toThrow(/按高分计算的各方法须为得分方法/);
  });
});

describe('bestOf — a blank', () => {
  it('威海 二级 A6: a blank method counts 0, the other method’s score counts', () => {
    const { means } = blankOf('weihai-2021-hospital-l2', '30.1');
    expect(means.zh).toBe('不填视为此方法未达到（得0分），按其他方法的高分计');
    const a6 = evaluate(getRubric('weihai-2021-hospital-l2'), { '30.2': -0.03 }).items.find((i) => i.id === '30')!;
    expect(a6.clauses[0]!.lines[0]).toMatch(/^方法1：30\.1 .+：未填（缺失） → 按未达到计，得0分$/);
    expect(num(a6.score)).toBe(10);
    expect(a6.missing).toEqual([]);
  });
});
