// Veto effects beyond "the total is 0" (issue 13, point 3):
// - fail: 吉林 第十二条 "检查中发现存在协议规定的需解除服务协议情形的，考核一票否决" — the grade fails, the score stands;
// - setScore: 湖北 "严重违规 按60分计" — the score is set to 60; 江北 "存在否决项得分为0分" — set to 0;
// - capScore: "the score is at most a number" — a higher score counts as that number, a lower one stands.
import { describe, expect, it } from 'vitest';
import { getPolicy, gradeOf, PolicySchema, refundOf, vetoEffectOf } from '../../../src/core';
import { capVeto, hubeiVeto, vetoPolicy } from '../../support/kindPolicies';

describe('fail: 吉林 "考核一票否决"', () => {
  const jilin = getPolicy('jilin-2025');
  it('the grade is 不合格 while the score stands; nothing is refunded', () => {
    const grade = gradeOf(jilin, 85, { veto: true });
    expect([grade.label, grade.score.toString(), grade.scoreLabel]).toEqual(['不合格', '85', '良']);
    expect(vetoEffectOf(jilin.veto)).toBe('fail');
    expect(refundOf(jilin, 85, 10000, { veto: true }).amount.toFixed(2)).toBe('0.00');
  });
});

describe('setScore: 湖北 "严重违规 按60分计"', () => {
  const hubei = vetoPolicy(hubeiVeto);
  it('85 under the veto counts as 60: 基本合格, refunded as 60 (1 − 30 × 3% = 10%)', () => {
    const grade = gradeOf(hubei, 85, { veto: true });
    expect([grade.label, grade.score.toString()]).toEqual(['基本合格', '60']);
    expect(grade.trace[0]).toBe('存在严重违规行为的，考核得分按60分计 → 得分按 60 计');
    expect(refundOf(hubei, 85, 10000, { veto: true }).amount.toFixed(2)).toBe('1000.00');
  });
  it('without the veto the score is graded as it is', () => {
    expect(gradeOf(hubei, 85).label).toBe('良');
  });
  it('江北 "存在否决项得分为0分" is setScore 0, as before', () => {
    const jiangbei = getPolicy('cq-jiangbei-2025');
    expect(vetoEffectOf(jiangbei.veto)).toBe('setScore');
    const grade = gradeOf(jiangbei, 95, { veto: true });
    expect([grade.label, grade.score.toString()]).toEqual(['不合格', '0']);
  });
  it('a veto grade is still a ceiling: setScore 60 with grade 不合格 gives 不合格', () => {
    expect(gradeOf(vetoPolicy({ ...hubeiVeto, grade: '不合格' }), 85, { veto: true }).label).toBe('不合格');
  });
});

describe('capScore: "考核得分最高按60分计"', () => {
  const capped = vetoPolicy(capVeto);
  it('a higher score counts as 60, a lower one stands', () => {
    expect(gradeOf(capped, 85, { veto: true }).score.toString()).toBe('60');
    expect(gradeOf(capped, 85, { veto: true }).label).toBe('基本合格');
    const low = gradeOf(capped, 55.5, { veto: true });
    expect([low.label, low.score.toString()]).toEqual(['不合格', '55.5']);
    expect(low.trace[0]).toBe('存在违规行为的，考核得分最高按60分计 → 得分至多按 60 计，55.5 分不变');
    expect(refundOf(capped, 85, 10000, { veto: true }).amount.toFixed(2)).toBe('1000.00');
    expect(refundOf(capped, 62, 10000).amount.toFixed(2)).toBe('1600.00'); // no veto: 1 − 28 × 3%
  });
});

describe('the policy file', () => {
  const jilin = getPolicy('jilin-2025');
  it('an older file without effect still parses: score → setScore, none → fail', () => {
    const old = (veto: object) => PolicySchema.parse({ ...jilin, veto }).veto;
    expect(vetoEffectOf(old({ grade: '不合格', score: 0, text: '存在否决项得分为0分' }))).toBe('setScore');
    expect(vetoEffectOf(old({ grade: '不合格', text: '考核一票否决' }))).toBe('fail');
  });
  it('refuses a setScore or capScore without a score, a fail with one, and a fail without a grade', () => {
    const issues = (veto: object) => {
      const parsed = PolicySchema.safeParse({ ...jilin, veto });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ effect: 'setScore', text: '按60分计' })).toEqual(['veto.score: 否决效果 setScore 需要 score（得分按此分计）']);
    expect(issues({ effect: 'capScore', grade: '不合格', text: 't' })).toEqual(['veto.score: 否决效果 capScore 需要 score（得分至多为此分）']);
    expect(issues({ effect: 'fail', grade: '不合格', score: 0, text: 't' })[0]).toMatch(/^veto.score: 否决效果 fail 保留原得分/);
    expect(issues({ effect: 'fail', text: 't' })).toEqual(['veto.grade: 否决效果 fail 需要 grade（否决后的等次）']);
    expect(issues({ effect: 'zero', grade: '不合格', text: 't' }).length).toBe(1);
  });
});
