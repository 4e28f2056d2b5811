import { ifChain, num, str } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** Points by the option chosen ("按期完成工作得10分，…效果较差的得5分，其余情况不得分"). */
export const choiceFormula: ClauseFormulaOf<'choice'> = (rule, ctx) => {
  const ref = ctx.ref(rule.input.id);
  const pairs = rule.input.options.map((option, i): [string, string] => [`${ref}=${str(option)}`, num(rule.points[i] ?? 0)]);
  return { formula: ifChain(pairs, '0'), role: 'earn' };
};
