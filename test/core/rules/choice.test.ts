// choice: 威海 B6 "按期完成工作得10分，按期完成工作但效果较差的得5分，其余情况不得分";
// 威海 一级 B3 等次 优秀/良好/一般/不合格 (得分100/80/60/0, then "按得分的百分数×30分").
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, score } from './helpers';

describe('choice — 威海 B6 “按期完成工作得10分，按期完成工作但效果较差的得5分，其余情况不得分”', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'choice',
        points: [10, 5, 0],
        text: '按期完成工作得10分，按期完成工作但效果较差的得5分，其余情况不得分。',
        input: { id: '1.1', type: 'choice', label: '智能监控工作完成情况', options: ['按期完成工作', '按期完成工作但效果较差', '其余情况'] },
      },
    ],
    10,
  );

  it('按期完成工作: 10', () => {
    expect(score(rubric, { '1.1': '按期完成工作' })).toBe(10);
    expect(score(rubric, { '1.1': 1 })).toBe(10);
  });

  it('按期完成工作但效果较差: 5, with the choice in the trace', () => {
    const { item } = run(rubric, { '1.1': '按期完成工作但效果较差' });
    expect(num(item.score)).toBe(5);
    expect(item.trace[0]).toBe('1.1 智能监控工作完成情况：按期完成工作但效果较差 → 得5分');
  });

  it('其余情况: 不得分', () => {
    expect(score(rubric, { '1.1': '其余情况' })).toBe(0);
    expect(score(rubric, { '1.1': '3' })).toBe(0);
  });

  it('missing earns nothing, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
  });

  it('an option not printed is reported naming 1.1', () => {
    expect(problems(rubric, { '1.1': '提前完成' })).toEqual([
      ['1.1', '1.1（智能监控工作完成情况）应为以下之一：1=按期完成工作，2=按期完成工作但效果较差，3=其余情况；收到的是 “提前完成”'],
    ]);
  });

  it('the schema refuses options and points of different lengths', () => {
    expect(() =>
      rubricOf([{ kind: 'choice', points: [10, 5], text: 'x', input: { id: '1.1', type: 'choice', label: 'x', options: ['a', 'b', 'c'] } }], 10),
    ).toThrow(/选项数与分值数不一致/);
  });
});

describe('choice — 威海 一级 B3 等次 “优秀…得分100；良好…得分80；一般…得分60；不合格，得0分” ×30%', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'choice',
        points: [30, 24, 18, 0],
        text: '2.考核结果根据得分由高到低排名，分别为优秀，占比20%，得分100；良好，占比60%，得分80；一般，占比20%，得分60；不合格，得0分；',
        note: '每个等次的得分已按第4条“按得分的百分数×30分”折算：100→30，80→24，60→18。',
        input: { id: '1.1', type: 'choice', label: '基层服务等次', options: ['优秀', '良好', '一般', '不合格'] },
      },
    ],
    30,
  );

  it.each([
    ['优秀', 30],
    ['良好', 24],
    ['一般', 18],
    ['不合格', 0],
  ] as const)('%s: %d', (grade, expected) => {
    expect(score(rubric, { '1.1': grade })).toBe(expected);
  });
});

describe('choice — a blank', () => {
  it('威海 二级 B6 left blank: not achieved, 0', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l2', '40.1');
    expect(means.zh).toBe('不填视为未达到，得0分');
    expect(clause.lines).toEqual(['40.1 智能监控工作完成情况：未填（缺失） → 按未达到计，得0分']);
  });
});
