// allOf: 江北 22 "外购处方中电子处方开方量占总开方量20%、电子处方结算量占总结算量50%的，得5分";
// 江北 药店 14 adds a yes/no part "接入医保电子处方流转平台" and "85%以上 … 70%以上".
import { describe, expect, it } from 'vitest';
import { blankOf, num, rubricOf, run, score } from './helpers';

describe('allOf — 江北 22 “…开方量占总开方量20%、…结算量占总结算量50%的，得5分”', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'allOf',
        points: 5,
        text: '外购处方中电子处方开方量占总开方量20%、电子处方结算量占总结算量50%的，得5分。',
        parts: [
          { input: { id: '1.1', type: 'ratio', label: '电子处方开方量占比' }, op: '>=', value: 0.2 },
          { input: { id: '1.2', type: 'ratio', label: '电子处方结算量占比' }, op: '>=', value: 0.5 },
        ],
      },
    ],
    5,
  );

  it('both reached at the printed numbers (20%, 50%): 5', () => {
    const { item } = run(rubric, { '1.1': 0.2, '1.2': 0.5 });
    expect(num(item.score)).toBe(5);
    expect(item.trace).toEqual([
      '1.1 电子处方开方量占比：20%（≥ 20% 达到）',
      '1.2 电子处方结算量占比：50%（≥ 50% 达到）',
      '全部达到 → 得5分',
      '得分 5 → 本项 5 分',
    ]);
  });

  it('the first short (19.99%): nothing', () => {
    expect(score(rubric, { '1.1': 0.1999, '1.2': 0.9 })).toBe(0);
  });

  it('the second short (49.99%): nothing, the trace says which', () => {
    const { item } = run(rubric, { '1.1': 0.9, '1.2': 0.4999 });
    expect(num(item.score)).toBe(0);
    expect(item.trace.slice(1, 3)).toEqual(['1.2 电子处方结算量占比：49.99%（≥ 50% 未达到）', '未全部达到 → 不得分']);
  });

  it('a missing part is not achieved, and listed as missing', () => {
    const { result, item } = run(rubric, { '1.1': 0.9 });
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.2']);
  });
});

describe('allOf — 江北 药店 14 “接入医保电子处方流转平台，…85%以上，…70%以上的得5分”', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'allOf',
        points: 5,
        text: '接入医保电子处方流转平台，电子处方开方量占总开方量85%以上，电子处方结算量占总结算量70%以上的得5分。',
        parts: [
          { input: { id: '1.1', type: 'boolean', label: '接入医保电子处方流转平台' } },
          { input: { id: '1.2', type: 'ratio', label: '电子处方开方量占比' }, op: '>=', value: 0.85 },
          { input: { id: '1.3', type: 'ratio', label: '电子处方结算量占比' }, op: '>=', value: 0.7 },
        ],
      },
    ],
    5,
  );

  it('接入, 85% and 70% exactly (以上 includes the number): 5', () => {
    const { item } = run(rubric, { '1.1': '是', '1.2': '85%', '1.3': 0.7 });
    expect(num(item.score)).toBe(5);
    expect(item.trace[0]).toBe('1.1 接入医保电子处方流转平台：是（达到）');
  });

  it('未接入 with both rates high: nothing', () => {
    expect(score(rubric, { '1.1': '否', '1.2': 1, '1.3': 1 })).toBe(0);
  });

  it('接入 but 84.99%: nothing', () => {
    expect(score(rubric, { '1.1': true, '1.2': 0.8499, '1.3': 1 })).toBe(0);
  });

  it('接入 left blank: not achieved', () => {
    expect(score(rubric, { '1.2': 1, '1.3': 1 })).toBe(0);
  });

  it('the schema refuses a yes/no part with a comparison', () => {
    const bad = {
      kind: 'allOf',
      points: 5,
      text: 'x',
      parts: [
        { input: { id: '1.1', type: 'boolean', label: 'a' }, op: '>=', value: 1 },
        { input: { id: '1.2', type: 'ratio', label: 'b' }, op: '>=', value: 0.5 },
      ],
    };
    expect(() => rubricOf([bad], 5)).toThrow(/是\/否条件不带比较/);
  });
});

describe('allOf — a blank', () => {
  it('江北 22 left blank: each blank part 按未达到计, the 5 points not earned', () => {
    const { means, clause } = blankOf('cq-jiangbei-2025-hospital', '22.1');
    expect(means.zh).toBe('不填视为未达到，不得5分');
    expect(clause.lines).toEqual([
      '22.1 外购处方中电子处方开方量占总开方量的比例：未填（缺失）（≥ 20% 按未达到计）',
      '22.2 电子处方结算量占总结算量的比例：未填（缺失）（≥ 50% 按未达到计）',
      '未全部达到 → 不得分',
    ]);
  });
});
