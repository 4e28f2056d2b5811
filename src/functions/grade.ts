import { convertScore, D, gradeOf, refundOf, shownGrade, specialCaseLabels, specialCaseRule, specialRefund, specialRefundText } from '../core';
import { fail, guard, isFailure, type Outcome } from './failure';
import { type Grading, type GradingArgs, gradingFrom } from './grading';
import { policyFrom } from './lookup';
import { numberFrom } from './numbers';

const SCORE = { what: '得分' };
const DEPOSIT = { what: '质量保证金金额' };

/** The score the policy grades: as given, or converted from the table's scale (折算). */
function gradedScore(score: number, grading: Grading) {
  return grading.conversion ? convertScore(grading.conversion, score) : new D(score);
}

/** MIB.GRADE: the grade (等次) of a score under a policy, after 一票否决 and 降档; 暂评 while facts are
 * missing, 暂不评定 while facts are invalid, and the special case's words for an institution outside
 * the normal assessment. */
export function gradeLabel(scoreArg: unknown, policyArg: unknown, args: GradingArgs = {}): Outcome<string> {
  return guard(() => {
    const score = numberFrom(scoreArg, SCORE);
    if (isFailure(score)) return score;
    const policy = policyFrom(policyArg);
    if (isFailure(policy)) return policy;
    const grading = gradingFrom(args, policy);
    if (isFailure(grading)) return grading;
    if (grading.specialCase) {
      specialCaseRule(policy, grading.specialCase); // a case the policy does not name is refused
      return specialCaseLabels[grading.specialCase].zh;
    }
    if (grading.status.kind === 'withheld') return shownGrade(grading.status, '');
    return shownGrade(grading.status, gradeOf(policy, gradedScore(score, grading), grading.options).label);
  });
}

/** MIB.REFUND: the deposit paid back, in yuan rounded half-up to the fen, under the policy's defaults
 * unless the options say otherwise; 暂不评定 (text) while facts are invalid. */
export function refundAmount(scoreArg: unknown, depositArg: unknown, policyArg: unknown, args: GradingArgs = {}): Outcome<number | string> {
  return guard(() => {
    const score = numberFrom(scoreArg, SCORE);
    if (isFailure(score)) return score;
    const deposit = numberFrom(depositArg, DEPOSIT);
    if (isFailure(deposit)) return deposit;
    const policy = policyFrom(policyArg);
    if (isFailure(policy)) return policy;
    const grading = gradingFrom(args, policy);
    if (isFailure(grading)) return grading;
    if (grading.specialCase) {
      const special = specialRefund(policy, grading.specialCase, deposit);
      return special.amount?.toNumber() ?? specialRefundText(special) ?? '';
    }
    if (!policy.refund) {
      return fail(`政策“${policy.id}”（${policy.provenance.documentNumber}）未规定质量保证金返还；规定了返还的政策可用 MIB.POLICIES() 查看`);
    }
    if (grading.status.kind === 'withheld') return shownGrade(grading.status, '');
    return refundOf(policy, gradedScore(score, grading), deposit, grading.options).amount.toNumber();
  });
}
