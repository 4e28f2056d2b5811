import { evaluate, getRubric } from '../../core';
import { type SelfTestContext, attempt, failed, passed, sameValue, skipped } from './step';
import type { WrittenTable } from './tables';
import type { StepResult } from './types';

/** How long a custom function may compute before the step gives up: POLLS reads, WAIT_MS apart. */
const POLLS = 40;
const WAIT_MS = 250;

/**
 * One MIB.SCORE recalculation: the first sheet written with the add-in's functions holds
 * =MIB.SCORE(...) over its own facts (MIB_ADDIN_TOTAL); its value, once Excel has computed it, must be the
 * core's total. Where the host has no custom functions, or Excel answers #NAME? (not registered), the
 * step is skipped and says why.
 */
export function customFunctionStep(context: SelfTestContext, written: WrittenTable[]): Promise<StepResult> {
  return attempt('customFunction', undefined, async () => {
    const { host, t } = context;
    if (host.customFunctions !== null) return skipped(t('customNone', { why: host.customFunctions }));
    const table = written.find((w) => w.plan.fields.addinTotal !== undefined);
    const read = host.inspector.cellValue;
    if (!table || !read) return skipped(t('customNone', { why: '—' }));
    const address = table.plan.fields.addinTotal!;
    let value = await read(table.sheetName, address);
    for (let i = 0; i < POLLS && (value === null || value === '#BUSY!'); i++) {
      await host.wait(WAIT_MS);
      value = await read(table.sheetName, address);
    }
    if (value === null || value === '#BUSY!') return failed(t('customBusy', { seconds: (POLLS * WAIT_MS) / 1000 }));
    if (value === '#NAME?') return skipped(t('customNone', { why: '#NAME?' }));
    const core = evaluate(getRubric(table.rubricId), table.facts).total.toNumber();
    return sameValue(value, core) ? passed(t('customSame', { value: String(value) })) : failed(t('customDiffers', { value: String(value), core }));
  });
}
