// MIB.FLAGS: the spilled table a reviewer reads beside the score.
import { describe, expect, it } from 'vitest';
import { FunctionFailure } from '../../src/functions/failure';
import { FLAG_HEADINGS, flagTable, NO_FLAGS_ROW, type Table } from '../../src/functions/flags';
import { CLEAN, type Cell, EXAMPLE, JIANGBEI, sheet } from './excelArgs';

/** The flags of a 公立 hospital (江北 19 applies to 公立医疗机构 only; a blank ownership is itself flagged). */
function flags(facts: Record<string, Cell>, ownership: Cell = '公立'): Table {
  const { ids, values } = sheet(facts);
  const table = flagTable(JIANGBEI, ids, values, ownership);
  expect(table).not.toBeInstanceOf(FunctionFailure);
  return table as Table;
}

const ofKind = (table: Table, kind: string) => table.filter((r) => r[0] === kind);

describe('MIB.FLAGS', () => {
  it('a heading row, then “无” when nothing needs review', () => {
    expect(flags(CLEAN)).toEqual([FLAG_HEADINGS, NO_FLAGS_ROW]);
  });

  it('every row has the heading’s five columns, and no null (Excel would show 0)', () => {
    for (const r of flags({ ...EXAMPLE, '1.1': '是', '4.2': 'x', '6.1': null })) {
      expect(r).toHaveLength(FLAG_HEADINGS.length);
      expect(r.every((cell) => cell !== null && cell !== undefined)).toBe(true);
    }
  });

  it('veto items, with the input that vetoes', () => {
    const rows = ofKind(flags({ ...CLEAN, '1.1': '是', '14.2': true }), '否决项');
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['1', '1.1'],
      ['14', '14.2'],
    ]);
    expect(rows[0]?.[4]).toContain('未缴纳罚金');
  });

  it('a clause’s own cap (威海 A1 25.1 “最多扣5分”, 14% above → 7) is its own row, with the clause’s input and 2 not applied', () => {
    const { ids, values } = sheet({ '25.1': 0.14, '25.2': 0 });
    const table = flagTable('weihai-2021-hospital-l2', ids, values) as Table;
    expect(ofKind(table, '扣分超过单项分值')).toEqual([]);
    const [row] = ofKind(table, '条款扣分封顶');
    expect(row?.slice(0, 4)).toEqual(['条款扣分封顶', '25', '25.1', 2]);
    expect(row?.[4]).toContain('第1条“最多扣5分”：扣 7 分，按 5 分计');
  });

  it('an item zeroed by “不得分” (江北 9, both rows) is not listed as over its points', () => {
    expect(ofKind(flags({ ...CLEAN, '9.1': '是', '9.2': '是' }), '扣分超过单项分值')).toEqual([]);
  });

  it('deductions beyond an item’s points, with the points not applied (17.2: 3 days × 5 of 10 → 5 not applied)', () => {
    const [overCap] = ofKind(flags(EXAMPLE), '扣分超过单项分值');
    expect(overCap?.slice(0, 4)).toEqual(['扣分超过单项分值', '17', '', 5]);
    expect(overCap?.[4]).toContain('共扣 15 分，本项 10 分，5 分未计入');
  });

  it('earnings beyond a cap (23.2: 3 occurrences of 1 point, at most 2)', () => {
    const [earned] = ofKind(flags(EXAMPLE), '得分超过上限');
    expect(earned?.slice(0, 4)).toEqual(['得分超过上限', '23', '', 1]);
  });

  it('bad facts are listed, every one, instead of failing', () => {
    const rows = ofKind(flags({ ...CLEAN, '18.1': 1.5, '4.2': -1, '99.1': 1 }), '输入无效');
    expect(rows.map((r) => r[2])).toEqual(['4.2', '18.1', '99.1']);
    expect(rows.find((r) => r[2] === '18.1')?.[4]).toContain('0% 到 100%');
    expect(rows.find((r) => r[2] === '99.1')?.[1]).toBe('');
  });

  it('missing facts: blank cells and ids left out', () => {
    const { ['24.1']: _left, ...withoutLast } = CLEAN;
    const rows = ofKind(flags({ ...withoutLast, '6.1': null }), '未填写');
    expect(rows.map((r) => r[2])).toEqual(['6.1', '24.1']);
    expect(rows[0]?.[4]).toContain('超支付标准销售谈判药品的次数');
  });

  it('a blank 机构性质 is a missing fact where a clause applies to public institutions only; 民营 asks nothing of them', () => {
    const rows = ofKind(flags(CLEAN, null), '未填写');
    expect(rows.map((r) => [r[1], r[2]])).toEqual([['19', 'ownership']]);
    expect(rows[0]?.[4]).toContain('机构性质（公立/民营）');
    const { ['19.1']: _a, ['19.2']: _b, ...without19 } = CLEAN;
    expect(flags(without19, '民营')).toEqual([FLAG_HEADINGS, NO_FLAGS_ROW]);
    expect(ofKind(flags(without19, '公立'), '未填写').map((r) => r[2])).toEqual(['19.1', '19.2']);
    expect(flagTable(JIANGBEI, sheet(CLEAN).ids, sheet(CLEAN).values, '私立')).toBeInstanceOf(FunctionFailure);
  });

  it('vetoes first, then over-cap, then bad and missing facts', () => {
    const kinds = flags({ ...EXAMPLE, '1.1': '是', '4.2': 'x', '6.1': null })
      .slice(1)
      .map((r) => r[0]);
    const order = ['否决项', '扣分超过单项分值', '得分超过上限', '输入无效', '未填写'];
    expect(kinds.map((k) => order.indexOf(String(k)))).toEqual([...kinds.map((k) => order.indexOf(String(k)))].sort((a, b) => a - b));
  });

  it('a malformed range or an unknown rubric still fails, as a whole', () => {
    expect(flagTable('nope', [['1.1']], [['是']])).toBeInstanceOf(FunctionFailure);
    expect(flagTable(JIANGBEI, [['1.1'], ['1.1']], [['是'], ['否']])).toBeInstanceOf(FunctionFailure);
  });
});
