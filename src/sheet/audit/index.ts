import {
  assess,
  circumstancesFrom,
  DecimalValue,
  depositBeyondRange,
  evaluate,
  fmt,
  getPolicy,
  getRubric,
  parseOwnership,
  type Policy,
  policyIds,
  refundShown,
  parsedOrNull,
  type Rubric,
} from '../../core';
import type { Replanner } from '../matchPlan';
import { planSheet } from '../planSheet';
import type { SheetSnapshot } from '../port';
import { shownFacts } from './shownFacts';
import type { SheetPlan } from '../types';
import { clauseCapCheck } from './clauseCap';
import { formulaCheck } from './formulas';
import { invalidInputCheck } from './invalidInput';
import { missingInputCheck } from './missingInput';
import { overCapCheck } from './overCap';
import { rubricChangedCheck } from './rubricChanged';
import { selfScoreCheck } from './selfScore';
import { type AuditContext, type AuditFlag, type AuditFlagKind, auditOrder } from './types';
import { vetoCheck } from './veto';

export interface AuditSummary {
  counts: Record<AuditFlagKind, number>;
  total: string;
  max: string;
  /** the total converted onto the policy's scale, and how (折算为百分制：650 × 100 / 795 = 81.761006) */
  converted?: string;
  conversion?: string;
  /** the grade as shown: the label, 暂评 …, 暂不评定 … */
  grade?: string;
  gradeEn?: string;
  /** the amount to the fen, or 方案未规定 where the notice leaves the band's refund unstated */
  refund?: string;
  /** why 方案未规定: the notice's text where it prints no grade or no refund for the score (灌南 below 70) */
  unstated?: string;
  veto: boolean;
}

export interface Audit {
  rubric: Rubric;
  policy?: Policy;
  plan: SheetPlan;
  flags: AuditFlag[];
  summary: AuditSummary;
  result: ReturnType<typeof evaluate>;
}

/** The layout as planSheet makes it (a sheet whose table and policy differ in scale was made with 折算:
 * the pairing itself says so). A caller auditing many sheets of one table passes a memoized one. */
const defaultReplan: Replanner = (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true });

const checks = [rubricChangedCheck, vetoCheck, overCapCheck, clauseCapCheck, invalidInputCheck, missingInputCheck, formulaCheck, selfScoreCheck];

/**
 * Checks an assessment sheet as it now stands. The numbers come from the core, computed from the facts
 * in the sheet's input cells (never from the cells' cached values), so a sheet whose formulas were
 * edited is still judged by the rubric. Flags come vetoes first, then over-cap deductions, bad and
 * missing facts, formulas that no longer match, and self-scores that differ.
 */
export function auditSheet(snapshot: SheetSnapshot, replan: Replanner = defaultReplan): Audit {
  const rubric = getRubric(snapshot.rubricId);
  const policy = snapshot.policyId && policyIds.includes(snapshot.policyId) ? getPolicy(snapshot.policyId) : undefined;
  // the formulas the sheet should hold under the policy it now names, in the layout it was read with
  const plan = replan(rubric.id, { ...(policy && { policyId: policy.id }), withAddinFunctions: snapshot.withAddinFunctions });
  // each fact as its cell shows it: a refusal echoes what was typed (150%, not 1.5)
  const facts = shownFacts(rubric, snapshot.inputs);
  // 公立/民营 from the header; anything the list does not offer counts as unknown, as a blank does
  const ownership = parseOwnership(snapshot.ownership) ?? undefined;
  const result = evaluate(rubric, facts, { ...(ownership && { ownership }) });
  const ctx: AuditContext = { snapshot, rubric, plan, result, ...(policy && { policy }) };
  const flags = checks.flatMap((check) => check(ctx)).sort((a, b) => auditOrder.indexOf(a.kind) - auditOrder.indexOf(b.kind));
  const counts = Object.fromEntries(auditOrder.map((k) => [k, flags.filter((f) => f.kind === k).length])) as Record<AuditFlagKind, number>;
  const summary: AuditSummary = { counts, total: fmt(result.total), max: fmt(result.max), veto: result.veto };
  if (policy) {
    const deposit = parsedOrNull(DecimalValue, snapshot.deposit);
    const complete = typeof snapshot.complete === 'string' && snapshot.complete.trim() === '是';
    // 扣减情形 as the sheet's refund formula reads it: the names the policy has (another word is not counted)
    const named = new Set(policy.extraWithholding?.map((c) => c.name));
    const circumstances =
      typeof snapshot.circumstances === 'string' ? circumstancesFrom(snapshot.circumstances).filter((name) => named.has(name)) : [];
    const assessed = assess(rubric, result, policy, {
      convert: true,
      complete,
      circumstances,
      // a deposit beyond the exact range (10¹³ yuan, 15 digits) gives no amount, as the sheet's formula shows none
      ...(deposit !== null && deposit.gte(0) && depositBeyondRange(deposit) === null && { deposit }),
    });
    // the policy's veto governs the total beside it, as the sheet's 总分 cell computes it
    summary.total = fmt(assessed.total);
    summary.grade = assessed.gradeText;
    summary.gradeEn = assessed.gradeTextEn;
    if (assessed.conversion) {
      summary.converted = fmt(assessed.converted ?? assessed.score);
      summary.conversion = assessed.trace[0];
    }
    const refund = assessed.refund ?? assessed.unstatedRefund;
    if (refund) summary.refund = refundShown(refund);
    const unstated = assessed.unstatedRefund?.unstated ?? (assessed.grade?.band.unstated ? assessed.grade.band.text : undefined);
    if (unstated !== undefined) summary.unstated = unstated;
  }
  return { rubric, ...(policy && { policy }), plan, flags, summary, result };
}

export type { AuditFlag, AuditFlagKind } from './types';
export { auditOrder } from './types';
