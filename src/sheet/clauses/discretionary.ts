import { num } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** Points the reviewer sets within the printed range ("视情节轻重每次扣5-10分"): the input is the total. */
export const discretionaryFormula: ClauseFormulaOf<'discretionary'> = (rule, ctx) => {
  const ref = ctx.ref(rule.input.id);
  if (rule.effect === 'earn') return { formula: rule.cap === undefined ? `N(${ref})` : `MIN(${num(rule.cap)},N(${ref}))`, role: 'earn' };
  return { formula: `N(${ref})`, role: 'deduct', ...(rule.cap !== undefined && { cap: rule.cap }) };
};
