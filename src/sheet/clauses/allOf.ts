import { num, withoutBinaryNoise, yes } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** Points when every part holds ("20%以上且50%以上的，得5分"); a blank part does not hold. */
export const allOfFormula: ClauseFormulaOf<'allOf'> = (rule, ctx) => {
  const parts = rule.parts.map((part) => {
    const ref = ctx.ref(part.input.id);
    if (part.input.type === 'boolean') return yes(ref);
    return `${ref}<>"",${withoutBinaryNoise(ref)}${part.op ?? '>='}${num(part.value ?? 0)}`;
  });
  return { formula: `IF(AND(${parts.join(',')}),${num(rule.points)},0)`, role: 'earn' };
};
