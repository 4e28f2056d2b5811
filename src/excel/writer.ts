/// <reference types="office-js" />
import { freeSheetName } from '../sheet/sheetName';
import type { GridPlan, SheetPlan } from '../sheet/types';
import { bodySteps } from './body';
import { cellBlocks } from './cells';
import { addChart } from './charts';
import { addConditionalFormat } from './conditionalFormats';
import { excelApiSupported, freezeRows, protect, setGridPrintLayout, setPrintLayout, setSizes } from './layout';
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
 * If a write of the contents fails, the half-made sheet is deleted (by name, in a fresh sync) and the error
 * rethrown; a finishing part Excel refuses (print layout, protection) is reported, the sheet kept.
 */
export async function writePlan(context: Excel.RequestContext, plan: SheetPlan, report?: (problem: FinishingProblem) => void): Promise<string> {
  // the working columns print apart, on a sheet of their own after the form (plan.workingPrint), as in the
  // .xlsx template: its formulas read the form, and follow it where its name was taken
  const plans: GridPlan[] = plan.workingPrint ? [plan, plan.workingPrint] : [plan];
  const [name] = await writeSheets(
    context,
    plans,
    (written, index) => (index === 0 ? assessmentFinishing(plan, index) : workingPrintFinishing(written)),
    report,
  );
  return name!;
}

/**
 * Writes grid plans (the roster workbook: 汇总名单, 汇总统计, 同级分组) as new worksheets in the same
 * three stages, all sheets together: one sync for the names, the contents of every sheet in batches
 * of at most REQUEST_LIMIT (a 10,000-row roster: a few), one for filters, charts, frozen rows and
 * activating the first. Formulas that refer to another of the plans follow it when its name was taken.
 */
export async function writeGridPlans(
  context: Excel.RequestContext,
  plans: readonly GridPlan[],
  report?: (problem: FinishingProblem) => void,
): Promise<string[]> {
  return writeSheets(context, plans, (plan, index) => gridFinishing(plan, index === 0), report);
}

/** The bytes of each request after the first (which only reads names): what each sync would carry. */
export function plannedRequests(
  plans: readonly GridPlan[],
  finishing: (plan: GridPlan, index: number) => FinishingPart[] = gridFinishingOf,
): number[] {
  const names = new Map(plans.map((plan) => [plan.name, plan.name]));
  const batches = sheetBatches(plans.flatMap((plan, sheet) => contentSteps(plan, names).map((step) => ({ sheet, step }))));
  const size = (steps: SheetStep[]) => steps.reduce((sum, { step }) => sum + stepBytes(step), 0);
  return [...batches.map(size), size(plans.flatMap((plan, sheet) => finishing(plan, sheet).map(({ step }) => ({ sheet, step }))))];
}

/** Bytes the plan's requests take (all syncs together), estimated by dry-running the writer's steps. */
export function estimateRequestBytes(plan: SheetPlan): number {
  return plannedRequests([plan], (p) => assessmentFinishing(p as SheetPlan, 0)).reduce((sum, bytes) => sum + bytes, 0);
}

/** A finishing part (print layout, a chart, protection, ...) that Excel refused after the sheet's contents were
 * written: the sheet stays, and the part is reported through the writer's `report`. */
