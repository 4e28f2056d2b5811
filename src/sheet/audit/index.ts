import { DecimalValue, evaluate, fmt, getPolicy, getRubric, gradeOf, type Policy, policyIds, parsedOrNull, refundOf, type Rubric } from '../../core';
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

/** The plan the sheet was made from: with or without the add-in cells, whichever has the sheet's formula cells. */
function planOf(rubric: Rubric, snapshot: SheetSnapshot): SheetPlan {
  const policyId = snapshot.policyId && policyIds.includes(snapshot.policyId) ? snapshot.policyId : undefined;
  const addresses = new Set(snapshot.computed.map((c) => c.address));
  const variants = [true, false].map((withAddinFunctions) => planSheet(rubric, { ...(policyId && { policyId }), withAddinFunctions }));
  const formulaCount = (plan: SheetPlan) => plan.grid.flat().filter((c) => c && 'formula' in c).length;
  return variants.find((plan) => formulaCount(plan) === addresses.size) ?? variants[1]!;
}

/**
 * Checks an assessment sheet as it now stands. The numbers come from the core, computed from the facts
 * in the sheet's input cells (never from the cells' cached values), so a sheet whose formulas were
 * edited is still judged by the rubric. Flags come vetoes first, then over-cap deductions, bad and
 * missing facts, formulas that no longer match, and self-scores that differ.
 */
export function auditSheet(snapshot: SheetSnapshot): Audit {
  const rubric = getRubric(snapshot.rubricId);
  const policy = snapshot.policyId && policyIds.includes(snapshot.policyId) ? getPolicy(snapshot.policyId) : undefined;
  const plan = planOf(rubric, snapshot);
  const facts = Object.fromEntries(snapshot.inputs.map((i) => [i.id, i.value]));
  const result = evaluate(rubric, facts);
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
