import { num } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** Points per occurrence ("发现一次扣1分"). A deduction's cap is applied by the item, so the clause cell
 * shows the raw deduction; an earning's cap ("最高10分") is applied here. */
export const perOccurrenceFormula: ClauseFormulaOf<'perOccurrence'> = (rule, ctx) => {
  // "1*L12" even for one point: it reads as the sentence (1 point per finding), and a blank cell is 0
  const raw = `${num(rule.points)}*${ctx.ref(rule.input.id)}`;
  if (rule.effect === 'earn') return { formula: rule.cap === undefined ? raw : `MIN(${num(rule.cap)},${raw})`, role: 'earn' };
  return { formula: raw, role: 'deduct', ...(rule.cap !== undefined && { cap: rule.cap }) };
};
