// veto: 江北 1 "未缴纳罚金的不签订协议", 出现否决项得分为0.
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, rubricOfItems, run } from './helpers';

const VETO = { kind: 'veto', text: '未缴纳罚金的不签订协议。', input: { id: '1.1', type: 'boolean', label: '未缴纳罚金' } };

// item 1 is the veto (points "/"), item 2 an ordinary 10-point deduction item
const rubric = rubricOfItems([
  { points: null, rules: [VETO] },
  {
    points: 10,
    rules: [
      { kind: 'perOccurrence', effect: 'deduct', points: 1, text: '发现一次扣1分，扣完为止。', input: { id: '2.1', type: 'count', label: '次数' } },
    ],
  },
]);

describe('veto — 江北 1 “未缴纳罚金的不签订协议”', () => {
  it('未缴纳罚金 = 是 vetoes: total 0, the item named, the score before the veto kept', () => {
    const { result, item } = run(rubric, { '1.1': true, '2.1': 2 });
    expect(result.veto).toBe(true);
    expect(num(result.total)).toBe(0);
    expect(result.vetoItems).toEqual(['1']);
    expect(num(result.totalBeforeVeto)).toBe(8);
    expect(item.veto).toBe(true);
    expect(item.trace).toEqual(['1.1 未缴纳罚金：是 → 否决项', '触发否决项：出现否决项得分为0']);
  });

  it('未缴纳罚金 = 否 is no finding: the other items count', () => {
    const { result, item } = run(rubric, { '1.1': false, '2.1': 2 });
    expect(result.veto).toBe(false);
    expect(result.vetoItems).toEqual([]);
    expect(num(result.total)).toBe(8);
    expect(item.trace).toEqual(['1.1 未缴纳罚金：否', '否决项未触发']);
  });

  it('a missing fact is no finding, and is listed as missing', () => {
    const { result, item } = run(rubric, { '2.1': 0 });
    expect(result.veto).toBe(false);
    expect(num(result.total)).toBe(10);
    expect(result.missing).toEqual(['1.1']);
    expect(item.trace[0]).toBe('1.1 未缴纳罚金：未填（缺失）（按未发现计）');
  });

  it.each([true, '是', 'TRUE', 'true', 1, '1', 'yes', '√', ' 是 '])('%j reads as 是 (veto)', (raw) => {
    const { result } = run(rubric, { '1.1': raw, '2.1': 0 });
    expect(result.invalid).toEqual([]);
    expect(result.veto).toBe(true);
  });

  it.each([false, '否', 'FALSE', 0, '0', 'no', '×'])('%j reads as 否 (no veto)', (raw) => {
    const { result } = run(rubric, { '1.1': raw, '2.1': 0 });
    expect(result.invalid).toEqual([]);
    expect(result.veto).toBe(false);
  });

  it.each([
    ['maybe', '“maybe”'],
    [2, '2'],
    ['是的', '“是的”'],
  ] as const)('%j is not a yes/no: reported in Chinese naming 1.1, scored as no finding, not listed again as missing', (raw, shown) => {
    const { result } = run(rubric, { '1.1': raw, '2.1': 0 });
    expect(result.veto).toBe(false);
    expect(result.missing).toEqual([]); // reported once, as invalid
    expect(problems(rubric, { '1.1': raw })).toEqual([['1.1', `1.1（未缴纳罚金）应填“是”或“否”，收到的是 ${shown}`]]);
  });

  it('a veto in an item with points (江北 4: 贯标编码 veto beside 每次扣1分) still zeroes the total', () => {
    const mixed = rubricOf(
      [
        {
          kind: 'veto',
          text: '1.提供医药人员编码，未提供相关人员贯标编码的不签订协议；',
          input: { id: '1.1', type: 'boolean', label: '未提供相关人员贯标编码' },
        },
        {
          kind: 'perOccurrence',
          effect: 'deduct',
          points: 1,
          text: '2.未能完整、准确、及时备案相关人员变更情况的，发现一次扣1分，扣完为止。',
          input: { id: '1.2', type: 'count', label: '次数' },
        },
      ],
      5,
    );
    const { result, item } = run(mixed, { '1.1': '是', '1.2': 1 });
    expect(num(item.score)).toBe(4);
    expect(result.vetoItems).toEqual(['1']);
    expect(num(result.total)).toBe(0);
    expect(num(result.totalBeforeVeto)).toBe(4);
  });

  it('an unknown input id is reported, not silently ignored', () => {
    expect(problems(rubric, { '9.9': true })).toEqual([['9.9', '未知的输入编号“9.9”：规则测试表的输入编号形如 1.1、2.1']]);
  });
});

describe('veto — a blank', () => {
  it('江北 1.1 left blank: 不填视为未发现, and the trace says 按未发现计', () => {
    const { means, clause, item } = blankOf('cq-jiangbei-2025-hospital', '1.1');
    expect(means).toEqual({ zh: '不填视为未发现，不否决', en: 'blank counts as no finding: no veto' });
    expect(clause.lines).toEqual(['1.1 未缴纳罚金：未填（缺失）（按未发现计）']);
    expect(item.veto).toBe(false);
  });
});
