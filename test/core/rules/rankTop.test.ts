// rankTop: 江北 23.1 "医保业务办理量排名前3加3分（以月报为准，未及时报送不纳入统计）",
// 威海 B7 "全市率先完成院端编码映射及应用工作的前13家定点医疗机构得10分，其余情况不得分".
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, score } from './helpers';

describe('rankTop — 江北 23.1 “医保业务办理量排名前3加3分”', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'rankTop',
        top: 3,
        points: 3,
        text: '1.医保业务办理量排名前3加3分（以月报为准，未及时报送不纳入统计）；',
        input: { id: '1.1', type: 'rank', label: '医保业务办理量排名' },
      },
    ],
    3,
  );

  it('1st and 3rd are in the first 3: 3', () => {
    expect(score(rubric, { '1.1': 1 })).toBe(3);
    const { item } = run(rubric, { '1.1': 3 });
    expect(num(item.score)).toBe(3);
    expect(item.trace[0]).toBe('1.1 医保业务办理量排名：3（前3名之内）→ 得3分');
  });

  it('4th is not: 0', () => {
    const { item } = run(rubric, { '1.1': 4 });
    expect(num(item.score)).toBe(0);
    expect(item.trace[0]).toBe('1.1 医保业务办理量排名：4（前3名之外）→ 得0分');
  });

  it('未及时报送不纳入统计 (no rank): 0, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [2.5, '2.5'],
    ['第一', '“第一”'],
  ] as const)('%j is not a place: reported naming 1.1', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([['1.1', `1.1（医保业务办理量排名）应为不小于1的整数（名次），收到的是 ${shown}`]]);
  });
});

describe('rankTop — 威海 B7 “前13家定点医疗机构得10分，其余情况不得分”', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'rankTop',
        top: 13,
        points: 10,
        text: '全市率先完成院端编码映射及应用工作的前13家定点医疗机构得10分，其余情况不得分。',
        input: { id: '1.1', type: 'rank', label: '完成院端编码映射的名次' },
      },
    ],
    10,
  );

  it('13th: 10; 14th: 0', () => {
    expect(score(rubric, { '1.1': 13 })).toBe(10);
    expect(score(rubric, { '1.1': 14 })).toBe(0);
  });
});

describe('rankTop — a blank', () => {
  it('江北 23.1 “排名前3加3分” left blank: not achieved', () => {
    const { means, clause } = blankOf('cq-jiangbei-2025-hospital', '23.1');
    expect(means.zh).toBe('不填视为未达到，不得3分');
    expect(clause.lines).toEqual(['23.1 医保业务办理量排名（以月报为准）：未填（缺失）（按未达到计）→ 得0分']);
  });
});
