// perOccurrence: 江北 6 "发现一次扣1分，扣完为止", 江北 23.2 "每次1分" (capped at 2), 威海 D1 "每项加5分".
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, sdo } from './helpers';

const LABEL = '超支付标准销售谈判药品的次数';
const deduct = rubricOf(
  [
    {
      kind: 'perOccurrence',
      effect: 'deduct',
      points: 1,
      text: '超支付标准销售谈判药品的，发现一次扣1分，扣完为止。',
      input: { id: '1.1', type: 'count', label: LABEL, unit: '次' },
    },
  ],
  5,
);

describe('perOccurrence — 江北 6 “发现一次扣1分，扣完为止” (5 points)', () => {
  it('3 findings take 3 points: 5 − 3 = 2, with the arithmetic in the trace', () => {
    const { item } = run(deduct, { '1.1': 3 });
    expect([num(item.score), num(item.deducted), num(item.overCap)]).toEqual([2, 3, 0]);
    expect(item.trace).toEqual([`1.1 ${LABEL}：3 → 3次 × 1分 = 扣3分`, '5 − 3 = 2']);
  });

  it('0 findings: no deduction', () => {
    expect(sdo(deduct, { '1.1': 0 })).toEqual([5, 0, 0]);
  });

  it('扣完为止: 5 findings leave 0, no over-cap', () => {
    expect(sdo(deduct, { '1.1': 5 })).toEqual([0, 5, 0]);
  });

  it('扣完为止: 7 findings leave 0 and report the 2 points beyond the item as over-cap', () => {
    const { item } = run(deduct, { '1.1': 7 });
    expect([num(item.score), num(item.deducted), num(item.overCap)]).toEqual([0, 7, 2]);
    expect(item.trace[1]).toBe('5 − 7 = 0；扣完为止，2 分扣分超出单项分值未计');
  });

  it('a missing count is no finding, and is listed as missing', () => {
    const { result, item } = run(deduct, {});
    expect(num(item.score)).toBe(5);
    expect(result.missing).toEqual(['1.1']);
    expect(item.trace[0]).toBe(`1.1 ${LABEL}：未填（缺失）（按未发现计）`);
  });

  it('a count written as text digits ("3") is read as 3', () => {
    expect(sdo(deduct, { '1.1': '3' })).toEqual([2, 3, 0]);
  });

  it.each([
    ['三次', '“三次”'],
    [-1, '-1'],
    [1.5, '1.5'],
    ['45%', '“45%”'],
  ] as const)('%j is not a count: reported in Chinese naming 1.1, scored as no finding, not listed again as missing', (raw, shown) => {
    expect(problems(deduct, { '1.1': raw })).toEqual([['1.1', `1.1（${LABEL}）应为不小于0的整数（次数），收到的是 ${shown}`]]);
    const { result, item } = run(deduct, { '1.1': raw });
    expect(num(item.score)).toBe(5);
    expect(result.missing).toEqual([]); // reported once, as invalid
  });
});

describe('perOccurrence — clause caps', () => {
  it('江北 23.2 “正面形象2分（……每次1分）”: 3 occurrences earn 2, the third reported in earnedOverCap', () => {
    const earn = rubricOf(
      [
        {
          kind: 'perOccurrence',
          effect: 'earn',
          points: 1,
          cap: 2,
          text: '2.正面形象2分（受到群众书面表扬、接待医保相关部门调研等，每次1分）。',
          input: { id: '1.1', type: 'count', label: '表扬、调研次数' },
        },
      ],
      2,
    );
    const { item } = run(earn, { '1.1': 3 });
    expect([num(item.score), num(item.earned), num(item.earnedOverCap)]).toEqual([2, 3, 1]);
    expect(item.trace).toEqual(['1.1 表扬、调研次数：3 → 3次 × 1分 = 得3分（本条最多得2分，1分不计）', '得分 2 → 本项 2 分；超过上限的 1 分未计']);
    expect(num(run(earn, { '1.1': 1 }).item.score)).toBe(1);
    // missing: not achieved
    expect(num(run(earn, {}).item.score)).toBe(0);
  });

  it('a deduction clause with its own cap reports what the cap kept back as that clause’s cap, not as over the item', () => {
    const capped = rubricOf(
      [
        {
          kind: 'perOccurrence',
          effect: 'deduct',
          points: 1,
          cap: 3,
          text: '每次扣1分，最多扣3分。',
          input: { id: '1.1', type: 'count', label: '次数' },
        },
      ],
      10,
    );
    const { item } = run(capped, { '1.1': 5 });
    expect([num(item.score), num(item.deducted), num(item.overCap), num(item.clauseCapped)]).toEqual([7, 5, 0, 2]);
    expect([num(item.clauses[0]!.capped), num(item.clauses[0]!.cap!)]).toEqual([2, 3]);
    expect(item.trace).toEqual(['1.1 次数：5 → 5次 × 1分 = 扣5分（本条最多扣3分，2分不计）', '10 − 3 = 7']);
  });

  it('威海 D1 “获得市级以上表彰的，每项加5分” (bonus, 10 points): 3 awards earn 10, 5 over', () => {
    const d1 = rubricOf(
      [
        {
          kind: 'perOccurrence',
          effect: 'earn',
          points: 5,
          text: '面对疫情或重大卫生事件，积极承担社会责任，获得市级以上表彰的，每项加5分。',
          input: { id: '1.1', type: 'count', label: '市级以上表彰项数' },
        },
      ],
      10,
      { bonus: true },
    );
    const { result, item } = run(d1, { '1.1': 3 });
    expect([num(item.score), num(item.earned), num(item.earnedOverCap)]).toEqual([10, 15, 5]);
    expect(num(result.bonus)).toBe(10);
  });
});

describe('perOccurrence — a blank', () => {
  it('江北 6.1 (deduction) left blank: no finding, nothing deducted', () => {
    const { means, clause, item } = blankOf('cq-jiangbei-2025-hospital', '6.1');
    expect(means.zh).toBe('不填视为未发现，不扣分');
    expect(clause.lines).toEqual(['6.1 超支付标准销售谈判药品的次数：未填（缺失）（按未发现计）']);
    expect(num(item.score)).toBe(5);
  });
  it('江北 23.2 正面形象 (earning) left blank: not achieved, the clause earns nothing', () => {
    const { means, clause } = blankOf('cq-jiangbei-2025-hospital', '23.2');
    expect(means.zh).toBe('不填视为未达到，本条不得分');
    expect(clause.lines[0]).toBe('23.2 受到群众书面表扬、接待医保相关部门调研等的次数：未填（缺失）（按未达到计）');
    expect(num(clause.earn)).toBe(0);
  });
});
