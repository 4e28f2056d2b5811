import { quotedSheet } from './sheetName';
import type { GridPlan, PlanCell } from './types';

/**
 * The plan with its formulas pointing at the sheets as actually named: when 汇总名单 is taken and the
 * roster goes to "汇总名单 (2)", the summary's '汇总名单'!K2:K9 must follow. Plans quote every sheet they
 * refer to ('name'!), so the quoted name is replaced as a whole.
 */
export function withSheetNames<T extends GridPlan>(plan: T, renamed: ReadonlyMap<string, string>): T {
  const moves = [...renamed].filter(([from, to]) => from !== to);
  if (moves.length === 0) return plan;
  const quote = (name: string) => `${quotedSheet(name)}!`;
  const rewrite = (formula: string) => moves.reduce((text, [from, to]) => text.split(quote(from)).join(quote(to)), formula);
  const grid = plan.grid.map((row) =>
    row.map((cell): PlanCell | null => (cell && 'formula' in cell ? { ...cell, formula: rewrite(cell.formula) } : cell)),
  );
  return { ...plan, grid };
}
