import type { Dec } from '../numbers/decimal';
import { unfilledCount } from './applicability';
import type { Result } from './evaluate';
import { compositeScore } from '../policy/composite';
import { type GradeResult, gradeOf } from '../policy/grade';
import { type GradeStatus, gradeStatusOf, shownGrade, shownGradeEn } from '../policy/gradeStatus';
import {
  isUnstated,
  type RefundOptions,
  type RefundResult,
  parseDeposit,
  refundForGrade,
  type SpecialRefundResult,
  type UnstatedRefund,
  specialCaseLabels,
  specialCaseRule,
  specialRefund,
} from '../policy/refund';
import { type Conversion, conversionFor, conversionLine, convertScore, OUT_OF_SCALE, policyScale, scaleText, withinScale } from '../policy/scale';
import { fmt } from '../numbers/decimal';
import type { Policy, SpecialCase } from '../policy/schema';
import { vetoedScore } from '../policy/vetoEffect';
import { listPolicies } from '../files/registry';
import type { Rubric } from '../files/schema';

export interface AssessOptions extends RefundOptions {
  /** grade a table on another scale after converting its score (折算为百分制); refused otherwise */
  convert?: boolean;
  /** the reviewer marked the assessment complete: blanks are final, the grade is no longer 暂评 */
  complete?: boolean;
  deposit?: Dec | number | string;
  specialCase?: SpecialCase;
  /** 吉林 第十一条: grade the composite of this table's score and its subordinates' scores (already on
   * the policy's scale), not the table's score alone */
  composite?: {
    subordinates: Dec[];
    /** the subordinates' invalid and missing facts: their scores feed the composite, so a parent's grade
     * is withheld or provisional while theirs would be */
    invalid?: number;
    missing?: number;
  };
}

/** A scored table under a policy: the score the policy grades, the grade as it may be shown, the refund. */
export interface Assessment {
  status: GradeStatus;
  conversion?: Conversion;
  /** the score the policy grades, after the policy's veto (veto.effect): the table's total before any
   * veto, converted when the scales differ (a parent's composite under 第十一条), then set or capped by
   * the policy where a veto was found */
  score: Dec;
  /** the table's total as every face shows it beside this policy (tableTotal) */
  total: Dec;
  /** where the scales differ: the table's total converted onto the policy's scale, before the veto */
  converted?: Dec;
  /** the table's own score on the policy's scale, where a composite was graded */
  ownScore?: Dec;
  /** absent while the grade is withheld, and for a special case */
  grade?: GradeResult;
  /** what the grade cell shows: the label, 暂评 …, 暂不评定 …, or the special case */
  gradeText: string;
  gradeTextEn: string;
  refund?: RefundResult;
  /** where the notice leaves the band's refund unstated: the reason, and no amount (方案未规定) */
  unstatedRefund?: UnstatedRefund;
  special?: { kind: SpecialCase; refund?: SpecialRefundResult };
  trace: string[];
}

/**
 * The table's total as every face shows it beside a policy (mib score's `total`, the sheet's 总分 and
 * MIB_TOTAL, MIB.SCORE with a policy): the total before the veto, set or capped by the policy's veto where
 * the scales are one; where the score is converted, the table's own sum, the policy's veto acting on the
 * converted score. Without a policy the table's own text decides (Result.total: 江北 "出现否决项得分为0").
 */
export function tableTotal(policy: Policy, result: Result, converted: boolean): Dec {
  if (converted || !result.veto) return result.totalBeforeVeto;
  return vetoedScore(policy.veto, result.totalBeforeVeto).score;
}

/**
 * Grades a scored table: the scale check (and conversion when asked for), the status (withheld while a
 * fact is invalid, provisional while facts are missing), then the grade and the refund. The command
 * line, the pane and the roster all read a result through here, so they cannot disagree.
 */
