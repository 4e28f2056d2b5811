import type { Rule } from '../../core';
import { num, times, withoutBinaryNoise } from '../formulaParts';
import type { ClauseContext, ClauseFormulaOf } from './types';

type Linear = Extract<Rule, { kind: 'linear' }>;

/** Steps beyond the reference ("每高于该区间1个百分点"), rounded to 9 places so that binary fractions
 * (0.23−0.2)/0.01 count as the 3 steps the text means; whole steps only when the rubric says so. */
function steps(rule: Linear, ref: string, partialSteps: ClauseContext['partialSteps']): string {
  const gap =
    rule.direction === 'above'
      ? rule.reference === 0
        ? `MAX(0,${ref})`
        : `MAX(0,${ref}-${num(rule.reference)})`
      : `MAX(0,${num(rule.reference)}-${ref})`;
  const counted = withoutBinaryNoise(`${gap}/${num(rule.step)}`);
  return partialSteps === 'whole' ? `INT(${counted})` : counted;
}

/** The clause as an expression: an earning falls from its base; a deduction grows (a blank rate is not
 * achieved: the clause cap, or the item's points, is deducted). */
export function linearExpression(rule: Linear, ref: string, ctx: Pick<ClauseContext, 'itemPoints' | 'partialSteps'>): string {
  const amount = times(rule.pointsPerStep, steps(rule, ref, ctx.partialSteps));
  if (rule.effect === 'earn') return `IF(${ref}="",0,MAX(0,${num(rule.base ?? 0)}-${amount}))`;
  return `IF(${ref}="",${num(rule.cap ?? ctx.itemPoints)},${amount})`;
}

export const linearFormula: ClauseFormulaOf<'linear'> = (rule, ctx) => ({
  formula: linearExpression(rule, ctx.ref(rule.input.id), ctx),
  role: rule.effect,
  ...(rule.effect === 'deduct' && rule.cap !== undefined && { cap: rule.cap }),
});
