// threshold: 江北 20 "药品网采率未达到90%的不得分" (< 0.9), 江北 18.1 "未达到50%的扣10分" (< 0.5),
// 江北 21 "占比30%的，得5分" (>= 0.3), 威海 C13 "超过1%的，扣5分" (> 0.01).
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, score, sdo } from './helpers';

describe('threshold — 江北 20 “药品网采率未达到90%的不得分” (10 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'threshold',
        effect: 'deduct',
        points: 'all',
        when: { op: '<', value: 0.9 },
        text: '药品网采率未达到90%的不得分',
        input: { id: '1.1', type: 'ratio', label: '药品网采率' },
      },
    ],
    10,
  );

  it('90% exactly has reached 90%: full points', () => {
    const { item } = run(rubric, { '1.1': 0.9 });
    expect(num(item.score)).toBe(10);
    expect(item.trace).toEqual(['1.1 药品网采率：90%（< 90% 不成立）', '10 − 0 = 10']);
  });

  it('89.99% has not: 不得分', () => {
    const { item } = run(rubric, { '1.1': 0.8999 });
    expect([num(item.score), num(item.deducted)]).toEqual([0, 10]);
    expect(item.trace).toEqual(['1.1 药品网采率：89.99%（< 90% 成立） → 不得分（扣10分）', '10 − 10 = 0']);
  });

  it('a missing rate is not achieved: 不得分, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(result.missing).toEqual(['1.1']);
    expect(item.trace[0]).toBe('1.1 药品网采率：未填（缺失）（按未达到计） → 不得分（扣10分）');
  });

  it.each([
    ['90%', 10],
    ['90.0%', 10],
    ['89%', 0],
    ['45%', 0],
    ['0.95', 10],
    [1, 10],
    [0, 0],
  ] as const)('%j is read as a ratio (score %d)', (raw, expected) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([]);
    expect(score(rubric, { '1.1': raw })).toBe(expected);
  });

  it.each([
    ['150%', '“150%”'],
    [1.5, '1.5'],
    [-0.1, '-0.1'],
    ['很高', '“很高”'],
    [true, 'true'],
  ] as const)('%j is not a ratio: reported in Chinese naming 1.1', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([
      ['1.1', `1.1（药品网采率）应为 0% 到 100% 之间的比例（45% 填 45% 或 0.45），收到的是 ${shown}`],
    ]);
  });
});

describe('threshold — 江北 18.1 “医保码结算笔数占总结算笔数未达到50%的扣10分” (20 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'threshold',
        effect: 'deduct',
        points: 10,
        when: { op: '<', value: 0.5 },
        text: '1.医保码结算笔数占总结算笔数未达到50%的扣10分；',
        input: { id: '1.1', type: 'ratio', label: '医保码结算占比' },
      },
    ],
    20,
  );

  it('50% exactly: no deduction', () => {
    expect(sdo(rubric, { '1.1': 0.5 })).toEqual([20, 0, 0]);
  });

  it('49.99%: 10 deducted', () => {
    expect(sdo(rubric, { '1.1': 0.4999 })).toEqual([10, 10, 0]);
    expect(run(rubric, { '1.1': 0.4999 }).item.trace[0]).toBe('1.1 医保码结算占比：49.99%（< 50% 成立） → 扣10分');
  });

  it('missing: not achieved, 10 deducted', () => {
    expect(sdo(rubric, {})).toEqual([10, 10, 0]);
  });
});

describe('threshold — 江北 21 “医保移动支付结算笔数占总结算笔数30%的，得5分” (earned)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'threshold',
        effect: 'earn',
        points: 5,
        when: { op: '>=', value: 0.3 },
        text: '医保移动支付结算笔数占总结算笔数30%的，得5分。',
        input: { id: '1.1', type: 'ratio', label: '医保移动支付占比' },
      },
    ],
    5,
  );

  it('30% earns 5', () => {
    const { item } = run(rubric, { '1.1': 0.3 });
    expect(num(item.score)).toBe(5);
    expect(item.trace[0]).toBe('1.1 医保移动支付占比：30%（≥ 30% 成立） → 得5分');
  });

  it('29.99% earns nothing', () => {
    expect(score(rubric, { '1.1': 0.2999 })).toBe(0);
  });

  it('missing earns nothing (not achieved)', () => {
    const { item } = run(rubric, {});
    expect(num(item.score)).toBe(0);
    expect(item.trace[0]).toBe('1.1 医保移动支付占比：未填（缺失）（按未达到计）');
  });
});

describe('threshold — 威海 C13 “超过1%的，扣5分” (> 0.01)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'threshold',
        effect: 'deduct',
        points: 5,
        when: { op: '>', value: 0.01 },
        text: '超过1%的，扣5分。',
        input: { id: '1.1', type: 'ratio', label: '网下应急采购占比' },
      },
    ],
    10,
  );

  it('1% exactly does not exceed 1%: no deduction', () => {
    expect(sdo(rubric, { '1.1': 0.01 })).toEqual([10, 0, 0]);
    expect(sdo(rubric, { '1.1': '1%' })).toEqual([10, 0, 0]);
  });

  it('1.01% exceeds: 5 deducted', () => {
    expect(sdo(rubric, { '1.1': 0.0101 })).toEqual([5, 5, 0]);
  });
});

describe('threshold — a blank', () => {
  it('江北 18.1 “未达到50%的扣10分” left blank: 按未达到计, 10 deducted', () => {
    const { means, clause } = blankOf('cq-jiangbei-2025-hospital', '18.1');
    expect(means).toEqual({ zh: '不填视为未达到，扣10分', en: 'blank counts as not achieved: 10 deducted' });
    expect(clause.lines[0]).toBe('18.1 医保码结算笔数占总结算笔数的比例：未填（缺失）（按未达到计） → 扣10分');
    expect(num(clause.deduct)).toBe(10);
  });
  it('江北 20 “未达到90%的不得分” left blank: 不得分', () => {
    const { means, item } = blankOf('cq-jiangbei-2025-hospital', '20.1');
    expect(means.zh).toBe('不填视为未达到，不得分');
    expect(num(item.score)).toBe(0);
  });
  it('江北 21 “占比30%的，得5分” left blank: the 5 points are not earned', () => {
    const { means, clause } = blankOf('cq-jiangbei-2025-hospital', '21.1');
    expect(means.zh).toBe('不填视为未达到，不得5分');
    expect(clause.lines[0]).toMatch(/：未填（缺失）（按未达到计）$/);
  });
});