export function assess(rubric: Rubric, result: Result, policy: Policy, options: AssessOptions = {}): Assessment {
  const conversion = conversionFor(rubric, policy, options.convert === true, listPolicies);
  // the table's veto clause only says that a veto happened; what it does is the policy's (veto.effect)
  const before = result.totalBeforeVeto;
  const own = conversion ? convertScore(conversion, before) : before;
  const trace = conversion ? [conversionLine(conversion, before, own)] : [];
  // the composite is graded through the same path as any score: one grading for both
  const composite = options.composite && compositeScore(policy, own, options.composite.subordinates);
  if (composite) trace.push(...composite.trace);
  const graded = composite ? composite.score : own;
  const vetoed = result.veto ? vetoedScore(policy.veto, graded) : undefined;
  const score = vetoed ? vetoed.score : graded;
  const subInvalid = options.composite?.invalid ?? 0;
  // once the reviewer marks the assessment complete, blanks are final for the subordinates too
  const subMissing = options.complete === true ? 0 : (options.composite?.missing ?? 0);
  const subWords = [subInvalid > 0 && `${subInvalid} 项填报值无效`, subMissing > 0 && `${subMissing} 项未填`].filter(Boolean);
  if (subWords.length > 0) trace.push(`下属机构尚有 ${subWords.join('、')}：综合得分用到其得分，计入本机构的评定状态`);
  // a blank 公立/民营 is one more fact to fill where the table has clauses for public institutions only
  const missing = unfilledCount(result) + subMissing;
  const status = gradeStatusOf({ invalid: result.invalid.length + subInvalid, missing }, options.complete === true);
  const total = tableTotal(policy, result, conversion !== undefined);
  const base = { status, ...(conversion && { conversion, converted: own }), score, total, ...(composite && { ownScore: own }) };
  if (options.specialCase) {
    const kind = options.specialCase;
    const rule = specialCaseRule(policy, kind);
    const refund = options.deposit === undefined ? undefined : specialRefund(policy, kind, options.deposit);
    const label = specialCaseLabels[kind];
    return {
      ...base,
      gradeText: label.zh,
      gradeTextEn: label.en,
      special: { kind, ...(refund && { refund }) },
      trace: [...trace, ...(refund?.trace ?? [rule.text])],
    };
  }
  if (status.kind === 'withheld') {
    return {
      ...base,
      gradeText: shownGrade(status, ''),
      gradeTextEn: shownGradeEn(status, ''),
      trace: [...trace, `${status.invalid} 项填报值无效，更正后才评定等次和返还`],
    };
  }
  if (!withinScale(policy, graded)) {
    // 威海's bonus converted under a policy that allows none can pass 100: refused, never graded; 暂评 while
    // facts are blank, as any verdict is (a blank deduction, once filled, may bring the score within)
    return {
      ...base,
      gradeText: shownGrade(status, OUT_OF_SCALE),
      gradeTextEn: shownGradeEn(status, "beyond the policy's scale: not graded"),
      trace: [...trace, `${fmt(graded)} 分${OUT_OF_SCALE}（政策分制 ${scaleText(policyScale(policy))}）`],
    };
  }
  // graded from the score before the veto: gradeOf applies the policy's veto itself (and says so)
  const grade = gradeOf(policy, graded, { veto: result.veto, ...(options.downgrade !== undefined && { downgrade: options.downgrade }) });
  const outcome =
    options.deposit !== undefined && policy.refund
      ? refundForGrade(policy, grade, graded, parseDeposit(options.deposit), { ...options, veto: result.veto })
      : undefined;
  const refund = outcome && !isUnstated(outcome) ? outcome : undefined;
  const unstatedRefund = outcome && isUnstated(outcome) ? outcome : undefined;
  trace.push(...(outcome?.trace ?? grade.trace));
  if (status.kind === 'provisional') trace.push(`尚有 ${status.missing} 项未填，等次为暂评；填齐或确认填报完成后为最终结果`);
  return {
    ...base,
    grade,
    gradeText: shownGrade(status, grade.label),
    gradeTextEn: shownGradeEn(status, grade.label),
    ...(refund && { refund }),
    ...(unstatedRefund && { unstatedRefund }),
    trace,
  };
}
