import { linearExpression } from './linear';
import { tableExpression } from './table';
import { thresholdExpression } from './threshold';
import type { ClauseFormulaOf } from './types';

/** "满足以上任意一条均可得分，按高分计算": the larger of the methods' points. */
export const bestOfFormula: ClauseFormulaOf<'bestOf'> = (rule, ctx) => {
  const methods = rule.methods.map((method) => {
    const ref = ctx.ref(method.input.id);
    if (method.kind === 'linear') return linearExpression(method, ref, ctx);
    if (method.kind === 'table') return tableExpression(method, ref);
    return thresholdExpression(method, ref, ctx.itemPoints);
  });
  return { formula: `MAX(${methods.join(',')})`, role: 'earn' };
};
