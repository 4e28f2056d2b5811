// The entry other layers import: planSheet(rubric, options) → SheetPlan, and where a cell sits in it.
import type { PlanItemCells, SheetPlan } from './types';

export { planSheet } from './planSheet';
export type { PlanOptions, SheetPlan } from './types';

/** The item whose rows hold the cell ("N14" → item 4's cells on a 江北 sheet); for a range, its last row. */
export function itemCellsAt(plan: SheetPlan, address: string): PlanItemCells | undefined {
  const row = Number(/\d+$/.exec(address)?.[0]);
  return plan.items.find((item) => row >= item.firstRow && row <= item.lastRow);
}
