/// <reference types="office-js" />
import { describe, expect, it, vi } from 'vitest';
import { CELLS_PER_READ } from '../../src/excel/sheetValues';
import { type ExcelRun, ExcelWorkbook } from '../../src/excel/workbook';
import { fakeExcel } from './fakeExcel';
import { fixturePlan } from './fixtures';

const NAME = '江北医院考核';

function workbook(excel: ReturnType<typeof fakeExcel>, onError = vi.fn()) {
  const run: ExcelRun = (batch) => batch(excel.context);
  const replan = vi.fn(() => fixturePlan());
  return { book: new ExcelWorkbook({ run, replan, onError }), replan, onError };
}

describe('ExcelWorkbook', () => {
  it('creates a sheet, finds it and reads it back', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    const { book } = workbook(excel);
    expect(book.connected).toBe(true);
    expect(await book.createSheet(fixturePlan())).toBe(NAME);
    expect(await book.listAssessmentSheets()).toEqual([NAME]);
    expect(await book.activeAssessmentSheet()).toBe(NAME);
  });

  it('lays a rubric out once per session however often the sheet is read', async () => {
    const excel = fakeExcel({
      sheets: [
        {
          name: NAME,
          names: { MIB_RUBRIC: `='${NAME}'!$H$2`, MIB_IDS: `='${NAME}'!$I$6:$I$8`, MIB_INPUTS: `='${NAME}'!$E$6:$E$8`, MIB_TOTAL: `='${NAME}'!$F$3` },
          used: { address: `${NAME}!H2`, formulas: [['cq-jiangbei-2025-hospital']], values: [['cq-jiangbei-2025-hospital']] },
        },
      ],
    });
    const { book, replan } = workbook(excel);
    await book.readSheet(NAME);
    const snapshot = await book.readSheet(NAME);
    expect(snapshot.inputs.map((i) => i.value)).toEqual([null, null, null]);
    expect(replan).toHaveBeenCalledTimes(1);
  });

  it('selects a cell on its sheet and reports the active cell', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }, { name: NAME }], activeCell: 'E7' });
    const { book } = workbook(excel);
    await book.select(NAME, 'E6');
    expect(excel.calls.filter((c) => c.method === 'select')).toMatchObject([{ sheet: NAME, target: 'range E6' }]);
    expect(excel.active).toBe(NAME);
    expect(await book.selection()).toEqual({ sheetName: NAME, address: 'E7' });
  });

  it('passes worksheet events on, and removes its handlers', async () => {
    const excel = fakeExcel({ sheets: [{ name: NAME }] });
    const { book, onError } = workbook(excel);
    const changed = vi.fn();
    const moved = vi.fn();
    const stopChanged = book.onChanged(changed);
    const stopMoved = book.onSelectionChanged(moved);
    await vi.waitFor(() => expect(excel.handlers.selection).toHaveLength(1));

    await excel.handlers.changed[0]!({ address: 'E6', worksheetId: NAME });
    await excel.handlers.selection[0]!({ address: 'G6:G7', worksheetId: NAME });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(moved).toHaveBeenCalledWith({ sheetName: NAME, address: 'G6' });

    stopChanged();
    stopMoved();
    await vi.waitFor(() => expect(excel.handlers.changed.length + excel.handlers.selection.length).toBe(0));
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('ExcelWorkbook and a roster on an ordinary sheet', () => {
  it('lists the sheets and reads the used range as plain values, in blocks of at most CELLS_PER_READ cells', async () => {
    // 40,000 institutions × 3 columns: 120,001 cells, read in two blocks of whole rows
    const rows = 40_000;
    const values: unknown[][] = [
      ['机构编码', '机构名称', '1.1'],
      ...Array.from({ length: rows }, (_, i) => [`H${i}`, `医院${i}`, i % 2 === 0 ? '' : i]),
    ];
    const excel = fakeExcel({ sheets: [{ name: '名单', used: { address: `名单!B2:D${rows + 2}`, formulas: values, values } }, { name: '空' }] });
    const { book } = workbook(excel);
    expect(await book.listSheets()).toEqual(['名单', '空']);
    const before = excel.syncs();
    const read = await book.readValues('名单');
    expect(excel.syncs() - before).toBe(3); // the address, then two blocks
    expect(Math.ceil(((rows + 1) * 3) / CELLS_PER_READ)).toBe(2);
    expect(read?.origin).toBe('B2');
    expect(read?.values).toHaveLength(rows + 1);
    expect(read?.values[1]).toEqual(['H0', '医院0', null]); // "" is blank
    expect(read?.values[rows]).toEqual([`H${rows - 1}`, `医院${rows - 1}`, rows - 1]);
    expect(await book.readValues('空')).toBeNull();
  });

  it('deletes the sheets named that are there, passing over the others', async () => {
    const excel = fakeExcel({ sheets: [{ name: '名单' }, { name: '汇总名单' }, { name: '汇总统计' }] });
    const { book } = workbook(excel);
    await book.deleteSheets(['汇总名单', '汇总统计', '同级分组']);
    expect(excel.sheetNames()).toEqual(['名单']);
    expect(excel.calls.filter((c) => c.method.startsWith('delete')).map((c) => c.sheet)).toEqual(['汇总名单', '汇总统计']);
  });

  it('writes blocks through formulas; a string Excel would convert gets the text format, other cells keep theirs', async () => {
    const excel = fakeExcel({ sheets: [{ name: '名单' }] });
    const { book } = workbook(excel);
    await book.writeCells('名单', [
      { address: 'A5', rows: [['001', '甲医院', 0.5, null, { formula: '=B1' }]] },
      { address: 'C9', rows: [[{ formula: '=D1' }]] },
    ]);
    const writes = excel.writes.filter((w) => w.sheet === '名单');
    expect(writes).toEqual([
      { sheet: '名单', address: 'A5:E5', property: 'numberFormat', value: [['@', null, null, null, null]] },
      { sheet: '名单', address: 'A5:E5', property: 'formulas', value: [['001', '甲医院', 0.5, '', '=B1']] },
      { sheet: '名单', address: 'C9', property: 'formulas', value: [['=D1']] },
    ]);
  });
});

describe('ExcelWorkbook and a region’s own table', () => {
  it('lays the table out again once another version of it is stored in the workbook', async () => {
    const { MemoryFileStore } = await import('../../src/sheet/memory/memoryFiles');
    const { importFileText } = await import('../../src/sheet/storedFiles/load');
    const { unregister } = await import('../../src/core');
    const { REGION_RUBRIC_ID, regionRubric, textOf } = await import('../support/regionFiles');
    const excel = fakeExcel({
      sheets: [
        {
          name: NAME,
          names: { MIB_RUBRIC: `='${NAME}'!$H$2`, MIB_IDS: `='${NAME}'!$I$6:$I$8`, MIB_INPUTS: `='${NAME}'!$E$6:$E$8`, MIB_TOTAL: `='${NAME}'!$F$3` },
          used: { address: `${NAME}!H2`, formulas: [[REGION_RUBRIC_ID]], values: [[REGION_RUBRIC_ID]] },
        },
      ],
    });
    const { book, replan } = workbook(excel);
    const store = new MemoryFileStore();
    try {
      await importFileText(store, textOf(regionRubric()), 'v1.json');
      await book.readSheet(NAME);
      await book.readSheet(NAME);
      expect(replan).toHaveBeenCalledTimes(1);
      await importFileText(store, textOf(regionRubric({ points6: 30 })), 'v2.json');
      await book.readSheet(NAME);
      expect(replan).toHaveBeenCalledTimes(2);
    } finally {
      unregister('rubric', REGION_RUBRIC_ID);
    }
  });
});
