/// <reference types="office-js" />
import { freeSheetName } from '../sheet/sheetName';
import type { SheetPlan } from '../sheet/types';
import { cellBlocks } from './cells';
import { addConditionalFormat } from './conditionalFormats';
import { freezeRows, protect, setPrintLayout, setSizes } from './layout';
import { addName } from './names';
import { type Step, batches, stepBytes } from './requestSize';
import { applyStyle, styleGroups } from './styles';
import { addValidation } from './validation';

/** Excel on the web refuses a request over 5 MB; a batch is kept under this. */
export const REQUEST_LIMIT = 4 * 1024 * 1024;

/**
 * Writes the plan to a new worksheet (plan.name, or "name (2)", ... when taken), activates it and
 * returns its name, in three syncs whatever the rubric's size:
 *   1. read the existing sheet names;
 *   2. everything in the cells: values and formulas, number formats, styles, merges, validations,
 *      highlights, names, sizes;
 *   3. print layout, frozen rows, protection (last: a protected sheet refuses page setup), activation.
 * Only a plan whose content would pass REQUEST_LIMIT takes more syncs in step 2, one per 4 MB.
 * If a write fails, the half-made sheet is deleted and the error rethrown.
 */
export async function writePlan(context: Excel.RequestContext, plan: SheetPlan): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const name = freeSheetName(
    plan.name,
    worksheets.items.map((sheet) => sheet.name),
  );
  const sheet = worksheets.add(name);
  try {
    for (const batch of batches(contentSteps(plan, name), REQUEST_LIMIT)) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const step of batch) step(sheet);
      await context.sync();
    }
    for (const step of finishingSteps(plan)) step(sheet);
    await context.sync();
  } catch (error) {
    sheet.delete();
    await context.sync().catch(() => undefined);
    throw error;
  }
  return name;
}

/** Bytes the plan's requests take (all syncs together), estimated by dry-running the writer's steps. */
export function estimateRequestBytes(plan: SheetPlan): number {
  return [...contentSteps(plan, plan.name), ...finishingSteps(plan)].reduce((sum, step) => sum + stepBytes(step), 0);
}

function contentSteps(plan: SheetPlan, sheetName: string): Step[] {
  return [
    // the text format goes on before the contents, so "=abc" or "1.1" marked as text stays text
    ...cellBlocks(plan, REQUEST_LIMIT / 2).map((block): Step => (sheet) => {
      const range = sheet.getRange(block.address);
      range.numberFormat = block.numberFormats;
      range.formulas = block.formulas;
    }),
    ...plan.merges.map(
      (merge): Step =>
        (sheet) =>
          sheet.getRange(merge).merge(false),
    ),
    ...styleGroups(plan).flatMap(({ style, areas }) =>
      areas.map(
        (address): Step =>
          (sheet) =>
            applyStyle(sheet.getRanges(address).format, style),
      ),
    ),
    ...plan.validations.map(
      (validation): Step =>
        (sheet) =>
          addValidation(sheet, validation),
    ),
    ...plan.conditionalFormats.map(
      (highlight): Step =>
        (sheet) =>
          addConditionalFormat(sheet, highlight),
    ),
    ...plan.names.map(
      (name): Step =>
        (sheet) =>
          addName(sheet, sheetName, name),
    ),
    (sheet) => setSizes(sheet, plan),
  ];
}

function finishingSteps(plan: SheetPlan): Step[] {
  const firstInput = plan.inputs[0]?.address;
  return [
    (sheet) => setPrintLayout(sheet, plan),
    (sheet) => freezeRows(sheet, plan),
    (sheet) => {
      if (plan.protect) protect(sheet);
    },
    (sheet) => {
      sheet.activate();
      if (firstInput) sheet.getRange(firstInput).select();
    },
  ];
}
