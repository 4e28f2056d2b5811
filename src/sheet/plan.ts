// The entry other layers import: planSheet(rubric, options) → SheetPlan.
export { planSheet } from './planSheet';
export type { PlanOptions, SheetPlan } from './types';
