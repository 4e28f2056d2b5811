// manual: 威海 B5 "按当年度医保信用评价指标体系标准确定" (20 points): the points from the other instrument,
// entered as they are, within [0, 20].
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, score } from './helpers';

const B5 = {
  kind: 'manual',
  text: '按当年度医保信用评价指标体系标准确定。',
  input: { id: '1.1', type: 'points', label: '医保信用评价得分', max: 20 },
};

describe('manual — 威海 B5 “按当年度医保信用评价指标体系标准确定”', () => {
  const rubric = rubricOf([B5], 20);

  it('17.5 entered: 17.5, shown in the trace', () => {
    const { item } = run(rubric, { '1.1': 17.5 });
    expect(num(item.score)).toBe(17.5);
    expect(item.trace[0]).toBe('1.1 医保信用评价得分：17.5 → 得17.5分');
  });

  it('0 and 20 (the bounds) are valid', () => {
    expect(score(rubric, { '1.1': 0 })).toBe(0);
    expect(score(rubric, { '1.1': 20 })).toBe(20);
    expect(score(rubric, { '1.1': '20' })).toBe(20);
  });

  it('missing earns nothing, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
  });

  it.each([
    [21, '21'],
    [-1, '-1'],
    ['45%', '“45%”'],
    ['良好', '“良好”'],
    [true, 'true'],
  ] as const)('%j is outside [0, 20]: reported naming 1.1, and earns nothing', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([['1.1', `1.1（医保信用评价得分）应为0 到 20 之间的数，收到的是 ${shown}`]]);
    expect(score(rubric, { '1.1': raw })).toBe(0);
  });

  it('the schema requires the maximum', () => {
    expect(() => rubricOf([{ ...B5, input: { id: '1.1', type: 'points', label: 'x' } }], 20)).toThrow();
  });
});

describe('manual — a blank', () => {
  it('威海 二级 B5 left blank: 0 points', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l2', '34.1');
    expect(means).toEqual({ zh: '不填按0分计', en: 'blank counts as 0 points' });
    expect(clause.lines).toEqual(['34.1 按医保信用评价确定的得分：未填（缺失） → 按0分计，得0分']);
  });
});
