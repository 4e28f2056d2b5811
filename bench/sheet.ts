// `npm run bench`, live worksheet section: for each rubric, the size of the sheet planSheet makes (cells,
// formulas), the bytes of the Office.js requests the writer sends and the syncs it needs to create the
// sheet, and the time to plan it (median of repeated runs). Prints only; nothing is asserted.
import { performance } from 'node:perf_hooks';
import { getRubric, rubricIds } from '../src/core';
import { estimateRequestBytes, writePlan } from '../src/excel/writer';
import { plannedFormulas } from '../src/sheet/memory/snapshot';
import { planSheet } from '../src/sheet/planSheet';
import type { SheetPlan } from '../src/sheet/types';

const RUNS = 30;

/** A stand-in for Excel's request context that accepts every call and counts context.sync. */
export function countingContext(): { context: Excel.RequestContext; syncs: () => number } {
  let syncs = 0;
  const anything = (): unknown =>
    new Proxy(function standIn() {}, {
      get(_t, property) {
        if (property === 'then' || typeof property === 'symbol') return undefined;
        if (property === 'items') return [];
        if (property === 'sync') return async () => void syncs++;
        return anything();
      },
      set: () => true,
      apply: () => anything(),
    });
  return { context: anything() as Excel.RequestContext, syncs: () => syncs };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchSheet(): Promise<void> {
  console.log(
    `${'rubric'.padEnd(28)} ${'cells'.padStart(6)} ${'formulas'.padStart(8)} ${'request'.padStart(10)} ${'syncs'.padStart(5)} ${'plan (median)'.padStart(14)}`,
  );
  for (const id of rubricIds) {
    const rubric = getRubric(id);
    let plan: SheetPlan | undefined;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      plan = planSheet(rubric, { policyId: 'jilin-2025', deposit: 100000, withAddinFunctions: true, convert: true });
      times.push(performance.now() - start);
    }
    const cells = plan!.grid.flat().filter((cell) => cell && ('value' in cell || 'formula' in cell)).length;
    const formulas = plannedFormulas(plan!).size;
    const { context, syncs } = countingContext();
    await writePlan(context, plan!);
    const bytes = estimateRequestBytes(plan!);
    console.log(
      `${id.padEnd(28)} ${String(cells).padStart(6)} ${String(formulas).padStart(8)} ${`${(bytes / 1024).toFixed(1)} KB`.padStart(10)} ${String(syncs()).padStart(5)} ${`${median(times).toFixed(2)} ms`.padStart(14)}`,
    );
  }
  console.log('(request: Office.js request bytes estimated by dry-running the writer; Excel on the web refuses a request over 5 MB)');
}
