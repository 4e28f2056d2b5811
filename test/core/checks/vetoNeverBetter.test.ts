// Issue 19: "A policy with `veto.effect: setScore` and no `veto.grade` passes `mib check`, and its veto
// lifts a failing score: `mib grade 10 --veto` → 良, `mib refund 10 --deposit 10000 --veto` → 9000.00,
// against 不合格 / 0.00 without the veto." A veto is never better than no veto: mib check refuses a file
// that says otherwise, for any score, and the scoring never lifts a score (the lower of the institution's
// own and the one the veto sets), never gives a better grade, never refunds more.
import { describe, expect, it } from 'vitest';
import { checkFile, D, getPolicy, gradeOf, type Policy, policyIds, refundOf } from '../../../src/core';
import { sampleScores } from '../../../src/core/checks/refundTiers';
import { capVeto, hubeiVeto, vetoPolicy } from '../../support/kindPolicies';
import { mibWith } from '../../support/mibRunner';

const jilin = getPolicy('jilin-2025');
/** 吉林's bands and refunds with "考核得分按80分计" as a veto, no veto grade: the issue's file (80 is 良). */
const setTo80 = { ...jilin, id: 'test-set-80', veto: { effect: 'setScore', score: 80, text: '存在严重违规行为的，考核得分按80分计' } };

function vetoErrors(file: object): string[] {
  return checkFile(file)
    .errors.filter((e) => e.field === 'veto')
    .map((e) => e.message);
}

describe('mib check refuses a veto better than no veto', () => {
  it('setScore 80 without a veto grade: 0 分 would be 良 under the veto', () => {
    expect(vetoErrors(setTo80)).toEqual([
      '否决好于不否决：0 分本为“不合格”，否决后得分按 80 分计，评为“良”。请写否决后的等次 "grade": "不合格"（等次不高于最低等次），或改为 "effect": "capScore"（得分最高按 80 分计，更低的得分不变）',
    ]);
  });

  it('湖北 setScore 60 without a grade is refused too; with the veto grade 不合格 it passes', () => {
    expect(vetoErrors({ ...jilin, id: 'test-hubei', veto: hubeiVeto })[0]).toMatch(
      /^否决好于不否决：0 分本为“不合格”，否决后得分按 60 分计，评为“基本合格”/,
    );
    expect(checkFile({ ...jilin, id: 'test-hubei', veto: { ...hubeiVeto, grade: '不合格' } }).errors).toEqual([]);
  });

  it('capScore 60 without a grade passes: a lower score stands, a higher one counts as 60', () => {
    expect(checkFile({ ...jilin, id: 'test-cap', veto: capVeto }).errors).toEqual([]);
  });

  it('a refund better under the veto: 不合格 paid back “较70分每低1分扣除9%” (59.99 → 9.91%, below 基本合格’s 10% at 60), so a vetoed 65 (吉林 fail: the score stands) would get 55% where 基本合格 gives 25%', () => {
    const grades = jilin.grades.map((band) =>
      band.label === '不合格' ? { ...band, refund: { kind: 'perPointBelow', base: 70, ratePerPoint: 0.09, text: '较70分每低1分扣除9%' } } : band,
    );
    const file = { ...jilin, id: 'test-refund', grades };
    expect(checkFile(file).errors.filter((e) => e.field !== 'veto')).toEqual([]);
    const [message] = vetoErrors(file);
    expect(message).toMatch(/^否决好于不否决：[\d.]+ 分不否决时退还 [\d.]+%，否决后退还 [\d.]+%。否决后的返还不得多于不否决/);
  });

  it('every bundled policy passes', () => {
    for (const id of policyIds) expect(vetoErrors(getPolicy(id)), id).toEqual([]);
  });

  it('mib check exits 1 on the file, and mib grade refuses to use it', () => {
    const run = mibWith({ './set.json': JSON.stringify(setTo80) });
    const checked = run('check', './set.json');
    expect(checked.code).toBe(1);
    expect(checked.err).toContain('错误 veto：否决好于不否决');
    const graded = run('grade', '10', '--veto', '--policy', './set.json');
    expect(graded.code).not.toBe(0);
    expect(graded.out).toBe('');
  });
});

describe('the scoring never makes a veto better', () => {
  it('a file the check would refuse still cannot lift 10 points: 不合格 and 0.00, as without the veto', () => {
    const lifted = vetoPolicy({ effect: 'setScore', score: 80, text: '考核得分按80分计' });
    const grade = gradeOf(lifted, 10, { veto: true });
    expect([grade.label, grade.score.toString()]).toEqual(['不合格', '10']);
    expect(grade.trace[0]).toBe('考核得分按80分计 → 得分按 80 计；本身得分 10 分更低，否决不得好于不否决，按 10 分计');
    expect(refundOf(lifted, 10, 10000, { veto: true }).amount.toFixed(2)).toBe('0.00');
    expect(refundOf(lifted, 10, 10000).amount.toFixed(2)).toBe('0.00');
  });

  const policies: Policy[] = [
    ...policyIds.map((id) => getPolicy(id)),
    vetoPolicy(hubeiVeto),
    vetoPolicy(capVeto),
    vetoPolicy({ effect: 'setScore', score: 80, text: '考核得分按80分计' }),
  ];
  it.each(policies.map((p) => [p.id, p] as const))('%s: at every sampled score, score and grade no better, refund no more', (_, policy) => {
    for (const score of [...sampleScores(policy), new D(0.5), new D(99.99)]) {
      const plain = gradeOf(policy, score);
      const vetoed = gradeOf(policy, score, { veto: true });
      expect(vetoed.score.lte(score), `${policy.id} ${score}`).toBe(true);
      expect(policy.grades.indexOf(vetoed.band) >= policy.grades.indexOf(plain.band), `${policy.id} ${score}`).toBe(true);
      if (policy.refund) {
        const with_ = refundOf(policy, score, 10000, { veto: true }).amount;
        expect(with_.lte(refundOf(policy, score, 10000).amount), `${policy.id} ${score}`).toBe(true);
      }
    }
  });
});
