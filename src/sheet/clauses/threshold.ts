import type { Rule } from '../../core';
import { num, withoutBinaryNoise } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

type Threshold = Extract<Rule, { kind: 'threshold' }>;

/** The comparison as the text says it (未达到50% is "<0.5"; 以上/以下 include the number), of the value
 * without binary noise: a rate computed as =A/B that Excel shows as 90% is not "未达到90%". */
export function comparison(ref: string, when: Threshold['when']): string {
  return `${withoutBinaryNoise(ref)}${when.op === '=' ? '=' : when.op}${num(when.value)}`;
}

/** A measured rate against a bound ("网采率未达到90%的不得分"). A blank rate counts as not achieved: a
 * deduction applies, an earning does not. */
export function thresholdExpression(rule: Threshold, ref: string, itemPoints: number): string {
  const points = num(rule.points === 'all' ? itemPoints : rule.points);
  return rule.effect === 'deduct'
    ? `IF(OR(${ref}="",${comparison(ref, rule.when)}),${points},0)`
    : `IF(AND(${ref}<>"",${comparison(ref, rule.when)}),${points},0)`;
}

export const thresholdFormula: ClauseFormulaOf<'threshold'> = (rule, ctx) => ({
  formula: thresholdExpression(rule, ctx.ref(rule.input.id), ctx.itemPoints),
  role: rule.effect,
});
