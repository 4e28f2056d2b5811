import { ifChain, num, str } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** Points by the option chosen ("按期完成工作得10分，…效果较差的得5分，其余情况不得分"). */
export const choiceFormula: ClauseFormulaOf<'choice'> = (rule, ctx) => {
  const ref = ctx.ref(rule.input.id);
  const pairs = rule.input.options.map((option, i): [string, string] => [`${ref}=${str(option)}`, num(rule.points[i] ?? 0)]);
  const byGrade = ifChain(pairs, '0');
  if (!rule.percentOf) return { formula: byGrade, role: 'earn' };
  // a 0–100 score, where entered, counts as points × score% (威海 一级 B3 "得分85 → 85%×30=25.5")
  const score = ctx.ref(rule.percentOf.input.id);
  return { formula: `IF(${score}="",${byGrade},${score}*${num(rule.percentOf.points)}/100)`, role: 'earn' };
};
