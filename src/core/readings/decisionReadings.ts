import { EXTRA_WITHHOLDING_READING } from '../policy/extraWithholding';
import type { GradeResult } from '../policy/grade';
import { downgradeCostsNothing, type RefundResult } from '../policy/refund';
import type { DowngradeRefund, Policy } from '../policy/schema';
import { vetoEffectOf, vetoOutcome } from '../policy/vetoEffect';
import type { Reading } from './readings';

/** What the policy's veto does, as this tool applies it, with the words of the text it reads. */
export function vetoReading(policy: Policy, withRefund: boolean): Reading {
  const veto = policy.veto;
  const effect = vetoEffectOf(veto);
  // fail: the score stands, the veto grade is a ceiling (a worse band keeps its own), as gradeOf applies it
  const does = effect === 'fail' ? `得分不变，等次不高于${veto.grade ?? ''}` : vetoOutcome(veto).zh;
  const refund = withRefund ? '；质量保证金按所定等次的返还规则计' : '';
  return { source: 'policy', id: 'veto', text: `否决（原文“${veto.text}”）：${does}${refund}。` };
}

/** Which grade's refund rule a 降档 institution is paid by (the policy's refundFollows, or the option);
 * the grades named where one institution's are known. */
export function downgradeRefundReading(follows: DowngradeRefund, grade?: { label: string; scoreLabel: string }): Reading {
  return {
    source: 'policy',
    id: 'downgradeRefund',
    text:
      follows === 'grade'
        ? `降档同时改变返还档次：按降档后等次${grade ? `“${grade.label}”` : ''}的返还规则、以实际得分计算。`
        : `降档不改变返还档次：按得分所在等次${grade ? `“${grade.scoreLabel}”` : ''}的返还规则计算。`,
  };
}

export interface DecisionReadingsOptions {
  /** the refund computed from the grade, for `mib refund` */
  refund?: RefundResult;
  downgradeRefund?: DowngradeRefund;
  circumstances?: readonly string[];
  /** the line saying how the score was converted to the policy's scale (折算), where it was */
  conversion?: string;
}

/**
 * The readings that decided one grade or refund (`mib grade`, `mib refund`): the policy's own notes, how
 * the score was put on the policy's scale, what the veto did where there was one, and for a refund the
 * policy's reading of its refund rule, which grade's rule a 降档 is paid by (and, 吉林, that the 降档 cost
 * nothing), and how a further withholding is taken. The trace keeps the arithmetic.
 */
export function decisionReadings(policy: Policy, grade: GradeResult, options: DecisionReadingsOptions = {}): Reading[] {
  const out: Reading[] = (policy.notes ?? []).map((text) => ({ source: 'policy', text }));
  if (options.conversion) out.push({ source: 'policy', id: 'scale', text: options.conversion });
  if (grade.vetoed) out.push(vetoReading(policy, options.refund !== undefined));
  const refund = options.refund;
  if (!refund) return out;
  if (policy.refund?.text) out.push({ source: 'policy', id: 'refund', text: policy.refund.text });
  if (grade.downgradeSteps > 0) {
    const follows = options.downgradeRefund ?? policy.downgrade?.refundFollows ?? 'grade';
    out.push(downgradeRefundReading(follows, grade));
    const free = follows === 'grade' ? downgradeCostsNothing(policy, grade, grade.band, refund.ratio) : null;
    if (free) out.push({ source: 'policy', id: 'downgradeRefund', text: free });
  }
  if ((options.circumstances ?? []).length > 0 && policy.extraWithholding)
    out.push({ source: 'policy', id: 'extraWithholding', text: EXTRA_WITHHOLDING_READING });
  return out;
}

/** The readings as printed under a value: a heading, then one line each. */
export function readingsBlock(readings: readonly Reading[], line: (reading: Reading) => string): string[] {
  return readings.length === 0 ? [] : ['口径说明：', ...readings.map((r) => `  ${line(r)}`)];
}
