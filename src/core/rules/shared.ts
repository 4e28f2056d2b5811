import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { cmp, constant, D, type Dec, fmt, ZERO } from '../numbers/decimal';
import type { InputSpec, InputValue } from '../scoring/inputs';
import { showValue } from '../scoring/inputs';
import type { BlankMeaning, Points, RuleContext, RuleOutcome } from './types';

/** The clause's trace lines, built only when the caller reads them (`ctx.trace` is not false): the
 * words cost more than the scoring itself. */
export function traced(ctx: RuleContext, lines: () => string[]): string[] {
  return ctx.trace === false ? NO_LINES : lines();
}

/** The lines of every clause scored without its trace: one frozen empty list, not one per clause. */
export const NO_LINES: string[] = Object.freeze([]) as unknown as string[];

/** What a clause that deducts or earns gives: `amount` under its effect, and what its cap kept back. A
 * literal per effect, not `{ [effect]: amount }`: V8 builds and reads a computed key's object slowly,
 * and a roster reads hundreds of thousands of them. */
export function effectOutcome(effect: 'deduct' | 'earn', amount: Dec, lines: string[], notApplied?: Dec): RuleOutcome {
  if (notApplied === undefined) return effect === 'deduct' ? { deduct: amount, lines } : { earn: amount, lines };
  return effect === 'deduct' ? { deduct: amount, notApplied, lines } : { earn: amount, notApplied, lines };
}

export function resolvePoints(points: Points, ctx: RuleContext): Dec {
  return points === 'all' ? ctx.itemPoints : constant(points);
}

/** Applies a clause cap ("最多扣5分"): returns the applied amount and what the cap kept back. */
export function applyCap(raw: Dec, cap: number | undefined): { applied: Dec; notApplied: Dec } {
  if (cap === undefined || raw.isZero()) return { applied: raw, notApplied: ZERO };
  const capped = constant(cap);
  if (cmp(raw, capped) <= 0) return { applied: raw, notApplied: ZERO };
  return { applied: capped, notApplied: raw.minus(capped) };
}

export const comparisonOps = ['<', '<=', '>', '>=', '='] as const;
export const ComparisonSchema = /*#__PURE__*/ lazySchema(() =>
  z.enum(comparisonOps).describe('比较：<（未达到、低于）、<=（以下、不超过）、>（高于）、>=（以上、达到）、='),
);
export type Comparison = z.infer<typeof ComparisonSchema>;

/** Boundaries as the text says them: 未达到50% is "< 0.5", 以上/以下 include the number. */
export function compare(value: Dec, op: Comparison, bound: number): boolean {
  const c = cmp(value, constant(bound));
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
  }
}

export const opText: Record<Comparison, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };

export function describe(spec: InputSpec, value: InputValue | undefined): string {
  return value === undefined ? `${spec.id} ${spec.label}：未填（缺失）` : `${spec.id} ${spec.label}：${showValue(spec, value)}`;
}

export function asDec(value: InputValue | undefined): Dec | undefined {
  return value === undefined || typeof value === 'boolean' ? undefined : value;
}

export function boundText(spec: InputSpec, bound: number): string {
  return spec.type === 'ratio' || spec.type === 'signedRatio' ? `${fmt(new D(bound).times(100))}%` : fmt(bound);
}

export function signed(effect: 'deduct' | 'earn', amount: Dec): string {
  return effect === 'deduct' ? `扣${fmt(amount)}分` : `得${fmt(amount)}分`;
}

/** Number of steps by which `value` passes `reference` in `direction`, counted as the rubric says. */
export function stepsBeyond(
  value: Dec,
  reference: number,
  direction: 'above' | 'below',
  step: number,
  partialSteps: RuleContext['partialSteps'],
): Dec {
  const gap = direction === 'above' ? value.minus(constant(reference)) : constant(reference).minus(value);
  if (gap.isZero() || gap.isNegative()) return ZERO;
  const steps = gap.div(step);
  return partialSteps === 'whole' ? steps.floor() : steps;
}

/** The trace's words for a blank fact: counted as no finding (veto, deductions) or as not achieved
 * (earnings, thresholds); the same words as the clause's blankMeans. */
export const NO_FINDING = '按未发现计';
export const NOT_ACHIEVED = '按未达到计';

/** 不填视为未发现，<what follows>: a veto or a deduction with a blank fact. */
export function blankNoFinding(then: BlankMeaning): BlankMeaning {
  return { zh: `不填视为未发现，${then.zh}`, en: `blank counts as no finding: ${then.en}` };
}

/** 不填视为未达到，<what follows>: an earning, a threshold or a measured rate with a blank fact. */
export function blankNotAchieved(then: BlankMeaning): BlankMeaning {
  return { zh: `不填视为未达到，${then.zh}`, en: `blank counts as not achieved: ${then.en}` };
}

export const EARNS_NOTHING: BlankMeaning = { zh: '得0分', en: 'nothing earned' };

/** "扣5分" / "不得分" for what a clause deducts when it applies. */
export function deductionWords(points: Points): BlankMeaning {
  return points === 'all' ? { zh: '不得分', en: 'the item scores 0' } : { zh: `扣${fmt(points)}分`, en: `${fmt(points)} deducted` };
}

/** "不得5分" / "不得分" for what an earning clause does not earn. */
export function notEarnedWords(points: Points): BlankMeaning {
  return points === 'all' ? { zh: '不得分', en: 'nothing earned' } : { zh: `不得${fmt(points)}分`, en: `the ${fmt(points)} points are not earned` };
}
