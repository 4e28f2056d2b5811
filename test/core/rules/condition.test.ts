// condition: "未达到...的扣10分" (江北 18.2), "未如实填报相关数据的不得分" (江北 8, points "all"),
// "提交影像资料佐证...得2分" (江北 5, earned).
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, sdo } from './helpers';

describe('condition — 江北 18.2 “2024年12月底未实现医保码全流程应用的扣10分” (20 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'condition',
        effect: 'deduct',
        points: 10,
        text: '2.2024年12月底未实现医保码全流程应用的扣10分。',
        input: { id: '1.1', type: 'boolean', label: '未实现医保码全流程应用' },
      },
    ],
    20,
  );

  it('是 takes 10: 20 − 10 = 10', () => {
    const { item } = run(rubric, { '1.1': '是' });
    expect([num(item.score), num(item.deducted)]).toEqual([10, 10]);
    expect(item.trace).toEqual(['1.1 未实现医保码全流程应用：是 → 扣10分', '20 − 10 = 10']);
  });

  it('否 takes nothing', () => {
    expect(sdo(rubric, { '1.1': '否' })).toEqual([20, 0, 0]);
  });

  it('missing is no finding, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(20);
    expect(result.missing).toEqual(['1.1']);
  });

  it.each([[true], ['TRUE'], [1], ['是']])('%j is 是', (raw) => {
    expect(sdo(rubric, { '1.1': raw })).toEqual([10, 10, 0]);
  });

  it('a number other than 1/0 is not a yes/no: reported naming 1.1', () => {
    expect(problems(rubric, { '1.1': 10 })).toEqual([['1.1', '1.1（未实现医保码全流程应用）应填“是”或“否”，收到的是 10']]);
  });
});

describe('condition — 江北 8 “未如实填报相关数据的不得分” (points "all", 2 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'condition',
        effect: 'deduct',
        points: 'all',
        text: '未如实填报相关数据的不得分。（职工医保）',
        input: { id: '1.1', type: 'boolean', label: '职工医保数据未如实填报' },
      },
      {
        kind: 'condition',
        effect: 'deduct',
        points: 'all',
        text: '未如实填报相关数据的不得分。（居民医保）',
        input: { id: '1.2', type: 'boolean', label: '居民医保数据未如实填报' },
      },
    ],
    2,
  );

  it('是 takes the whole item: 不得分', () => {
    const { item } = run(rubric, { '1.1': true, '1.2': false });
    expect([num(item.score), num(item.deducted), num(item.overCap)]).toEqual([0, 2, 0]);
    expect(item.trace[0]).toBe('1.1 职工医保数据未如实填报：是 → 不得分（扣2分）');
  });

  it('both rows 未如实填报: 0 because the text says 不得分, not a deduction over the item’s points', () => {
    const { item } = run(rubric, { '1.1': true, '1.2': true });
    expect([num(item.score), num(item.deducted), num(item.overCap)]).toEqual([0, 4, 0]);
    expect(item.trace[2]).toBe('2 − 4 = 0；按第1条“不得分”计 0 分，不属扣分超过单项分值');
  });

  it('both 如实填报: full points', () => {
    expect(sdo(rubric, { '1.1': false, '1.2': false })).toEqual([2, 0, 0]);
  });
});

describe('condition — 江北 5 “提交影像资料佐证参保政策宣传情况得2分” (earned, 4 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'condition',
        effect: 'earn',
        points: 2,
        text: '1.提交影像资料佐证参保政策宣传情况得2分；',
        input: { id: '1.1', type: 'boolean', label: '提交参保政策宣传影像资料' },
      },
      {
        kind: 'condition',
        effect: 'earn',
        points: 2,
        text: '2.提交影像资料佐证待遇政策宣传情况得2分。',
        input: { id: '1.2', type: 'boolean', label: '提交待遇政策宣传影像资料' },
      },
    ],
    4,
  );

  it('both submitted: 4', () => {
    const { item } = run(rubric, { '1.1': '是', '1.2': '是' });
    expect(num(item.score)).toBe(4);
    expect(item.trace).toEqual(['1.1 提交参保政策宣传影像资料：是 → 得2分', '1.2 提交待遇政策宣传影像资料：是 → 得2分', '得分 4 → 本项 4 分']);
  });

  it('one submitted: 2', () => {
    expect(num(run(rubric, { '1.1': '是', '1.2': '否' }).item.score)).toBe(2);
  });

  it('missing is not achieved: 0, both listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1', '1.2']);
  });
});

describe('condition — a blank', () => {
  it('江北 7.1 “…不得分” (deduction) left blank: no finding', () => {
    const { means, clause, item } = blankOf('cq-jiangbei-2025-hospital', '7.1');
    expect(means).toEqual({ zh: '不填视为未发现，不扣分', en: 'blank counts as no finding: nothing deducted' });
    expect(clause.lines[0]).toMatch(/：未填（缺失）（按未发现计）$/);
    expect(num(item.score)).toBe(4);
  });
  it('江北 5.1 “提交影像资料佐证…得2分” (earning) left blank: not achieved', () => {
    const { means, clause } = blankOf('cq-jiangbei-2025-hospital', '5.1');
    expect(means.zh).toBe('不填视为未达到，不得2分');
    expect(clause.lines[0]).toBe('5.1 提交影像资料佐证参保政策宣传情况：未填（缺失）（按未达到计）');
    expect(num(clause.earn)).toBe(0);
  });
});
