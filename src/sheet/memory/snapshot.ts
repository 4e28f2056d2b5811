import { policyIds } from '../../core';
import type { SheetSnapshot } from '../port';
import type { PlainValue, SheetPlan } from '../types';
import { linkTarget } from '../roster/link';
import { cellAddress } from './a1';

/** What one cell holds now: its live formula (with "="), if any, and the value it shows (null = blank). */
export interface StoredCell {
  formula?: string;
  value: PlainValue | null;
}

/** Reads one cell of the sheet by its A1 address (no sheet name). */
export type CellReader = (address: string) => StoredCell;

/** Every cell the plan puts a formula in, row by row: address → the planned formula. */
export function plannedFormulas(plan: SheetPlan): ReadonlyMap<string, string> {
  const listed = plannedOf.get(plan);
  if (listed) return listed;
  const formulas = new Map<string, string>();
  plan.grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && 'formula' in cell) formulas.set(cellAddress(r, c), cell.formula);
    }),
  );
  plannedOf.set(plan, formulas);
  return formulas;
}

/** A plan is data made once per layout (memoizedReplanner): its formulas are listed once, not once per
 * sheet read with it (mib collect reads hundreds with one plan). */
const plannedOf = new WeakMap<SheetPlan, ReadonlyMap<string, string>>();

/**
 * The snapshot of an assessment sheet laid out by `plan`, whatever holds the cells: the Excel reader
 * and the in-memory workbook both build their snapshot here, so both mean the same thing. A value
 * typed over a planned formula shows up as `formula: <that value>`.
 */
export function snapshotOf(sheetName: string, plan: SheetPlan, read: CellReader): SheetSnapshot {
  const value = (address: string) => read(address).value;
  const optional = (address: string) => value(address) ?? undefined;
  // the policy cell may have been changed to another policy since the sheet was made
  const policyCell = value(plan.fields.policy);
  // an expanded sheet's 机构编码 shows the roster's cell (展开)
  const codeFormula = read(plan.fields.institutionCode).formula;
  const rosterSheet = codeFormula === undefined ? undefined : linkTarget(codeFormula)?.sheetName;
  return {
    sheetName,
    rubricId: plan.rubricId,
    policyId: typeof policyCell === 'string' && policyIds.includes(policyCell.trim()) ? policyCell.trim() : plan.policyId,
    institutionCode: optional(plan.fields.institutionCode),
    institutionName: optional(plan.fields.institutionName),
    year: optional(plan.fields.year),
    deposit: optional(plan.fields.deposit),
    complete: optional(plan.fields.complete),
    ownership: optional(plan.fields.ownership),
    circumstances: plan.fields.circumstances === undefined ? undefined : optional(plan.fields.circumstances),
    ...(plan.fields.rubricVersion && { rubricVersion: optional(plan.fields.rubricVersion) }),
    ...(rosterSheet !== undefined && { rosterSheet }),
    inputs: plan.inputs.map(({ id, address }) => ({ id, address, value: value(address) })),
    selfScores: plan.items.map(({ itemNo, selfScore }) => ({ itemNo, address: selfScore, value: value(selfScore) })),
    withAddinFunctions: plan.fields.addinTotal !== undefined,
    computed: [...plannedFormulas(plan).keys()].map((address) => {
      const cell = read(address);
      return { address, formula: cell.formula ?? cell.value, value: cell.value };
    }),
  };
}
