import { D, definitionOf, isPublicOnly, isRecordOnly, type Rule, type Rubric } from '../../core';
import { num } from '../formulaParts';
import type { ClauseFormula } from './types';

/**
 * A clause's cell formula as the core scores it for this institution (core/applicability.ts, clauseSkip,
 * in its order): a public-only clause gives nothing under 民营 (no deduction, no veto) and, for an earning
 * clause, its full points; otherwise a clause the rubric records only (an unpriced clause under
 * `unpricedClauses: record`) gives 0.
 */
export function scopedClauseFormula(rubric: Rubric, rule: Rule, clause: ClauseFormula, ownershipRef: string, itemPoints: number): string {
  const counted = isRecordOnly(rubric, rule) ? '0' : clause.formula;
  if (!isPublicOnly(rule)) return counted;
  const skipped =
    clause.role === 'veto'
      ? '""'
      : clause.role === 'earn'
        ? num(definitionOf(rule).maxEarn?.(rule, new D(itemPoints)).toNumber() ?? itemPoints)
        : '0';
  return skipped === counted ? counted : `IF(TRIM(${ownershipRef})="民营",${skipped},${counted})`;
}
