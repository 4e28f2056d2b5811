// The self-test's Excel side: the inspector's Office.js reads (on a stand-in context that answers what
// Excel's reference says each property holds), Office's host description, and the MIB.SCORE step's
// waiting for a custom function (#BUSY!, #NAME?, a value) on the in-memory workbook.
/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { evaluate, getRubric } from '../../src/core';
import { runSelfTest } from '../../src/excel/selfTest';
import { excelSelfTestHost, officeHostInfo } from '../../src/excel/selfTest/excelHost';
import { memorySelfTestHost } from '../../src/excel/selfTest/memoryHost';
import { selfTestFacts } from '../../src/excel/selfTest/facts';
import type { ExcelRun } from '../../src/excel/workbook';
import { MemoryFileStore } from '../../src/sheet/memory/memoryFiles';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import type { PlainValue } from '../../src/sheet/types';

const SHEET = 'MIB自检-1';

/** Office with the given sets supported (a version string compared as numbers). */
function office(supported: (name: string, version: string) => boolean): typeof Office {
  return {
    context: {
      diagnostics: { host: 'Excel', platform: 'PC', version: '16.0.17928.20114' },
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: supported },
    },
  } as unknown as typeof Office;
}

const upTo = (name: string, max: number) => (set: string, version: string) => set === name && Number(version.split('.')[1]) <= max;

/** A context whose objects hold what Excel would give once loaded; `log` records what was set and done. */
function stand(log: string[]): ExcelRun {
  const loaded = <T extends object>(object: T) => Object.assign(object, { load: () => object });
  const sheet = {
    names: loaded({ items: [{ name: 'MIB_TOTAL', formula: `='${SHEET}'!$C$5` }] }),
    getRange: (address: string) => ({
      dataValidation: loaded({ type: 'List', rule: { list: { inCellDropDown: true, source: '是,否' } } }),
      ...loaded({ values: [[address === 'C5' ? 57 : '#BUSY!']] }),
    }),
    pageLayout: loaded({
      orientation: 'Landscape',
      zoom: { scale: 55 },
      getPrintTitleRowsOrNullObject: () => loaded({ isNullObject: false, address: `'${SHEET}'!$4:$4` }),
    }),
    protection: loaded({ protected: true }),
    charts: loaded({ items: [{ name: '等次分布' }] }),
    set visibility(value: string) {
      log.push(`visibility ${value}`);
    },
    delete: () => log.push('delete'),
  };
  const context = {
    workbook: {
      names: loaded({ items: [] }),
      worksheets: { getItem: () => sheet, getItemOrNullObject: () => ({ isNullObject: true }) },
    },
    sync: async () => undefined,
  };
  return ((batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(context as unknown as Excel.RequestContext)) as ExcelRun;
}

describe('the self-test in Excel', () => {
  it('reads back names, validation, page layout, protection, charts and a cell through Office.js', async () => {
    const log: string[] = [];
    const book = new MemoryWorkbook();
    const host = excelSelfTestHost(book, new MemoryFileStore(), stand(log), office(upTo('CustomFunctionsRuntime', 3)));
    const inspect = host.inspector;
    expect(await inspect.names!(SHEET)).toEqual(new Map([['MIB_TOTAL', 'C5']]));
    expect(await inspect.validation!(SHEET, 'M12')).toEqual({ kind: 'list', source: '是,否' });
    expect(await inspect.printLayout!(SHEET)).toEqual({ orientation: 'Landscape', scale: 55, titleRows: `'${SHEET}'!$4:$4` });
    expect(await inspect.isProtected!(SHEET)).toBe(true);
    expect(await inspect.charts!(SHEET)).toEqual(['等次分布']);
    expect(await inspect.cellValue!(SHEET, 'C5')).toBe(57);
    expect(await inspect.hasFilesSheet!()).toBe(false);
    // a very hidden MIB_FILES refuses delete (excel.worksheet#delete): hidden first, then deleted
    await inspect.removeFilesSheet!();
    expect(log).toEqual(['visibility Hidden', 'delete']);
    expect(host.customFunctions).toBeNull();
    expect(excelSelfTestHost(book, new MemoryFileStore(), stand([]), office(upTo('CustomFunctionsRuntime', 2))).customFunctions).toBe(
      'CustomFunctionsRuntime 1.3 ✗',
    );
  });

  it('describes the host as Office does, every reported set asked (a throwing answer counts as no)', () => {
    const info = officeHostInfo(
      office((name, version) => {
        if (name === 'ExcelApiOnline') throw new Error('unknown set');
        return name === 'ExcelApi' && Number(version.split('.')[1]) <= 17;
      }),
    );
    expect(info).toMatchObject({ host: 'Excel', platform: 'PC', version: '16.0.17928.20114', language: 'zh-CN' });
    const excelApi = info.sets.filter((set) => set.name === 'ExcelApi');
    expect(excelApi.map((set) => set.version)).toEqual(Array.from({ length: 20 }, (_, i) => `1.${i + 1}`));
    expect(excelApi.filter((set) => set.supported).at(-1)?.version).toBe('1.17');
    expect(info.sets.find((set) => set.name === 'ExcelApiOnline')?.supported).toBe(false);
  });
});

describe('one MIB.SCORE recalculation', () => {
  const core = evaluate(getRubric('cq-jiangbei-2025-hospital'), selfTestFacts(getRubric('cq-jiangbei-2025-hospital'))).total.toNumber();

  /** The memory workbook with custom functions said to be there and the MIB.SCORE cell reading `answers` in turn. */
  async function withAnswers(answers: (PlainValue | null)[]) {
    const host = memorySelfTestHost(new MemoryWorkbook(), new MemoryFileStore());
    host.customFunctions = null;
    let waits = 0;
    host.wait = async () => void waits++;
    host.inspector.cellValue = async () => answers[Math.min(waits, answers.length - 1)] ?? null;
    const report = await runSelfTest(host, { locale: 'zh-CN', addinVersion: '0.1.0' });
    return { step: report.steps.find((s) => s.step === 'customFunction')!, waits };
  }

  it('waits while Excel shows #BUSY!, then compares with the core', async () => {
    const { step, waits } = await withAnswers(['#BUSY!', '#BUSY!', core]);
    expect(step).toMatchObject({ status: 'passed', detail: `MIB.SCORE 得 ${core}，与核心计算一致` });
    expect(waits).toBe(2);
  });

  it('a different value fails; #NAME? (functions not registered) is skipped with why; endless #BUSY! fails', async () => {
    expect((await withAnswers([core + 1])).step).toMatchObject({ status: 'failed', detail: `MIB.SCORE 得 ${core + 1}，核心计算 ${core}` });
    expect((await withAnswers(['#NAME?'])).step).toMatchObject({ status: 'skipped', detail: '自定义函数不可用：#NAME?' });
    expect((await withAnswers(['#BUSY!'])).step).toMatchObject({ status: 'failed', detail: 'MIB.SCORE 在 10 秒内未算完（#BUSY!）' });
  });
});
