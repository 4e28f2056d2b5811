// 说明's item picker finds any item by 序号, code or name (not only through a flag).
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { matchingItems, nameOf } from '../../src/taskpane/itemSearch';

describe('matchingItems', () => {
  const weihai = getRubric('weihai-2021-hospital-l2').items;
  const jiangbei = getRubric('cq-jiangbei-2025-hospital').items;

  it('finds an item by its 序号, that item first', () => {
    const found = matchingItems(jiangbei, '1');
    expect(found[0]?.no).toBe('1');
    expect(found.map((i) => i.no)).toContain('17');
    expect(matchingItems(jiangbei, '4')[0] && nameOf(matchingItems(jiangbei, '4')[0]!)).toBe('4 医保支付资格相关人员是否管理到位');
  });

  it('finds an item by the code the table prints (威海 C2), in either case', () => {
    expect(matchingItems(weihai, 'c2').map(nameOf)).toContain('3 C2 变更备案');
    expect(matchingItems(weihai, 'C2')[0]?.no).toBe('3');
  });

  it('finds an item by any part of its name', () => {
    expect(matchingItems(jiangbei, '医保支付资格').map((i) => i.no)).toEqual(['4']);
    expect(matchingItems(weihai, '变更备案').map((i) => i.no)).toEqual(['3']);
  });

  it('lists every item when nothing is typed, and none for a name no item has', () => {
    expect(matchingItems(jiangbei, '  ')).toHaveLength(jiangbei.length);
    expect(matchingItems(jiangbei, '不存在的指标')).toEqual([]);
  });
});