export class FinishingProblem extends Error {
  constructor(
    readonly sheetName: string,
    readonly part: string,
    override readonly cause: unknown,
  ) {
    super(`工作表“${sheetName}”已写好，但${part}未完成：${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'FinishingProblem';
  }
}

/** One part of the finishing, named for the report; `retry` redoes it safely in a sync of its own. */
export interface FinishingPart {
  part: string;
  step: Step;
  /** run before `step` when the part is tried again alone (undo what a first attempt may have left) */
  prepare?: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<boolean>;
}

async function writeSheets<T extends GridPlan>(
  context: Excel.RequestContext,
  plans: readonly T[],
  finishing: (plan: T, index: number) => FinishingPart[],
  report: (problem: FinishingProblem) => void = () => undefined,
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
  try {
    const sheets = names.map((name) => worksheets.add(name));
    const content = plans.flatMap((plan, sheet) => contentSteps(plan, renamed, names[sheet]).map((step) => ({ sheet, step })));
    for (const batch of sheetBatches(content)) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const { sheet, step } of batch) step(sheets[sheet]!);
      await context.sync();
    }
  } catch (error) {
    // a failed sync has run the operations before the failing one, and the objects of its batch are no longer
    // valid: the half-made sheets are found again by name, in a sync of their own
    await deleteSheetsNamed(context, names).catch(() => undefined);
    throw error;
  }
  await finish(context, names, (index) => finishing(plans[index]!, index), report);
  return names;
}

/**
 * The finishing parts of every sheet in one sync; when Excel refuses one, the sheets stay (their contents
 * are written) and each part is tried again alone, in a sync of its own on the sheet found by name, and a
 * part that fails again is reported. Print layout, charts and protection are worth having, never a sheet.
 */
async function finish(
  context: Excel.RequestContext,
  names: readonly string[],
  partsOf: (index: number) => FinishingPart[],
  report: (problem: FinishingProblem) => void,
): Promise<void> {
  const parts = names.map((_name, index) => partsOf(index));
  try {
    names.forEach((name, index) => {
      const sheet = context.workbook.worksheets.getItem(name);
      for (const { step } of parts[index]!) step(sheet);
    });
    await context.sync();
    return;
  } catch {
    // tried again part by part below
  }
  for (const [index, name] of names.entries()) {
    for (const { part, step, prepare } of parts[index]!) {
      try {
        const sheet = context.workbook.worksheets.getItem(name);
        if (prepare && !(await prepare(context, sheet))) continue;
        step(context.workbook.worksheets.getItem(name));
        await context.sync();
      } catch (error) {
        report(new FinishingProblem(name, part, error));
      }
    }
  }
}

/** Deletes the sheets of these names that are there, in a fresh sync (by name, not through older objects). */
export async function deleteSheetsNamed(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  const found = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  for (const sheet of found) sheet.load('name');
  await context.sync();
  for (const sheet of found) if (!sheet.isNullObject) sheet.delete();
  await context.sync();
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
function gridFinishing(plan: GridPlan, activate: boolean): FinishingPart[] {
  return [
    {
      part: '筛选按钮',
      step: (sheet) => {
        // filter buttons need ExcelApi 1.9: without it the sheet is still made, unfiltered
        if (plan.autoFilter && excelApiSupported('1.9')) sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
      },
    },
    ...(plan.charts ?? []).map((chart): FinishingPart => ({
      part: `图表“${chart.title}”`,
      step: (sheet) => addChart(sheet, chart),
      // a chart the first attempt made stays once: the retry removes it before adding it again
      prepare: async (context, sheet) => {
        const existing = sheet.charts.getItemOrNullObject(chart.name);
        existing.load('name');
        await context.sync();
        if (!existing.isNullObject) existing.delete();
        return true;
      },
    })),
    ...gridPrintPart(plan),
    { part: '冻结表头', step: (sheet) => freezeRows(sheet, plan) },
    {
      part: '激活工作表',
      step: (sheet) => {
        if (activate) sheet.activate();
      },
    },
  ];
}

/** The print setup a grid plan gives (none without one). */
function gridPrintPart(plan: GridPlan): FinishingPart[] {
  const setup = plan.pageSetup;
  if (!setup) return [];
  return [
    {
      part: '打印设置',
      step: (sheet) => setGridPrintLayout(sheet, setup),
      // page breaks a first attempt added are removed before they are added again (ExcelApi 1.9, as the layout)
      prepare: async (_context, sheet) => {
        if (setup.pageBreaks?.length && excelApiSupported('1.9')) sheet.horizontalPageBreaks.removePageBreaks();
        return true;
      },
    },
  ];
}

const gridFinishingOf = (plan: GridPlan, index: number) => gridFinishing(plan, index === 0);

/** The sheet protected (a sheet the first attempt protected is left as it is). */
function protectionPart(protects: boolean): FinishingPart {
  return {
    part: '工作表保护',
    step: (sheet) => {
      if (protects) protect(sheet);
    },
    prepare: async (context, sheet) => {
      sheet.protection.load('protected');
      await context.sync();
      return !sheet.protection.protected;
    },
  };
}

/** The working print after the form: its print setup and frozen header, protected (it only reads the form). */
function workingPrintFinishing(plan: GridPlan): FinishingPart[] {
  return [...gridPrintPart(plan), { part: '冻结表头', step: (sheet) => freezeRows(sheet, plan) }, protectionPart(true)];
}

function assessmentFinishing(plan: SheetPlan, _index: number): FinishingPart[] {
  const firstInput = plan.inputs[0]?.address;
  return [
    {
      part: '打印设置',
      step: (sheet) => setPrintLayout(sheet, plan),
      // page breaks a first attempt added are removed before they are added again (ExcelApi 1.9, as the layout)
      prepare: async (_context, sheet) => {
        if (excelApiSupported('1.9')) sheet.horizontalPageBreaks.removePageBreaks();
        return true;
      },
    },
    { part: '冻结表头', step: (sheet) => freezeRows(sheet, plan) },
    protectionPart(plan.protect),
    {
      part: '激活工作表',
      step: (sheet) => {
        sheet.activate();
        if (firstInput) sheet.getRange(firstInput).select();
      },
    },
  ];
}
