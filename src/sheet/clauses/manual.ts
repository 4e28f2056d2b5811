import type { ClauseFormulaOf } from './types';

/** Points a reviewer sets within [0, max] ("按当年度医保信用评价指标体系标准确定"). */
export const manualFormula: ClauseFormulaOf<'manual'> = (rule, ctx) => ({ formula: `N(${ctx.ref(rule.input.id)})`, role: 'earn' });
