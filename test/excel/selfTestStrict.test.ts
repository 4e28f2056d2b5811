// 自检 on the strict Office.js fake (test/excel/fakeExcel.ts, in its web mode: Excel's documented limits,
// 5 MB a request and a response, VeryHidden sheets): the pane's own ExcelWorkbook, ExcelFileStore and the
// self-test's Excel inspector, as in Excel. The fake computes no formula and has no custom functions, so
// those steps are skipped with the reason; every other step must pass and leave nothing behind.
/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { runSelfTest, statusCounts } from '../../src/excel/selfTest';
import { excelSelfTestHost } from '../../src/excel/selfTest/excelHost';
import { ExcelFileStore } from '../../src/excel/storedFiles';
import { ExcelWorkbook, type ExcelRun } from '../../src/excel/workbook';
import { planSheet } from '../../src/sheet/planSheet';
import { fakeExcel } from './fakeExcel';

const office = {
  context: {
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0' },
    displayLanguage: 'zh-CN',
    requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 9 },
  },
} as unknown as typeof Office;

describe('自检 on the strict fake', () => {
  it('passes every step the fake can answer, in web mode, and removes what it made', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
    const run: ExcelRun = (batch) => batch(excel.context);
    const port = new ExcelWorkbook({ run, replan: (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true }) });
    const host = {
      ...excelSelfTestHost(port, new ExcelFileStore(run), run, office),
      computesFormulas: false,
      customFunctions: '测试用的 Excel 替身没有自定义函数',
    };
    const report = await runSelfTest(host, { locale: 'zh-CN', addinVersion: 'test' });
    const failed = report.steps.filter((s) => s.status === 'failed');
    expect(failed.map((s) => JSON.stringify(s))).toEqual([]);
    const counts = statusCounts(report);
    expect(counts.passed).toBeGreaterThan(12);
    expect(excel.sheetNames().filter((name) => name.startsWith('MIB自检'))).toEqual([]);
    expect(Math.max(...excel.requestSizes)).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);
});
