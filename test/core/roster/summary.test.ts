import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, refundOf, rosterJson, scoreRoster } from '../../../src/core';
import { jiangbeiMet } from '../../support/jiangbeiRows';
import { rosterOf } from './rosterTable';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const policy = getPolicy('jilin-2025');
// every fact but 23.1 filled as met: 97 of 100
const met = { '1.1': '否', ...jiangbeiMet };

describe('the roster summary', () => {
  const roster = rosterOf([
    { 机构编码: 'A', 机构名称: '甲', 质量保证金: 10000, ...met },
    { 机构编码: 'B', 机构名称: '乙', 质量保证金: 20000, ...met, '18.1': 0, '20.1': 0.5 },
    { 机构编码: 'C', 机构名称: '丙', 质量保证金: 30000, ...met, '1.1': '是' },
    { 机构编码: 'D', 机构名称: '丁', 质量保证金: 40000, ...met, '6.1': '很多' },
    { 机构编码: 'E', 机构名称: '戊', 质量保证金: 50000, 自评得分: 99, ...met },
  ]);
  const result = scoreRoster(jiangbei, roster, policy, { complete: true });

  it('counts institutions per grade in the policy’s order, vetoes, withheld grades and rows with problems', () => {
    const graded = result.institutions.map((r) => r.grade);
    expect(result.summary.perGrade.map((g) => g.label)).toEqual(policy.grades.map((g) => g.label));
    expect(result.summary.perGrade.reduce((n, g) => n + g.count, 0)).toBe(graded.filter((g) => g !== undefined).length);
    expect(result.summary.vetoes).toBe(1);
    expect(result.institutions[2]!.vetoItems).toEqual(['1']);
    expect(result.summary.withheld).toBe(1);
    expect(result.institutions[3]!.gradeText).toBe('暂不评定（1 项无效）');
    expect(result.institutions[3]!.invalid.map((p) => p.message)).toEqual([expect.stringMatching(/^N5：6\.1/)]);
    expect(result.summary.rowsWithProblems).toBe(1);
    expect(result.summary.institutions).toBe(5);
  });

  it('sums the deposits, the refunds paid and the deposit kept back where a refund is known', () => {
    const refunds = [0, 1, 2, 4].map((i) => result.institutions[i]!.refund!);
    const expected = [10000, 20000, 30000, 50000].map(
      (deposit, k) => refundOf(policy, result.institutions[[0, 1, 2, 4][k]!]!.total, deposit, { veto: k === 2 }).amount,
    );
    expect(refunds.map((r) => r.toFixed(2))).toEqual(expected.map((r) => r.toFixed(2)));
    const paid = expected.reduce((a, b) => a.plus(b));
    expect(result.summary.depositTotal.toNumber()).toBe(150000);
    expect(result.summary.refundPaid.toFixed(2)).toBe(paid.toFixed(2));
    expect(result.summary.refundWithheld.toFixed(2)).toBe(paid.negated().plus(110000).toFixed(2));
  });

  it('the self-score against the final score; result and assessment kept only when the trace is asked for', () => {
    expect(result.institutions[4]!.selfDifference!.toNumber()).toBe(2);
    expect(result.institutions[4]!.result).toBeUndefined();
    const traced = scoreRoster(jiangbei, roster, policy, { trace: true });
    expect(traced.institutions[4]!.result!.total.toNumber()).toBe(97);
    expect(traced.institutions[4]!.assessment!.gradeText).toContain(result.institutions[4]!.grade!);
    const json = rosterJson(result);
    expect(json.summary).toMatchObject({ institutions: 5, vetoes: 1, withheld: 1, depositTotal: 150000, depositTotalText: '150000.00' });
    expect(json.institutions[4]).toMatchObject({ code: 'E', total: 97, selfDifference: 2 });
    expect(json.institutions[3]!.problems).toEqual([expect.stringMatching(/^N5：/)]);
  });

  it('meets a self-score with the table’s own total, not the score converted for the policy (威海 795 → 百分制)', () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    // a blank 威海 二级 sheet scores 650 of 795: 81.76 after 折算 under 吉林
    const blank = scoreRoster(weihai, rosterOf([{ 机构编码: 'W', 机构名称: '威', 自评得分: 650 }]), policy, { convert: true });
    const row = blank.institutions[0]!;
    expect(row.total.toFixed(2)).toBe('81.76');
    expect(row.selfDifference!.toNumber()).toBe(0);
  });
});
