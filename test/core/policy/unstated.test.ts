// Issue 23: a band the notice leaves unstated (灌南 prints refunds down to 70 and nothing below) is marked
// in the policy file, accepted by mib check, and gives 方案未规定 with the notice's text, never an amount.
import { describe, expect, it } from 'vitest';
import { checkFile, gradeOf, isUnstated, PolicySchema, refundOf, refundOutcome, refundShown, UNSTATED } from '../../../src/core';
import { countyPolicyJson } from '../../support/countyPolicy';

const REFUND_TEXT = '通知只规定了考核得分70分（含）以上的保证金返还，70分以下未作规定';
const GRADE_TEXT = '通知只规定了70分（含）以上的等次';

function policyJson(last: Record<string, unknown>, middle?: Record<string, unknown>): Record<string, any> {
  return countyPolicyJson('unstated-test', [
    { label: '优秀', min: 90, text: '90分以上为优秀', refund: { kind: 'full', text: '全额返还' } },
    { label: '良好', min: 80, max: 90, text: '80分至90分为良好', refund: middle ?? { kind: 'withhold', ratio: 0.1, text: '扣除10%' } },
    { label: '合格', min: 70, max: 80, text: '70分至80分为合格', refund: { kind: 'withhold', ratio: 0.3, text: '扣除30%' } },
    { max: 70, text: GRADE_TEXT, refund: { kind: 'unstated', text: REFUND_TEXT }, ...last },
  ]);
}
const unstatedGrade = () => policyJson({ unstated: true });
const printedGrade = () => policyJson({ label: '不合格', text: '70分以下为不合格' });

describe('an unstated band in the policy file', () => {
  it('an unstated grade band takes no label and is shown as 方案未规定', () => {
    const policy = PolicySchema.parse(unstatedGrade());
    expect(policy.grades[3]).toMatchObject({ label: UNSTATED, unstated: true });
    expect(checkFile(unstatedGrade())).toMatchObject({ errors: [], warnings: [] });
    expect(checkFile(printedGrade())).toMatchObject({ errors: [], warnings: [] });
  });

  it('mib check refuses a stated band without a label, an unstated one with a printed label, and the word as a label', () => {
    const messages = (json: Record<string, any>) => checkFile(json).errors.map((e) => e.message);
    const noLabel = printedGrade();
    delete noLabel.grades[3].label;
    expect(messages(noLabel)).toEqual([expect.stringMatching(/^grades\.3\.label：缺少等次名称 label.*"unstated": true/)]);
    expect(messages(policyJson({ unstated: true, label: '不合格' }))).toEqual([expect.stringMatching(/^grades\.3\.label：.*删去 "unstated"/)]);
    expect(messages(policyJson({ label: UNSTATED }))).toEqual([expect.stringMatching(/^grades\.3\.label：“方案未规定”不能作为等次名称/)]);
  });

  it('a gap left silent is still refused', () => {
    const silent = printedGrade();
    silent.grades.pop();
    expect(
      checkFile(silent)
        .errors.map((e) => e.message)
        .join('\n'),
    ).toContain('低于 70 分的得分没有等次');
  });

  it('refunds need not rise through an unstated middle band, which has nothing to compare', () => {
    expect(checkFile(policyJson({ unstated: true }, { kind: 'unstated', text: '良好的返还未规定' }))).toMatchObject({ errors: [] });
  });
});

describe('a score in an unstated band', () => {
  it('is graded 方案未规定 where the notice prints no grade, with the notice’s text in the trace', () => {
    const grade = gradeOf(PolicySchema.parse(unstatedGrade()), 65);
    expect(grade.label).toBe(UNSTATED);
    expect(grade.trace.join('\n')).toContain(GRADE_TEXT);
    expect(gradeOf(PolicySchema.parse(printedGrade()), 65).label).toBe('不合格');
    // a veto to 0 lands there too
    expect(gradeOf(PolicySchema.parse(unstatedGrade()), 95, { veto: true }).label).toBe(UNSTATED);
  });

  it('gets no ratio and no amount, whatever circumstances apply, and refundOf refuses it with the reason', () => {
    for (const json of [unstatedGrade(), printedGrade()]) {
      const policy = PolicySchema.parse(json);
      const refund = refundOutcome(policy, 65, 50000, { circumstances: ['挂牌督办'] });
      expect(isUnstated(refund)).toBe(true);
      expect(refundShown(refund)).toBe(UNSTATED);
      expect(refund).not.toHaveProperty('amount');
      expect(refund.trace.join('\n')).toContain(REFUND_TEXT);
      expect(() => refundOf(policy, 65, 50000)).toThrow(`65 分的保证金返还方案未规定（${REFUND_TEXT}）`);
      // the stated bands are unchanged: 75 pays 70%, less 10% for 挂牌督办
      expect(refundShown(refundOutcome(policy, 75, 50000, { circumstances: ['挂牌督办'] }))).toBe('30000.00');
    }
  });
});
