// table: 威海 A6 method 2 "比上年同期下降≥2%的，得10分；与去年持平的、得7分，检查、化验费用占总费用比例的
// 增幅≤2%的，得5分,大于2%的不得分". The input is the change (a fall of 2 points is -2%).
import { describe, expect, it } from 'vitest';
import { blankMeaningOf, getRubric } from '../../../src/core';
import { blankOf, num, problems, rubricOf, run, score } from './helpers';

const A6_2 = {
  kind: 'table',
  rows: [
    { op: '<=', value: -0.02, points: 10 },
    { op: '=', value: 0, points: 7 },
    { op: '<=', value: 0.02, points: 5 },
  ],
  otherwise: 0,
  text: '2、比上年同期下降≥2%的，得10分；与去年持平的、得7分，检查、化验费用占总费用比例的增幅≤2%的，得5分,大于2%的不得分；',
  input: { id: '1.1', type: 'signedRatio', label: '检查、化验费用占比的增幅' },
};

describe('table — 威海 A6 method 2 “下降≥2%的，得10分；…持平的、得7分，…增幅≤2%的，得5分,大于2%的不得分”', () => {
  const rubric = rubricOf([A6_2], 10);

  it('a fall of exactly 2% (≥2%): 10, with the row in the trace', () => {
    const { item } = run(rubric, { '1.1': -0.02 });
    expect(num(item.score)).toBe(10);
    expect(item.trace[0]).toBe('1.1 检查、化验费用占比的增幅：-2%（≤ -2%）→ 得10分');
    expect(score(rubric, { '1.1': '-2%' })).toBe(10);
    expect(score(rubric, { '1.1': -0.05 })).toBe(10);
  });

  it('持平 (0): 7', () => {
    expect(score(rubric, { '1.1': 0 })).toBe(7);
  });

  it('a fall of 1.99% is not ≥2%: it is an 增幅 ≤2%, 5 (as printed)', () => {
    expect(score(rubric, { '1.1': -0.0199 })).toBe(5);
  });

  it('a rise of exactly 2% (≤2%): 5', () => {
    expect(score(rubric, { '1.1': 0.02 })).toBe(5);
  });

  it('大于2%: 不得分, “其余情况” in the trace', () => {
    const { item } = run(rubric, { '1.1': 0.0201 });
    expect(num(item.score)).toBe(0);
    expect(item.trace[0]).toBe('1.1 检查、化验费用占比的增幅：2.01%（其余情况）→ 得0分');
  });

  it('missing earns nothing, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
  });

  it.each([
    ['-150%', '“-150%”'],
    [1.2, '1.2'],
    ['持平', '“持平”'],
  ] as const)('%j is not a change of a ratio: reported naming 1.1', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([
      ['1.1', `1.1（检查、化验费用占比的增幅）应为 -100% 到 100% 之间的比例（45% 填 45% 或 0.45），收到的是 ${shown}`],
    ]);
  });
});

describe('table — a blank', () => {
  it('威海 二级 A6 method 2 left blank: 按未达到计, 0', () => {
    const { clause } = blankOf('weihai-2021-hospital-l2', '30.2');
    expect(clause.lines[1]).toBe('方法2：30.2 检查、化验费用占比比上年同期的增幅：未填（缺失） → 按未达到计，得0分');
    const rule = getRubric('weihai-2021-hospital-l2')
      .items.find((i) => i.no === '30')!
      .rules.find((r) => r.kind === 'bestOf');
    expect(rule?.kind === 'bestOf' && rule.methods[1]!.kind).toBe('table');
  });
  it('a table clause of its own left blank: not achieved, 0', () => {
    const rubric = rubricOf([
      {
        kind: 'table',
        text: '比上年同期下降≥2%的，得10分',
        input: { id: '1.1', type: 'signedRatio', label: '增幅' },
        rows: [{ op: '<=', value: -0.02, points: 10 }],
        otherwise: 0,
      },
    ]);
    expect(blankMeaningOf(rubric, '1.1')?.zh).toBe('不填视为未达到，得0分');
    expect(run(rubric, {}).item.trace[0]).toBe('1.1 增幅：未填（缺失） → 按未达到计，得0分');
  });
});
