/// <reference types="office-js" />
import type { WorkbookPort } from '../../sheet/port';
import { FILES_SHEET, type FileStorePort } from '../../sheet/storedFiles/contract';
import type { PlainValue } from '../../sheet/types';
import { PlainCellValue } from '../../core';
import { namesOnSheet } from '../names';
import type { ExcelRun } from '../workbook';
import type { HostInfo, SelfTestHost } from './types';

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** The requirement sets the report lists, each version asked of Office
 * (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets and
 * custom-functions-requirement-sets, common/shared-runtime-requirement-sets). */
export const REPORTED_SETS: readonly { name: string; versions: readonly string[] }[] = [
  { name: 'ExcelApi', versions: Array.from({ length: 20 }, (_, i) => `1.${i + 1}`) },
  { name: 'ExcelApiOnline', versions: ['1.1'] },
  { name: 'CustomFunctionsRuntime', versions: ['1.1', '1.2', '1.3', '1.4', '1.5'] },
  { name: 'SharedRuntime', versions: ['1.1', '1.2'] },
];

/** Office's own description of where the add-in runs: Office.context.diagnostics (host, platform,
 * version), the display language, and isSetSupported for each reported set. */
export function officeHostInfo(office: typeof Office = Office): HostInfo {
  const diagnostics = office.context.diagnostics;
  const supported = (name: string, version: string) => {
    try {
      return office.context.requirements.isSetSupported(name, version);
    } catch {
      return false;
    }
  };
  return {
    host: String(diagnostics?.host ?? '—'),
    platform: String(diagnostics?.platform ?? '—'),
    version: diagnostics?.version ?? '—',
    language: office.context.displayLanguage ?? '—',
    sets: REPORTED_SETS.flatMap(({ name, versions }) => versions.map((version) => ({ name, version, supported: supported(name, version) }))),
  };
}

const KINDS: Partial<Record<Excel.DataValidationType | string, string>> = {
  List: 'list',
  WholeNumber: 'wholeNumber',
  Decimal: 'decimal',
  None: 'none',
};

/**
 * The self-test in Excel: the pane's own ExcelWorkbook and ExcelFileStore, and an inspector reading back
 * through Office.js what the port does not (every call ExcelApi 1.9 or older, as the manifest declares:
 * test/excel/apiSets.test.ts). Custom functions are there when Office has CustomFunctionsRuntime 1.3.
 */
export function excelSelfTestHost(port: WorkbookPort, files: FileStorePort, run: ExcelRun = excelRun, office: typeof Office = Office): SelfTestHost {
  const sheetOf = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name);
  return {
    port,
    files,
    info: async () => officeHostInfo(office),
    computesFormulas: true,
    customFunctions: office.context.requirements.isSetSupported('CustomFunctionsRuntime', '1.3') ? null : 'CustomFunctionsRuntime 1.3 ✗',
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    inspector: {
      names: (sheetName) =>
        run(async (context) => {
          const sheet = sheetOf(context, sheetName);
          sheet.names.load('items/name,items/formula');
          context.workbook.names.load('items/name,items/formula');
          await context.sync();
          const entries = (items: Excel.NamedItem[]) => items.map((item) => ({ name: item.name, formula: String(item.formula) }));
          return namesOnSheet(sheetName, entries(sheet.names.items), entries(context.workbook.names.items));
        }),
      validation: (sheetName, address) =>
        run(async (context) => {
          const validation = sheetOf(context, sheetName).getRange(address).dataValidation;
          validation.load('type,rule');
          await context.sync();
          const source = validation.rule.list?.source;
          return { kind: KINDS[validation.type] ?? validation.type, ...(typeof source === 'string' && { source }) };
        }),
      printLayout: (sheetName) =>
        run(async (context) => {
          const layout = sheetOf(context, sheetName).pageLayout;
          layout.load('orientation,zoom');
          const titles = layout.getPrintTitleRowsOrNullObject();
          titles.load('address');
          await context.sync();
          return { orientation: layout.orientation, scale: layout.zoom?.scale ?? null, titleRows: titles.isNullObject ? null : titles.address };
        }),
      isProtected: (sheetName) =>
        run(async (context) => {
          const protection = sheetOf(context, sheetName).protection;
          protection.load('protected');
          await context.sync();
          return protection.protected;
        }),
      charts: (sheetName) =>
        run(async (context) => {
          const charts = sheetOf(context, sheetName).charts;
          charts.load('items/name');
          await context.sync();
          return charts.items.map((chart) => chart.name);
        }),
      cellValue: (sheetName, address) =>
        run(async (context) => {
          const range = sheetOf(context, sheetName).getRange(address);
          range.load('values');
          await context.sync();
          return PlainCellValue.parse(range.values[0]?.[0]) as PlainValue | null;
        }),
      hasFilesSheet: () =>
        run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(FILES_SHEET);
          await context.sync();
          return !sheet.isNullObject;
        }),
      // a very hidden sheet refuses delete (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)):
      // made hidden first, in the same request
      removeFilesSheet: () =>
        run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(FILES_SHEET);
          sheet.visibility = 'Hidden';
          sheet.delete();
          await context.sync();
        }),
    },
  };
}
