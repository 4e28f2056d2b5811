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

  it('a subordinate’s bad fact withholds the parent’s grade, and its blank facts make it 暂评: the composite uses its score', () => {
    const [parent, s1, s2] = jiangbeiParentAndSubordinates();
    const bad = scoreRoster(jiangbei, rosterOf([parent!, { ...s1!, '6.1': '很多' }, s2!]), jilin, { complete: true, trace: true });
    expect(bad.institutions[0]!.grade).toBeUndefined();
    expect(bad.institutions[0]!.refund).toBeUndefined();
    expect(bad.institutions[0]!.gradeText).toBe('暂不评定（1 项无效）');
    expect(bad.institutions[0]!.assessment!.trace).toContain('下属机构尚有 1 项填报值无效：综合得分用到其得分，计入本机构的评定状态');
    expect(bad.summary.withheld).toBe(1);
    // not marked complete: the blanks of the parent and of both subordinates keep the parent's grade 暂评
    const provisional = scoreRoster(jiangbei, roster, jilin, { trace: true });
    const [own, sub1, sub2] = provisional.institutions.map((r) => r.missing.length);
    expect(sub1! + sub2!).toBeGreaterThan(0);
    // each row's 公立/民营 is blank and 江北 19 is for public institutions only: one more fact to fill, for the
    // parent and for each subordinate alike (a subordinate's was left out of the parent's count)
    expect(provisional.institutions.map((r) => r.ownershipMissing)).toEqual([true, true, true]);
    // the parent's own blanks and its 公立/民营, its subordinates' blanks and theirs
    expect(provisional.institutions[0]!.gradeText).toBe(`暂评 良（尚有 ${own! + 1 + (sub1! + 1) + (sub2! + 1)} 项未填）`);
    expect(provisional.institutions[0]!.assessment!.trace).toContain(
      `下属机构尚有 ${sub1! + 1 + sub2! + 1} 项未填：综合得分用到其得分，计入本机构的评定状态`,
    );
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
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('政策“重庆市江北区2025年定点医药机构协议签订考核”没有下属机构综合得分的规定'),
    ]);
    expect(result.institutions.every((r) => r.grade !== undefined)).toBe(true);
    expect(result.institutions[0]!.total.toNumber()).toBe(92);
  });
});
