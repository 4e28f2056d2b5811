import { splitReference } from './memory/a1';
import { storedVersion } from './storedFiles/load';
import type { StoredCell } from './memory/snapshot';
import type { SheetPlan } from './types';

/** The name that marks a worksheet as an assessment sheet; its cell holds the rubric id. */
export const RUBRIC_NAME = 'MIB_RUBRIC';

/**
 * Lays out a rubric again as planSheet would have: a reader maps addresses through the plan, so it
 * never has to guess where an input or a score lives.
 */
export type Replanner = (rubricId: string, variant: { policyId?: string; withAddinFunctions: boolean }) => SheetPlan;

/** A plan ref in the form the readers give names: areas without "$", upper case, comma-separated; a range
 * of one cell (K12:K12, the ids of a table with one input) as that cell, as a saved workbook keeps it. */
export function planAddress(ref: string): string {
  return ref
    .split(',')
    .map((area) => oneCell(splitReference(area).address))
    .join(',');
}

const oneCell = (area: string) => {
  const [from, to] = area.split(':');
  return to === from ? from! : area;
};
const sameAreas = (read: string | undefined, planned: string) =>
  read !== undefined && read.split(',').map(oneCell).join(',') === planAddress(planned);

/**
 * The layouts the sheet may have been made with (with or without the policy in its policy cell, with or
 * without the add-in functions), the first whose names all sit where the sheet's names sit; undefined
 * when none does (rows or columns moved since). `names` maps NAME (upper case) → address without "$".
 * Shared by the Office.js reader and the reader of submitted files.
 */
export function matchingPlan(
  rubricId: string,
  names: ReadonlyMap<string, string>,
  read: (address: string) => StoredCell,
  replan: Replanner,
): SheetPlan | undefined {
  const plain = tryPlan(() => replan(rubricId, { withAddinFunctions: false }));
  if (!plain) return undefined;
  const policyCell = read(plain.fields.policy).value;
  const policies = typeof policyCell === 'string' && policyCell.trim() !== '' ? [policyCell.trim(), undefined] : [undefined];
  for (const policyId of policies) {
    for (const withAddinFunctions of [false, true]) {
      const plan =
        policyId === undefined && !withAddinFunctions
          ? plain
          : tryPlan(() => replan(rubricId, { ...(policyId !== undefined && { policyId }), withAddinFunctions }));
      if (plan && plan.names.every((name) => sameAreas(names.get(name.name.toUpperCase()), name.ref))) return plan;
    }
  }
  return undefined;
}

function tryPlan(make: () => SheetPlan): SheetPlan | undefined {
  try {
    return make();
  } catch {
    return undefined; // an unknown rubric or policy id in the sheet: no such layout
  }
}

/** Plans are pure functions of their key: each layout is made once per session (once per version of a
 * region's own table: importing another version lays it out anew). Shared by the pane's workbook and the
 * collector, which lays out one table for hundreds of sheets. */
export function memoizedReplanner(replan: Replanner): Replanner {
  const plans = new Map<string, SheetPlan>();
  return (rubricId, variant) => {
    const key = `${rubricId}|${storedVersion('rubric', rubricId) ?? ''}|${variant.policyId ?? ''}|${variant.withAddinFunctions}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = replan(rubricId, variant)));
    return plan;
  };
}
