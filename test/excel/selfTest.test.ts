// 自检 on the in-memory workbook, run directly: every bundled table written, read back and compared with
// its plan, protection held, the roster sheets written and read back, a file stored in MIB_FILES and read
// back, and everything the self-test made removed; what the memory workbook cannot show (computed values,
// names, validation, page layout, charts, custom functions) is skipped with the reason, never passed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRubricIds } from '../../src/core';
import { ADDIN_VERSION, reportText, runSelfTest, SCRATCH_PREFIX, statusCounts, type SelfTestHost } from '../../src/excel/selfTest';
import { comparableFormula } from '../../src/excel/selfTest/step';
import { selfTestTexts } from '../../src/excel/selfTest/text';
import { memorySelfTestHost } from '../../src/excel/selfTest/memoryHost';
import { MemoryFileStore } from '../../src/sheet/memory/memoryFiles';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';

const NOW = () => new Date('2026-12-05T09:00:00Z');

async function selfTest(host: SelfTestHost, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  return runSelfTest(host, { locale, addinVersion: '0.1.0', now: NOW });
}

describe('自检 on the in-memory workbook', () => {
  it('passes every step it can check, skips the rest with the reason, and leaves the workbook as it found it', async () => {
    const book = new MemoryWorkbook(['Sheet1', 'Sheet2', `${SCRATCH_PREFIX}1`]);
    // the user is on the second sheet: the self-test's sheets take the focus, then give it back
    await book.select('Sheet2', 'C7');
    const files = new MemoryFileStore();
    const report = await selfTest(memorySelfTestHost(book, files));
    const counts = statusCounts(report);
    expect(report.steps.filter((s) => s.status === 'failed')).toEqual([]);
    // per table: write, read back, protection pass; before, roster, files, cleanup pass
    const passedSteps = report.steps.filter((s) => s.status === 'passed').map((s) => `${s.step}${s.subject ? ` ${s.subject}` : ''}`);
    for (const id of bundledRubricIds) for (const step of ['write', 'readBack', 'protection']) expect(passedSteps).toContain(`${step} ${id}`);
    expect(passedSteps).toEqual(expect.arrayContaining(['cleanupBefore', 'chart', 'storedFiles', 'cleanup']));
    expect(counts.passed).toBe(3 * bundledRubricIds.length + 4);
    // computed values, names, validation, print layout per table, and MIB.SCORE: skipped, saying why
    expect(counts.skipped).toBe(4 * bundledRubricIds.length + 1);
    expect(report.steps.find((s) => s.step === 'coreNumbers')?.detail).toBe('此工作簿不计算公式（演示模式）');
    expect(report.steps.find((s) => s.step === 'customFunction')?.detail).toContain('演示模式没有 Excel 自定义函数');
    // the leftover of an earlier run is removed first; nothing the self-test made is left, nor its file
    expect(report.steps[0]?.detail).toBe(`已删除 ${SCRATCH_PREFIX}1`);
    expect(book.sheetNames()).toEqual(['Sheet1', 'Sheet2']);
    expect(await book.selection()).toEqual({ sheetName: 'Sheet2', address: 'C7' });
    expect(await files.listFiles()).toEqual([]);
    // four assessment sheets, and the roster workbook's 汇总名单, 汇总统计, 口径说明 and 公示名单 (no 同级分组: no peer measures)
    expect(report.steps.at(-1)?.detail).toBe('已删除 8 个自检工作表');
  });

  it('reports the add-in version package.json gives', () => {
    expect(ADDIN_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('the read-back compares: a sheet changed under it (a value typed over a formula) fails with the cell', async () => {
    const book = new MemoryWorkbook();
    // the moment a sheet is written, a "user" types over its total formula (the sheet is unprotected first)
    const create = book.createSheet.bind(book);
    book.createSheet = async (plan) => {
      const name = await create(plan);
      book.unprotect(name);
      book.setCell(name, plan.fields.total, 12);
      return name;
    };
    const report = await selfTest(memorySelfTestHost(book, new MemoryFileStore()));
    const readBack = report.steps.filter((s) => s.step === 'readBack');
    expect(readBack.map((s) => s.status)).toEqual(bundledRubricIds.map(() => 'failed'));
    expect(readBack[0]?.detail).toMatch(/^1 处与计划不同，如 [A-Z]+\d+ 12$/);
    // an unprotected sheet lets the locked total be written: protection fails, naming the cell
    expect(report.steps.find((s) => s.step === 'protection')?.detail).toMatch(/^锁定单元格 [A-Z]+\d+ 竟可写入$/);
    expect(book.sheetNames()).toEqual(['Sheet1']);
  });

  it('a step that throws is reported failed with the error’s code and message, and the cleanup still runs', async () => {
    const book = new MemoryWorkbook();
    const host = memorySelfTestHost(book, new MemoryFileStore());
    host.port.createGridSheets = () =>
      Promise.reject(Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' }));
    const report = await selfTest(host, 'en-US');
    const chart = report.steps.find((s) => s.step === 'chart');
    expect(chart).toMatchObject({
      status: 'failed',
      code: 'InvalidArgument',
      message: 'The argument is invalid or missing or has an incorrect format.',
    });
    expect(report.steps.at(-1)).toMatchObject({ step: 'cleanup', status: 'passed' });
    const text = reportText(report, 'en-US');
    expect(text).toContain(
      '[FAILED] Roster sheets and chart — Excel error InvalidArgument: The argument is invalid or missing or has an incorrect format.',
    );
    expect(text).toContain(`Result: ${3 * bundledRubricIds.length + 3} passed, 1 failed, ${4 * bundledRubricIds.length + 1} skipped`);
    expect(book.sheetNames()).toEqual(['Sheet1']);
  });

  it('the report: host, platform, version, language and the API sets as Office answers, then one line per step', async () => {
    const book = new MemoryWorkbook();
    const host = memorySelfTestHost(book, new MemoryFileStore());
    host.info = async () => ({
      host: 'Excel',
      platform: 'PC',
      version: '16.0.17928.20114',
      language: 'zh-CN',
      sets: [
        ...Array.from({ length: 17 }, (_, i) => ({ name: 'ExcelApi', version: `1.${i + 1}`, supported: i < 16 })),
        { name: 'CustomFunctionsRuntime', version: '1.3', supported: true },
        { name: 'CustomFunctionsRuntime', version: '1.4', supported: false },
      ],
    });
    const text = reportText(await selfTest(host), 'zh-CN');
    const lines = text.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      'MIB 考核助手 自检报告',
      '时间: 2026-12-05T09:00:00.000Z',
      '加载项版本: 0.1.0',
      '宿主: Excel',
      '平台: PC',
      '版本: 16.0.17928.20114',
      '界面语言: zh-CN',
      '支持的 API 集:',
      '  ExcelApi: 1.1–1.16 ✓; 1.17 ✗',
      '  CustomFunctionsRuntime: 1.3 ✓; 1.4 ✗',
      `结果：${3 * bundledRubricIds.length + 4} 项通过，0 项失败，${4 * bundledRubricIds.length + 1} 项跳过`,
    ]);
    expect(lines).toContain('[通过] 写入考核表 (cq-jiangbei-2025-hospital) — 已写入工作表“MIB自检-1”');
    expect(lines).toContain('[跳过] 名称 (weihai-2021-hospital-l2) — 此工作簿无法读回名称（演示模式）');
  });

  it('formulas are compared as Excel may spell them back, and only so', () => {
    expect(comparableFormula("=sum( 'MIB自检-1'!A1:A3 )*0.50")).toBe(comparableFormula('=SUM(MIB自检-1!A1:A3)*0.5'));
    expect(comparableFormula('=ROUND(A1,9)+.25+1.e2')).toBe('=ROUND(A1,9)+0.25+100');
    // a string literal keeps its case and spaces; a cell reference is no number
    expect(comparableFormula('=IF(A1="是 ",1,0)')).not.toBe(comparableFormula('=IF(A1="是",1,0)'));
    expect(comparableFormula('=A10+B2.5')).toBe('=A10+B2.5');
    expect(comparableFormula('=MAX(0,D6-E6)')).not.toBe(comparableFormula('=MAX(0,D6-E7)'));
  });

  it('zh-CN and en-US report words have the same keys and placeholders', () => {
    const zh = selfTestTexts['zh-CN'];
    const en = selfTestTexts['en-US'];
    expect(Object.keys(en)).toEqual(Object.keys(zh));
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(holes(en[key])).toEqual(holes(zh[key]));
  });
});
