import { num, yes } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** A fixed deduction or earning on a yes/no fact ("未如实填报的扣2分"); "all" is the item's points. */
export const conditionFormula: ClauseFormulaOf<'condition'> = (rule, ctx) => {
  const points = rule.points === 'all' ? ctx.itemPoints : rule.points;
  return { formula: `IF(${yes(ctx.ref(rule.input.id))},${num(points)},0)`, role: rule.effect };
};
