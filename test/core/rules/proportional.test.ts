// proportional: 威海 B4 "按《威海市医保工作站考核评分表》所得分数的百分数×30分。例：得分85，最终分数为：85%×30=25.5",
// 威海 B3 "评分分值=满意度×10分，评价人数占住院参保患者总数的15%视为有效；…10%-15%，评分分值×50%；
// …10%以下的不得分" and "评分分值=好评率×4分，未被抽取电话回访的医院得4分".
import { describe, expect, it } from 'vitest';
import { evaluate, getRubric } from '../../../src/core';
import { blankOf, num, problems, rubricOf, run, score } from './helpers';

describe('proportional — 威海 B4 “所得分数的百分数×30分” (a 0–100 score)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'proportional',
        scale: 100,
        points: 30,
        text: '按照《威海市医保工作站考核评分表》所得分数的百分数×30分。',
        input: { id: '1.1', type: 'number', label: '医保工作站考核得分', min: 0, max: 100 },
      },
    ],
    30,
  );

  it('the printed example: 得分85 → 85%×30=25.5', () => {
    const { item } = run(rubric, { '1.1': 85 });
    expect(num(item.score)).toBe(25.5);
    expect(item.trace[0]).toBe('1.1 医保工作站考核得分：85 → 85% × 30 = 25.5分');
  });

  it('100 → 30, 0 → 0', () => {
    expect(score(rubric, { '1.1': 100 })).toBe(30);
    expect(score(rubric, { '1.1': 0 })).toBe(0);
  });

  it('missing earns nothing, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
  });

  it.each([
    [101, '101'],
    ['85%', '“85%”'],
    ['八十五', '“八十五”'],
  ] as const)('%j is outside the 0–100 score: reported naming 1.1', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([['1.1', `1.1（医保工作站考核得分）应为0 到 100 之间的数，收到的是 ${shown}`]]);
  });
});

describe('proportional — 威海 B3 “评分分值=满意度×10分” with the sample-size factor', () => {
  // "15%视为有效" → factor 1 from 15%; "10%-15%，评分分值×50%" → factor 0.5 from 10%; "10%以下的不得分" → 0.
  // (At exactly 10% the text says both "10%-15%" and "10%以下"; these bands give the 50% reading.)
  const rubric = rubricOf(
    [
      {
        kind: 'proportional',
        scale: 1,
        points: 10,
        text: '1.满意度测评：评分分值=满意度×10分，评价人数占住院参保患者总数的15%视为有效；评价人数占参保患者总数的10%-15%，评分分值×50%；评价人数占参保患者总数的10%以下的不得分。',
        input: { id: '1.1', type: 'ratio', label: '满意度' },
        sampleFactor: {
          input: { id: '1.2', type: 'ratio', label: '评价人数占住院参保患者总数的比例' },
          bands: [
            { min: 0.15, factor: 1 },
            { min: 0.1, factor: 0.5 },
          ],
        },
      },
    ],
    10,
  );

  it('满意度 90%, sample 15% (valid): 0.9 × 10 = 9', () => {
    const { item } = run(rubric, { '1.1': 0.9, '1.2': 0.15 });
    expect(num(item.score)).toBe(9);
    expect(item.trace.slice(0, 2)).toEqual(['1.1 满意度：90% → 0.9 × 10 = 9 × 1 = 9分', '1.2 评价人数占住院参保患者总数的比例：15% → 系数 1']);
  });

  it('sample 14.99% (10%-15%): ×50% = 4.5', () => {
    expect(score(rubric, { '1.1': 0.9, '1.2': 0.1499 })).toBe(4.5);
  });

  it('sample 10%: ×50% = 4.5', () => {
    expect(score(rubric, { '1.1': 0.9, '1.2': 0.1 })).toBe(4.5);
  });

  it('sample 9.99% (10%以下): 不得分', () => {
    expect(score(rubric, { '1.1': 0.9, '1.2': 0.0999 })).toBe(0);
  });

  it('sample missing: factor 0, listed as missing', () => {
    const { result, item } = run(rubric, { '1.1': 0.9 });
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.2']);
  });
});

describe('proportional — 威海 B3 “评分分值=好评率×4分，未被抽取电话回访的医院得4分”', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'proportional',
        scale: 1,
        points: 4,
        text: '2.电话回访：评分分值=好评率×4分，未被抽取电话回访的医院得4分。',
        input: { id: '1.1', type: 'ratio', label: '好评率' },
        notSampled: { input: { id: '1.2', type: 'boolean', label: '未被抽取电话回访' } },
      },
    ],
    4,
  );

  it('好评率 75%: 0.75 × 4 = 3', () => {
    expect(score(rubric, { '1.1': 0.75, '1.2': '否' })).toBe(3);
  });

  it('未被抽取电话回访: 4, and the rate is not asked for', () => {
    const { result, item } = run(rubric, { '1.2': '是' });
    expect(num(item.score)).toBe(4);
    expect(result.missing).toEqual([]);
    expect(item.trace[0]).toBe('1.2 未被抽取电话回访：是 → 得4分');
  });

  it('nothing entered: 0, only the rate is missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
  });
});

describe('proportional — a blank', () => {
  it('威海 二级 B3 满意度 left blank: not achieved, 0', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l2', '21.1');
    expect(means.zh).toBe('不填视为未达到，得0分');
    expect(clause.lines).toEqual(['21.1 满意度：未填（缺失） → 按未达到计，得0分']);
  });
  it('威海 二级 B3 评价人数占比 left blank (满意度 given): factor 0', () => {
    const { means } = blankOf('weihai-2021-hospital-l2', '21.2');
    expect(means.zh).toBe('不填视为未达到，系数为0，不得分');
    const b3 = evaluate(getRubric('weihai-2021-hospital-l2'), { '21.1': 0.9 }).items.find((i) => i.id === '21')!;
    expect(b3.clauses[0]!.lines[1]).toMatch(/：未填（缺失） → 按未达到计，系数 0$/);
    expect(num(b3.clauses[0]!.earn)).toBe(0);
  });
  it('威海 二级 B3 未被抽取电话回访 left blank: drawn, the rate decides', () => {
    expect(blankOf('weihai-2021-hospital-l2', '21.4').means.zh).toBe('不填视为已被抽取，按满意度计分');
    expect(blankOf('weihai-2021-hospital-l2', '21.3').means.zh).toBe('不填视为未达到，得0分（未被抽取的除外）');
  });
});
