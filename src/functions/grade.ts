import {
  convertScore,
  type Dec,
  EXCEL_DIGITS,
  gradeOf,
  OUT_OF_SCALE,
  type Policy,
  isUnstated,
  refundOutcome,
  shownGrade,
  specialCaseLabels,
  specialCaseRule,
  specialRefund,
  specialRefundText,
  UNSTATED,
  withinScale,
} from '../core';
import { fail, guard, isFailure, type Outcome } from './failure';
import { type Grading, type GradingArgs, gradingFrom } from './grading';
import { policyFrom } from './lookup';
import { numberFrom } from './numbers';

const SCORE = { what: '得分' };
const DEPOSIT = { what: '质量保证金金额' };

/** The score the policy grades: as given, or converted from the table's scale (折算). */
function gradedScore(score: Dec, grading: Grading): Dec {
  return grading.conversion ? convertScore(grading.conversion, score) : score;
}

/** A table's score that its scale (a bonus the policy does not allow, or a conversion) carries past the
 * policy's: not graded, in the words `mib score` and the sheet use. Without the scale argument a score
 * past the policy's scale is a mistake in the cell, and refused with a message. */
function beyondScale(score: Dec, grading: Grading, policy: Policy): boolean {
  return grading.scaleNamed && !withinScale(policy, gradedScore(score, grading)) && score.gt(0);
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
    if (beyondScale(score, grading, policy)) return shownGrade(grading.status, OUT_OF_SCALE);
    return shownGrade(grading.status, gradeOf(policy, gradedScore(score, grading), grading.options).label);
  });
}

/** MIB.REFUND: the deposit paid back, in yuan rounded half-up to the fen, under the policy's defaults
 * unless the options say otherwise; 暂不评定 (text) while facts are invalid. */
/**
 * MIB.REFUND: the score and the deposit are read as Excel holds them (a number cell at 15 significant
 * digits, so every deposit up to 10¹² to the fen is exact); a deposit with more digits than a number cell
 * keeps (90071992547409.93 is stored by Excel as 90071992547409.9) can be given as text and is then read
 * exactly. An amount that needs more than 15 significant digits cannot be returned to a cell exact to the
 * fen: it is refused with the exact amount in the message, rather than shown with a wrong fen.
 */
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
    if (beyondScale(score, grading, policy)) return shownGrade(grading.status, OUT_OF_SCALE);
    const refund = refundOutcome(policy, gradedScore(score, grading), deposit, grading.options);
    // the notice states no refund for the band: its word, never an invented number
    if (isUnstated(refund)) return UNSTATED;
    const amount = refund.amount;
    if (amount.precision() > EXCEL_DIGITS) {
      return fail(`返还金额 ${amount.toFixed(2)} 元超过 Excel 数值的 ${EXCEL_DIGITS} 位有效数字，单元格无法精确到分；请用命令行计算返还金额`);
    }
    return amount.toNumber();
  });
}
