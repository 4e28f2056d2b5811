/// <reference types="office-js" />
import type { CellBlock, SheetSnapshot, SheetValues, WorkbookPort } from '../sheet/port';
import { memoizedReplanner } from '../sheet/matchPlan';
import type { GridPlan, SheetPlan } from '../sheet/types';
import { reference } from './names';
import { type Replanner, activeAssessmentSheetName, assessmentSheetNames, readSnapshot } from './reader';
import { readValues, writeCells } from './sheetValues';
import { deleteSheetsNamed, writeGridPlans, writePlan } from './writer';

/** Excel.run, or a stand-in for tests; `reuse` runs in the context an event handler was added in. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, reuse?: OfficeExtension.ClientRequestContext) => Promise<T>;

const excelRun: ExcelRun = (batch, reuse) => (reuse ? Excel.run(reuse, batch) : Excel.run(batch));

type Where = { sheetName: string; address: string };

export interface ExcelWorkbookOptions {
  /** lays a rubric out again, for reading a sheet back (planSheet through the core's registry) */
  replan: Replanner;
  run?: ExcelRun;
  /** where failures inside event handlers go; they have no caller to throw to */
  onError?: (error: unknown) => void;
}

/**
 * The live workbook: the one place the pane reaches Excel. Every call is one Excel.run; events are
 * taken on the worksheet collection (ExcelApi 1.9), so they follow the user from sheet to sheet
 * without being added again on each activation.
 */
export class ExcelWorkbook implements WorkbookPort {
  readonly connected = true;
  private readonly run: ExcelRun;
  private readonly replan: Replanner;
  private readonly onError: (error: unknown) => void;

  constructor(options: ExcelWorkbookOptions) {
    this.run = options.run ?? excelRun;
    this.replan = memoizedReplanner(options.replan);
    this.onError = options.onError ?? ((error) => console.error(error));
  }

  /** Writes the sheet; a finishing part Excel refused (print layout, protection) goes to `onError`, the sheet kept. */
  createSheet(plan: SheetPlan): Promise<string> {
    return this.run((context) => writePlan(context, plan, this.onError));
  }

  createGridSheets(plans: readonly GridPlan[]): Promise<string[]> {
    return this.run((context) => writeGridPlans(context, plans, this.onError));
  }

  listAssessmentSheets(): Promise<string[]> {
    return this.run((context) => assessmentSheetNames(context));
  }

  activeAssessmentSheet(): Promise<string | null> {
    return this.run((context) => activeAssessmentSheetName(context));
  }

  readSheet(sheetName: string): Promise<SheetSnapshot> {
    return this.run((context) => readSnapshot(context, sheetName, this.replan));
  }

  deleteSheets(names: readonly string[]): Promise<void> {
    if (names.length === 0) return Promise.resolve();
    return this.run((context) => deleteSheetsNamed(context, names));
  }

  /** The visible sheets: a hidden or very hidden one (MIB_FILES, where a region's files are kept) is no roster
   * source, and `worksheets.items` lists them too, each with its visibility
   * (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member). */
  listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      await context.sync();
      return worksheets.items.filter((sheet) => sheet.visibility === 'Visible').map((sheet) => sheet.name);
    });
  }

  readValues(sheetName: string): Promise<SheetValues | null> {
    return this.run((context) => readValues(context, sheetName));
  }

  writeCells(sheetName: string, blocks: CellBlock[]): Promise<void> {
    return this.run((context) => writeCells(context, sheetName, blocks));
  }

  select(sheetName: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }

  selection(): Promise<Where | null> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load('address');
      await context.sync();
      const { sheet, address } = reference(cell.address);
      return sheet === undefined ? null : { sheetName: sheet, address };
    });
  }

  onChanged(handler: () => void): () => void {
    return this.subscribe((context) => context.workbook.worksheets.onChanged.add(async () => handler()));
  }

  onSelectionChanged(handler: (where: Where) => void): () => void {
    return this.subscribe((context) =>
      context.workbook.worksheets.onSelectionChanged.add(async (event) => {
        try {
          // the event names the sheet by id: one more sync for its name
          const sheetName = await this.run(async (context) => {
            const sheet = context.workbook.worksheets.getItem(event.worksheetId);
            sheet.load('name');
            await context.sync();
            return sheet.name;
          });
          handler({ sheetName, address: event.address.split(':')[0]! });
        } catch (error) {
          this.onError(error);
        }
      }),
    );
  }

  /** Adds an event handler now; the returned function removes it, in the context it was added in. */
  private subscribe(add: (context: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>): () => void {
    const added = this.run(async (context) => {
      const result = add(context);
      await context.sync();
      return result;
    });
    added.catch(this.onError);
    return () => {
      void added
        .then((result) =>
          this.run(async (context) => {
            result.remove();
            await context.sync();
          }, result.context),
        )
        .catch(this.onError);
    };
  }
}
