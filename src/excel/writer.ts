/// <reference types="office-js" />
import { freeSheetName } from '../sheet/sheetName';
import type { GridPlan, SheetPlan } from '../sheet/types';
import { bodySteps } from './body';
import { cellBlocks } from './cells';
import { addChart } from './charts';
import { addConditionalFormat } from './conditionalFormats';
import { excelApiSupported, freezeRows, protect, setPrintLayout, setSizes } from './layout';
import { addName } from './names';
import { withSheetNames } from '../sheet/renamedSheets';
import { type Step, batches, stepBytes } from './requestSize';
import { applyStyle, styleGroups } from './styles';
import { addValidation } from './validation';

/** Excel on the web refuses a request over 5 MB; a batch is kept under this. */
export const REQUEST_LIMIT = 4 * 1024 * 1024;

/** A step on one of the sheets being written (by its index in the plans). */
interface SheetStep {
  sheet: number;
  step: Step;
}

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
  const [name] = await writeSheets(context, [plan], (_plan, index) => assessmentFinishing(plan, index));
  return name!;
}

/**
 * Writes grid plans (the roster workbook: 汇总名单, 汇总统计, 同级分组) as new worksheets in the same
 * three stages, all sheets together: one sync for the names, the contents of every sheet in batches
 * of at most REQUEST_LIMIT (a 10,000-row roster: a few), one for filters, charts, frozen rows and
 * activating the first. Formulas that refer to another of the plans follow it when its name was taken.
 */
export async function writeGridPlans(context: Excel.RequestContext, plans: readonly GridPlan[]): Promise<string[]> {
  return writeSheets(context, plans, (plan, index) => gridFinishing(plan, index === 0));
}

/** The bytes of each request after the first (which only reads names): what each sync would carry. */
export function plannedRequests(plans: readonly GridPlan[], finishing = gridFinishingOf): number[] {
  const names = new Map(plans.map((plan) => [plan.name, plan.name]));
  const batches = sheetBatches(plans.flatMap((plan, sheet) => contentSteps(plan, names).map((step) => ({ sheet, step }))));
  const size = (steps: SheetStep[]) => steps.reduce((sum, { step }) => sum + stepBytes(step), 0);
  return [...batches.map(size), size(plans.flatMap((plan, sheet) => finishing(plan, sheet).map((step) => ({ sheet, step }))))];
}

/** Bytes the plan's requests take (all syncs together), estimated by dry-running the writer's steps. */
export function estimateRequestBytes(plan: SheetPlan): number {
  return plannedRequests([plan], (p) => assessmentFinishing(p as SheetPlan, 0)).reduce((sum, bytes) => sum + bytes, 0);
}

async function writeSheets<T extends GridPlan>(
  context: Excel.RequestContext,
  plans: readonly T[],
  finishing: (plan: T, index: number) => Step[],
): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const taken = worksheets.items.map((sheet) => sheet.name);
  const names = plans.map((plan) => {
    const name = freeSheetName(plan.name, taken);
    taken.push(name);
    return name;
  });
  const renamed = new Map(plans.map((plan, i) => [plan.name, names[i]!]));
  const sheets = names.map((name) => worksheets.add(name));
  try {
    const content = plans.flatMap((plan, sheet) => contentSteps(plan, renamed, names[sheet]).map((step) => ({ sheet, step })));
    for (const batch of sheetBatches(content)) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const { sheet, step } of batch) step(sheets[sheet]!);
      await context.sync();
    }
    plans.forEach((plan, i) => {
      for (const step of finishing(plan, i)) step(sheets[i]!);
    });
    await context.sync();
  } catch (error) {
    for (const sheet of sheets) sheet.delete();
    await context.sync().catch(() => undefined);
    throw error;
  }
  return names;
}

/** The steps in groups of at most REQUEST_LIMIT bytes: one sync each. */
function sheetBatches(steps: SheetStep[]): SheetStep[][] {
  return batches(steps, REQUEST_LIMIT, (entry) => stepBytes(entry.step));
}

function contentSteps(source: GridPlan, renamed: ReadonlyMap<string, string>, sheetName = source.name): Step[] {
  const plan = withSheetNames(source, renamed);
  return [
    // the body's column formats go on before any value, so a text column keeps "0371" and "=x" as text
    ...bodySteps(plan, REQUEST_LIMIT / 2),
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

/** After the contents: the filter buttons, the charts (over the values now there), frozen rows. */
function gridFinishing(plan: GridPlan, activate: boolean): Step[] {
  return [
    (sheet) => {
      // filter buttons need ExcelApi 1.9: without it the sheet is still made, unfiltered
      if (plan.autoFilter && excelApiSupported('1.9')) sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
    },
    ...(plan.charts ?? []).map(
      (chart): Step =>
        (sheet) =>
          addChart(sheet, chart),
    ),
    (sheet) => freezeRows(sheet, plan),
    (sheet) => {
      if (activate) sheet.activate();
    },
  ];
}

const gridFinishingOf = (plan: GridPlan, index: number) => gridFinishing(plan, index === 0);

function assessmentFinishing(plan: SheetPlan, _index: number): Step[] {
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
