import { gradeOf, refundOf } from '../core';
import { fail, guard, isFailure, type Outcome } from './failure';
import { policyFrom } from './lookup';
import { numberFrom, optionalNumberFrom } from './numbers';

const SCORE = { what: '得分' };
const DEPOSIT = { what: '质量保证金金额' };
const DOWNGRADE = { what: '降档数', integer: true };

/** MIB.GRADE: the grade (等次) of a score under a policy, after 降档 when given. */
export function gradeLabel(scoreArg: unknown, policyArg: unknown, downgradeArg: unknown): Outcome<string> {
  return guard(() => {
    const score = numberFrom(scoreArg, SCORE);
    if (isFailure(score)) return score;
    const policy = policyFrom(policyArg);
    if (isFailure(policy)) return policy;
    const downgrade = optionalNumberFrom(downgradeArg, DOWNGRADE);
    if (isFailure(downgrade)) return downgrade;
    return gradeOf(policy, score, { downgrade }).label;
  });
}

/** MIB.REFUND: the deposit paid back, in yuan rounded half-up to the fen, under the policy's defaults. */
export function refundAmount(scoreArg: unknown, depositArg: unknown, policyArg: unknown, downgradeArg: unknown): Outcome<number> {
  return guard(() => {
    const score = numberFrom(scoreArg, SCORE);
    if (isFailure(score)) return score;
    const deposit = numberFrom(depositArg, DEPOSIT);
    if (isFailure(deposit)) return deposit;
    const policy = policyFrom(policyArg);
    if (isFailure(policy)) return policy;
    if (!policy.refund) {
      return fail(`政策“${policy.id}”（${policy.provenance.documentNumber}）未规定质量保证金返还；规定了返还的政策可用 MIB.POLICIES() 查看`);
    }
    const downgrade = optionalNumberFrom(downgradeArg, DOWNGRADE);
    if (isFailure(downgrade)) return downgrade;
    return refundOf(policy, score, deposit, { downgrade }).amount.toNumber();
  });
}
