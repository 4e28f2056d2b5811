// Bundled by esbuild into the page of test/pane/selfTestStrict.test.ts: 自检 in Chromium on the strict
// Office.js fake (web mode), through the pane's own ExcelWorkbook, ExcelFileStore and Excel inspector.
/// <reference types="office-js" />
import { getRubric } from '../../src/core';
import { runSelfTest } from '../../src/excel/selfTest';
import { excelSelfTestHost } from '../../src/excel/selfTest/excelHost';
import { ExcelFileStore } from '../../src/excel/storedFiles';
import { ExcelWorkbook, type ExcelRun } from '../../src/excel/workbook';
import { planSheet } from '../../src/sheet/planSheet';
import { fakeExcel } from '../excel/fakeExcel';

const office = {
  context: {
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0' },
    displayLanguage: 'zh-CN',
    requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 9 },
  },
} as unknown as typeof Office;

(window as unknown as { selfTestOnStrictFake: () => Promise<unknown> }).selfTestOnStrictFake = async () => {
  const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
  const run: ExcelRun = (batch) => batch(excel.context);
  const port = new ExcelWorkbook({ run, replan: (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true }) });
  const host = {
    ...excelSelfTestHost(port, new ExcelFileStore(run), run, office),
    computesFormulas: false,
    customFunctions: '测试用的 Excel 替身没有自定义函数',
  };
  const report = await runSelfTest(host, { locale: 'zh-CN', addinVersion: 'test' });
  return { steps: report.steps, left: excel.sheetNames(), userAgent: navigator.userAgent };
};
