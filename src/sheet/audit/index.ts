import { DecimalValue, evaluate, fmt, getPolicy, getRubric, gradeOf, parseOwnership, type Policy, policyIds, parsedOrNull, refundOf, type Rubric } from '../../core';
import { planSheet } from '../planSheet';
import type { SheetSnapshot } from '../port';
import type { SheetPlan } from '../types';
import { formulaCheck } from './formulas';
import { invalidInputCheck } from './invalidInput';
import { missingInputCheck } from './missingInput';
import { overCapCheck } from './overCap';
import { selfScoreCheck } from './selfScore';
import { type AuditContext, type AuditFlag, type AuditFlagKind, auditOrder } from './types';
import { vetoCheck } from './veto';

export interface AuditSummary {
  counts: Record<AuditFlagKind, number>;
  total: string;
  max: string;
  grade?: string;
  refund?: string;
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

const checks = [vetoCheck, overCapCheck, invalidInputCheck, missingInputCheck, formulaCheck, selfScoreCheck];


/**
 * Checks an assessment sheet as it now stands. The numbers come from the core, computed from the facts
 * in the sheet's input cells (never from the cells' cached values), so a sheet whose formulas were
 * edited is still judged by the rubric. Flags come vetoes first, then over-cap deductions, bad and
 * missing facts, formulas that no longer match, and self-scores that differ.
 */
export function auditSheet(snapshot: SheetSnapshot): Audit {
  const rubric = getRubric(snapshot.rubricId);
  const policy = snapshot.policyId && policyIds.includes(snapshot.policyId) ? getPolicy(snapshot.policyId) : undefined;
  // the formulas the sheet should hold under the policy it now names, in the layout it was read with
  const plan = planSheet(rubric, { ...(policy && { policyId: policy.id }), withAddinFunctions: snapshot.withAddinFunctions });
  const facts = Object.fromEntries(snapshot.inputs.map((i) => [i.id, i.value]));
  // 公立/民营 from the header; anything the list does not offer counts as unknown, as a blank does
  const ownership = parseOwnership(snapshot.ownership) ?? undefined;
  const result = evaluate(rubric, facts, { ...(ownership && { ownership }) });
  const ctx: AuditContext = { snapshot, rubric, plan, result, ...(policy && { policy }) };
  const flags = checks.flatMap((check) => check(ctx)).sort((a, b) => auditOrder.indexOf(a.kind) - auditOrder.indexOf(b.kind));
  const counts = Object.fromEntries(auditOrder.map((k) => [k, flags.filter((f) => f.kind === k).length])) as Record<AuditFlagKind, number>;
  const summary: AuditSummary = { counts, total: fmt(result.total), max: fmt(result.max), veto: result.veto };
  if (policy) {
    summary.grade = gradeOf(policy, result.total, { veto: result.veto }).label;
    const deposit = parsedOrNull(DecimalValue, snapshot.deposit);
    if (policy.refund && deposit !== null && deposit.gte(0)) {
      summary.refund = refundOf(policy, result.total, deposit, { veto: result.veto }).amount.toFixed(2);
    }
  }
  return { rubric, ...(policy && { policy }), plan, flags, summary, result };
}

export type { AuditFlag, AuditFlagKind } from './types';
export { auditOrder } from './types';
