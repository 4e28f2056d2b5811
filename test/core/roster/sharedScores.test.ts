import { describe, expect, it } from 'vitest';
import { getRubric, scoreRoster } from '../../../src/core';
import { rosterOf } from './rosterTable';

// 江北 4 (seed: "未能完整、准确、及时备案相关人员变更情况的，发现一次扣1分，扣完为止", 5 points): a row's items are
// kept for the sheet and the JSON; the full-score (and zero) readings are one object per item for every
// row, so 10,000 rows do not hold 46 objects each
describe('roster rows share the item scores they have alike', () => {
  const jiangbei = getRubric('cq-jiangbei-2025-hospital');
  const result = scoreRoster(
    jiangbei,
    rosterOf([
      { 机构编码: 'A', 机构名称: '甲', '4.2': 0 },
      { 机构编码: 'B', 机构名称: '乙', '4.2': 0 },
      { 机构编码: 'C', 机构名称: '丙', '4.2': 1 },
      { 机构编码: 'D', 机构名称: '丁', '4.2': 9 },
      { 机构编码: 'E', 机构名称: '戊', '4.2': 7 },
    ]),
  );
  const item4 = result.institutions.map((row) => row.items.find((i) => i.id === '4')!);

  it('full marks: one frozen object for both rows, 5 points, nothing over the cap', () => {
    expect(item4[0]).toBe(item4[1]);
    expect(Object.isFrozen(item4[0])).toBe(true);
    expect(item4[0]!.score.toNumber()).toBe(5);
    expect(item4[0]!.overCap.isZero()).toBe(true);
  });

  it("a deduction is the row's own (4 = 5 − 1); past the points, 0 with the over-cap its own (9 − 5 = 4, 7 − 5 = 2)", () => {
    expect(item4[2]!.score.toNumber()).toBe(4);
    expect(item4[2]).not.toBe(item4[0]);
    expect(item4.slice(3).map((i) => [i.score.toNumber(), i.overCap.toNumber()])).toEqual([
      [0, 4],
      [0, 2],
    ]);
    expect(item4[3]).not.toBe(item4[4]);
  });
});
