import { yes } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** 否决项: the clause cell reads 否决 when the fact is 是 (江北 1: "未缴纳罚金的不签订协议"). */
export const vetoFormula: ClauseFormulaOf<'veto'> = (rule, ctx) => ({
  formula: `IF(${yes(ctx.ref(rule.input.id))},"否决","")`,
  role: 'veto',
});
