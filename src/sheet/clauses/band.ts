import { ifChain, num, str } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** The peer interval the reviewer picks ("第二区间扣2分"); a blank or unknown band counts as the last. */
export const bandFormula: ClauseFormulaOf<'band'> = (rule, ctx) => {
  const ref = ctx.ref(rule.input.id);
  const last = num(rule.deductions[rule.deductions.length - 1] ?? 0);
  const pairs = rule.input.options.slice(0, -1).map((option, i): [string, string] => [`${ref}=${str(option)}`, num(rule.deductions[i] ?? 0)]);
  return { formula: ifChain(pairs, last), role: 'deduct' };
};
