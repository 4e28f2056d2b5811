import { num, withoutBinaryNoise } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** Points for a place among the first N ("前13家定点医疗机构得10分"); no rank, no points. */
export const rankTopFormula: ClauseFormulaOf<'rankTop'> = (rule, ctx) => {
  const ref = ctx.ref(rule.input.id);
  return { formula: `IF(AND(${ref}<>"",${withoutBinaryNoise(ref)}<=${num(rule.top)}),${num(rule.points)},0)`, role: 'earn' };
};
