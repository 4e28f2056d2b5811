// MIB.GRADE and MIB.REFUND under the policy kinds of issue 13, with a region's policy registered by id:
// "withhold 20% in [80, 90), 40% in [70, 80)", "挂牌督办: a further 10%" (the last argument of
// MIB.REFUND), and the veto effects (湖北 "严重违规 按60分计", a cap "考核得分最高按60分计").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPolicy, unregister } from '../../src/core';
import { FunctionFailure } from '../../src/functions/failure';
import { gradeLabel, refundAmount } from '../../src/functions/grade';
import { capVeto, hubeiVeto, vetoPolicy, withholdPolicy } from '../support/kindPolicies';

const withhold = withholdPolicy();
const hubei = { ...vetoPolicy(hubeiVeto), id: 'test-hubei' };
const capped = { ...vetoPolicy(capVeto), id: 'test-cap' };
class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
beforeAll(() => {
  [withhold, hubei, capped].forEach(registerPolicy);
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    Error: StandInError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: () => undefined,
  };
});
// the Excel shell, imported after the stand-in exists: 扣减情形 is MIB.REFUND's last argument, after `missing`
const shell = () => import('../../src/functions/functions');
afterAll(() => [withhold, hubei, capped].forEach((p) => unregister('policy', p.id)));

const refund = (score: number, policy: string, more: { veto?: boolean; circumstances?: unknown } = {}) =>
  refundAmount(score, 10000, policy, { veto: more.veto ?? null, circumstances: more.circumstances ?? null });
const message = (outcome: unknown) => (outcome as FunctionFailure).message;

describe('MIB.REFUND with a withhold tier and 扣减情形', () => {
  it('85 pays back 80%; with 挂牌督办 70%; blank is none', async () => {
    const f = await shell();
    expect(f.mibRefund(85, 10000, withhold.id, null, null, null, null, null, null, null, null, null, '挂牌督办')).toBe(7000);
    expect(f.mibRefund(85, 10000, withhold.id, null, null, null, null, null, null, null, null, null, null)).toBe(8000);
    expect(refund(85, withhold.id)).toBe(8000);
    expect(refund(85, withhold.id, { circumstances: '挂牌督办' })).toBe(7000);
    expect(refund(85, withhold.id, { circumstances: '' })).toBe(8000);
  });
  it('an unknown circumstance or a number is #VALUE! with a Chinese message', () => {
    expect(message(refund(85, withhold.id, { circumstances: '约谈' }))).toBe(
      '政策“吉林省医疗保障定点医药机构考核暂行办法”没有“约谈”这一扣减情形；它规定的情形有：挂牌督办',
    );
    expect(message(refund(85, withhold.id, { circumstances: 3 }))).toMatch(/^扣减情形应为文字/);
  });
});

describe('MIB.GRADE and MIB.REFUND under the veto effects', () => {
  it('湖北 setScore 60: 85 vetoed is 基本合格, 10%', () => {
    expect(gradeLabel(85, hubei.id, { veto: true })).toBe('基本合格');
    expect(refund(85, hubei.id, { veto: true })).toBe(1000);
  });
  it('capScore 60: 85 vetoed is 基本合格, 55 vetoed stays 不合格', () => {
    expect(gradeLabel(85, capped.id, { veto: true })).toBe('基本合格');
    expect(gradeLabel(55, capped.id, { veto: true })).toBe('不合格');
  });
  it('吉林 fail: 85 vetoed is 不合格', () => {
    expect(gradeLabel(85, 'jilin-2025', { veto: true })).toBe('不合格');
  });
});
