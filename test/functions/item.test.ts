// MIB.ITEM and MIB.POINTS on the 江北 2025 hospital table: one item's points from the whole sheet's ranges.
import { describe, expect, it } from 'vitest';
import { rubricIds, getRubric } from '../../src/core';
import { FunctionFailure } from '../../src/functions/failure';
import { itemScore, maxPoints } from '../../src/functions/score';
import { CLEAN, type Cell, EXAMPLE, JIANGBEI, pairs, sheet } from './excelArgs';

function item(no: Cell, facts: Record<string, Cell>) {
  const { ids, values } = sheet(facts);
  return itemScore(JIANGBEI, no, ids, values);
}

describe('MIB.ITEM', () => {
  it('the example institution item by item (3, 4, 5, 3, 0 for 17, 20 for 18, 9 for 19, 2 for 23)', () => {
    expect([4, 5, 6, 7, 17, 18, 19, 21, 22, 23, 24].map((no) => item(no, EXAMPLE))).toEqual([3, 4, 5, 3, 0, 20, 9, 0, 5, 2, 5]);
  });

  it('the item as a number cell (4), as text ("4") or with spaces', () => {
    expect(item('4', EXAMPLE)).toBe(3);
    expect(item(' 4 ', EXAMPLE)).toBe(3);
    expect(item(4, EXAMPLE)).toBe(3);
  });

  it('works from a two-column range of pairs', () => {
    expect(itemScore(JIANGBEI, 17, pairs({ '17.1': '否', '17.2': 1 }), null)).toBe(5);
  });

  it('a veto-only item scores 0 whether or not it vetoes (the total is what a veto zeroes)', () => {
    expect(item(1, { ...CLEAN, '1.1': '是' })).toBe(0);
    expect(item(1, CLEAN)).toBe(0);
  });

  it('a bad fact of this item fails it; a bad fact of another item does not', () => {
    const bad = { ...CLEAN, '18.1': 1.5 };
    expect((item(18, bad) as FunctionFailure).message).toContain('18.1');
    expect(item(4, bad)).toBe(5);
  });

  it('an unknown id in the ranges fails every item: the range itself is wrong', () => {
    expect((item(4, { ...CLEAN, '31.1': 1 }) as FunctionFailure).message).toContain('未知的输入编号“31.1”');
  });

  it('an item the table does not have names the range of items', () => {
    const f = item(25, CLEAN) as FunctionFailure;
    expect(f).toBeInstanceOf(FunctionFailure);
    expect(f.message).toContain('没有项目“25”');
    expect(f.message).toContain('序号 1–24');
    expect((item(null, CLEAN) as FunctionFailure).message).toContain('请填写项目序号');
    expect((item(true, CLEAN) as FunctionFailure).message).toContain('收到的是 TRUE');
  });
});

describe('MIB.POINTS', () => {
  it('the printed total of the table, or one item’s points', () => {
    expect(maxPoints(JIANGBEI, null)).toBe(100);
    expect(maxPoints(JIANGBEI, 18)).toBe(20);
    expect(maxPoints(JIANGBEI, '1')).toBe(0); // a veto item printed “/”
  });

  it('every bundled rubric has a total equal to its printed total', () => {
    for (const id of rubricIds) expect(maxPoints(id, null)).toBe(getRubric(id).total);
  });

  it('an unknown rubric names the valid ones', () => {
    expect((maxPoints('x', null) as FunctionFailure).message).toContain(rubricIds.join('、'));
  });
});
