// 自检 on the strict Office.js fake in its web mode, through the pane's own ExcelWorkbook, ExcelFileStore and
// the self-test's Excel inspector: run in vitest (test/excel/selfTestStrict.test.ts) and, bundled into a
// page, in Chromium (test/pane/selfTestStrict.test.ts). The fake computes no formula and has no custom
// functions: those steps are skipped with the reason.
/// <reference types="office-js" />
import { getRubric } from '../../src/core';
import { runSelfTest } from '../../src/excel/selfTest';
import { excelSelfTestHost } from '../../src/excel/selfTest/excelHost';
import type { SelfTestReport } from '../../src/excel/selfTest/types';
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

export async function selfTestOnStrictFake(): Promise<{ report: SelfTestReport; left: string[]; requestSizes: number[] }> {
  const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
  const run: ExcelRun = (batch) => batch(excel.context);
  const port = new ExcelWorkbook({ run, replan: (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true }) });
  const host = {
    ...excelSelfTestHost(port, new ExcelFileStore(run), run, office),
    computesFormulas: false,
    customFunctions: '测试用的 Excel 替身没有自定义函数',
  };
  const report = await runSelfTest(host, { locale: 'zh-CN', addinVersion: 'test' });
  return { report, left: excel.sheetNames(), requestSizes: [...excel.requestSizes] };
}
