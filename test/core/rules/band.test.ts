// band: 威海 A3 "从低到高依次平均划分为三个区间，第一区间得满分；第二区间扣2分；第三区间扣4分",
// 威海 A5 "…四个区间，第一区间得满分；第二区间扣3分；第三区间扣5分，第四区间扣8分".
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, sdo } from './helpers';

const A3 = {
  kind: 'band',
  deductions: [0, 2, 4],
  cutPoints: '从低到高依次平均划分为三个区间',
  text: '2.各统筹区根据本地同级定点医疗机构增长率分布情况，从低到高依次平均划分为三个区间，第一区间得满分；第二区间扣2分；第三区间扣4分；',
  input: { id: '1.1', type: 'band', label: '门诊次均费用增长率所在区间', options: ['第一区间', '第二区间', '第三区间'] },
};

describe('band — 威海 A3 “第一区间得满分；第二区间扣2分；第三区间扣4分” (10 points)', () => {
  const rubric = rubricOf([A3], 10);

  it('第一区间: full points', () => {
    expect(sdo(rubric, { '1.1': '第一区间' })).toEqual([10, 0, 0]);
    expect(run(rubric, { '1.1': 1 }).item.trace[0]).toBe('1.1 门诊次均费用增长率所在区间：第一区间 → 不扣分');
  });

  it('第二区间 (by label or by position 2): 2 taken', () => {
    expect(sdo(rubric, { '1.1': '第二区间' })).toEqual([8, 2, 0]);
    expect(sdo(rubric, { '1.1': 2 })).toEqual([8, 2, 0]);
    expect(run(rubric, { '1.1': 2 }).item.trace).toEqual(['1.1 门诊次均费用增长率所在区间：第二区间 → 扣2分', '10 − 2 = 8']);
  });

  it('第三区间: 4 taken', () => {
    expect(sdo(rubric, { '1.1': '第三区间' })).toEqual([6, 4, 0]);
  });

  it('a missing band counts as the last (not achieved), listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(6);
    expect(result.missing).toEqual(['1.1']);
    expect(item.trace[0]).toBe('1.1 门诊次均费用增长率所在区间：未填（缺失），按第三区间计 → 扣4分');
  });

  it.each([
    [4, '4'],
    [0, '0'],
    [1.5, '1.5'],
    ['第四区间', '“第四区间”'],
  ] as const)('%j is not one of the bands: reported naming 1.1', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([
      ['1.1', `1.1（门诊次均费用增长率所在区间）应为以下之一：1=第一区间，2=第二区间，3=第三区间；收到的是 ${shown}`],
    ]);
  });

  it('the schema refuses bands and deductions of different lengths', () => {
    expect(() => rubricOf([{ ...A3, deductions: [0, 2] }], 10)).toThrow(/区间数与扣分数不一致/);
  });
});

describe('band — 威海 A5 “第四区间扣8分” (10 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'band',
        deductions: [0, 3, 5, 8],
        cutPoints: '从低到高依次平均划分为四个区间',
        text: '2.各统筹区根据本地同级定点医疗机构增长率分布情况，从低到高依次平均划分为四个区间，第一区间得满分；第二区间扣3分；第三区间扣5分，第四区间扣8分。',
        input: { id: '1.1', type: 'band', label: '医疗费用总额增长率所在区间', options: ['第一区间', '第二区间', '第三区间', '第四区间'] },
      },
    ],
    10,
  );

  it('第三区间: 5 taken; 第四区间: 8 taken', () => {
    expect(sdo(rubric, { '1.1': '第三区间' })).toEqual([5, 5, 0]);
    expect(sdo(rubric, { '1.1': '第四区间' })).toEqual([2, 8, 0]);
  });
});

describe('band — a blank', () => {
  it('威海 一级 A3 left blank: the last interval', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l1', '26.1');
    expect(means).toEqual({ zh: '不填按最后一档（第三区间）计，扣4分', en: 'blank counts as the last interval (第三区间): 4 deducted' });
    expect(clause.lines[0]).toBe('26.1 门诊次均费用增长率所在区间：未填（缺失），按第三区间计 → 扣4分');
    expect(num(clause.deduct)).toBe(4);
  });
});
