import { EXCEL_DIGITS, gradeOf, refundOf } from '../core';
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
    return gradeOf(policy, score, { downgrade: downgrade?.toNumber() }).label;
  });
}

/**
 * MIB.REFUND: the deposit paid back, in yuan rounded half-up to the fen, under the policy's defaults.
 * The score and the deposit are read as Excel holds them (a number cell at 15 significant digits, so
 * every deposit up to 10¹² to the fen is exact); a deposit with more digits than a number cell keeps
 * (90071992547409.93 is stored by Excel as 90071992547409.9) can be given as text and is then read
 * exactly. An amount that needs more than 15 significant digits cannot be returned to a cell exact to
 * the fen: it is refused with the exact amount in the message, rather than shown with a wrong fen.
 */
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
    const amount = refundOf(policy, score, deposit, { downgrade: downgrade?.toNumber() }).amount;
    if (amount.precision() > EXCEL_DIGITS) {
      return fail(`返还金额 ${amount.toFixed(2)} 元超过 Excel 数值的 ${EXCEL_DIGITS} 位有效数字，单元格无法精确到分；请用 mib refund 计算`);
    }
    return amount.toNumber();
  });
}
