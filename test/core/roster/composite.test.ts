import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, refundOf, scoreRoster, SUBORDINATE_TEXT } from '../../../src/core';
import { jiangbeiParentAndSubordinates, jiangbeiRow as row } from '../../support/jiangbeiRows';
import { rosterOf } from './rosterTable';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const jilin = getPolicy('jilin-2025');
// 吉林 第十一条 (seed 003): "按照该定点医疗机构自身考核得分的 70%与其下属机构（人员）考核得分平均数的 30%之和，作为该定点医疗机构的最终考核得分并确定考核等次"
describe('吉林 第十一条 in a roster', () => {
  const roster = rosterOf(jiangbeiParentAndSubordinates()); // 92, 77, 75

  it('the parent: 92 × 70% + mean(77, 75) × 30% = 64.4 + 22.8 = 87.2, 良 (its own 92 alone would be 优)', () => {
    const result = scoreRoster(jiangbei, roster, jilin, { complete: true });
    const [parent, s1, s2] = result.institutions;
    expect([s1!.total.toNumber(), s2!.total.toNumber()]).toEqual([77, 75]);
    expect(parent!.ownTotal!.toNumber()).toBe(92);
    expect(parent!.total.toNumber()).toBe(87.2);
    expect(parent!.grade).toBe('良');
    expect(parent!.refund!.toFixed(2)).toBe(refundOf(jilin, 87.2, 10000).amount.toFixed(2));
    expect(result.problems).toEqual([]);
  });

  it('the subordinates get no grade and no refund of their own', () => {
    const result = scoreRoster(jiangbei, roster, jilin, { complete: true, trace: true });
    for (const sub of result.institutions.slice(1)) {
      expect(sub.grade).toBeUndefined();
      expect(sub.refund).toBeUndefined();
      expect(sub.gradeText).toBe(SUBORDINATE_TEXT);
    }
    expect(result.summary.subordinates).toBe(2);
    expect(result.summary.perGrade).toEqual([
      { label: '优', count: 0 },
      { label: '良', count: 1 },
      { label: '合格', count: 0 },
      { label: '基本合格', count: 0 },
      { label: '不合格', count: 0 },
    ]);
    expect(result.institutions[0]!.assessment!.trace).toContain('92×0.7 + 76×0.3 = 87.2');
  });

  it('a parent missing from the roster, and a cycle, are problems naming the codes; those rows are graded on their own', () => {
    const broken = rosterOf([row('A', 'NOPE', {}), row('B', 'C', {}), row('C', 'B', {}), row('D', '', {})]);
    const result = scoreRoster(jiangbei, broken, jilin, { complete: true });
    expect(result.institutions[0]!.problems.map((p) => p.message)).toEqual(['C2：机构“A”的上级机构编码“NOPE”不在名册中：本机构单独评定']);
    expect(result.institutions[1]!.problems.map((p) => p.message)).toEqual(['C3：上级机构编码成环（B → C → B）：这些机构单独评定']);
    expect(result.institutions[2]!.problems.map((p) => p.message)).toEqual(['C4：上级机构编码成环（B → C → B）：这些机构单独评定']);
    expect(result.institutions.map((r) => r.grade)).toEqual(['优', '优', '优', '优']);
  });

  it('a policy without 第十一条 says so and grades every row on its own', () => {
    const result = scoreRoster(jiangbei, roster, getPolicy('cq-jiangbei-2025'), { complete: true });
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('政策“cq-jiangbei-2025”没有下属机构综合得分的规定')]);
    expect(result.institutions.every((r) => r.grade !== undefined)).toBe(true);
    expect(result.institutions[0]!.total.toNumber()).toBe(92);
  });
});
