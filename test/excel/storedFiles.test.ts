/// <reference types="office-js" />
// The Office.js storage of a region's files: a very hidden MIB_FILES sheet, one row per file (kind, id,
// fingerprint, the text in cells of at most 32,000 characters), against a fake Excel made of
// office-addin-mock objects whose range writes land in a grid.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it, vi } from 'vitest';
import { fingerprint } from '../../src/core';
import { ExcelFileStore } from '../../src/excel/storedFiles';
import type { ExcelRun } from '../../src/excel/workbook';
import { CHUNK_MAX, FILES_SHEET } from '../../src/sheet/storedFiles/contract';

type Mock = any;

/** A workbook with at most a MIB_FILES sheet held as a grid of cell values. */
function fakeFilesWorkbook(initial?: unknown[][]) {
  const made: OfficeMockObject[] = [];
  const mock = (shape: Record<string, unknown>): Mock => {
    const object = new OfficeMockObject(shape as never);
    made.push(object);
    return object;
  };
  let grid: unknown[][] | null = initial ? initial.map((row) => [...row]) : null;
  const log: { method: string; args: unknown[] }[] = [];
  const formats = new Map<string, unknown>();
  let visibility: string | undefined;

  const sheetMock = (): Mock => {
    const sheet = mock({
      name: FILES_SHEET,
      getUsedRangeOrNullObject: () => {
        const rows = grid ?? [];
        const width = Math.max(0, ...rows.map((r) => r.length));
        const used = mock({ values: rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')), rowIndex: 0, columnIndex: 0 });
        used.isNullObject = rows.length === 0;
        return used;
      },
      getRangeByIndexes: (row: number, col: number, rowCount: number, colCount: number) => ({
        set numberFormat(value: string[][]) {
          value[0]!.forEach((format, c) => formats.set(`${row},${col + c}`, format));
        },
        set values(value: unknown[][]) {
          const line = ((grid ??= [])[row] ??= []);
          value[0]!.forEach((cell, c) => (line[col + c] = cell));
        },
        clear: () => {
          log.push({ method: 'clear', args: [row, col, rowCount, colCount] });
          const line = grid?.[row];
          if (line) for (let c = col; c < col + colCount; c++) line[c] = '';
        },
      }),
      getRange: (address: string) => ({
        delete: (shift: string) => {
          log.push({ method: 'delete', args: [address, shift] });
          const row = Number(/^(\d+):\1$/.exec(address)?.[1]) - 1;
          grid?.splice(row, 1);
        },
      }),
    });
    Object.defineProperty(sheet, 'visibility', { set: (value: string) => (visibility = value), get: () => visibility });
    sheet.isNullObject = false;
    return sheet;
  };

  const context: Mock = mock({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => {
          const sheet = sheetMock();
          sheet.isNullObject = name !== FILES_SHEET || grid === null;
          return sheet;
        },
        add: (name: string) => {
          log.push({ method: 'add', args: [name] });
          grid = [];
          return sheetMock();
        },
      },
    },
  });
  context.sync = vi.fn(async () => {
    for (const object of made) await OfficeMockObject.prototype.sync.call(object);
  });
  const run: ExcelRun = (batch) => batch(context);
  return { store: new ExcelFileStore(run), grid: () => grid, log, formats, visibility: () => visibility, context };
}

describe('ExcelFileStore (MIB_FILES through Office.js)', () => {
  it('finds nothing in a workbook without the sheet, and makes it very hidden on the first save', async () => {
    const excel = fakeFilesWorkbook();
    expect(await excel.store.listFiles()).toEqual([]);
    const text = '{"kind":"rubric","id":"a-2026"}';
    const stored = await excel.store.saveFile('rubric', 'a-2026', text);
    expect(stored).toEqual({ kind: 'rubric', id: 'a-2026', version: fingerprint(text), text });
    expect(excel.log[0]).toEqual({ method: 'add', args: ['MIB_FILES'] });
    expect(excel.visibility()).toBe('VeryHidden');
    expect(excel.grid()).toEqual([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['rubric', 'a-2026', fingerprint(text), text],
    ]);
    // every cell written as text: an id of digits or a fingerprint of digits stays text
    expect(excel.formats.get('1,1')).toBe('@');
    expect(excel.formats.get('1,3')).toBe('@');
    expect(await excel.store.readFile('rubric', 'a-2026')).toEqual(stored);
  });

  it('splits a long text into cells of at most 32,000 characters and joins them on reading', async () => {
    const excel = fakeFilesWorkbook();
    const text = `{"kind":"policy","id":"p","notes":["${'说'.repeat(70_000)}"]}`;
    await excel.store.saveFile('policy', 'p', text);
    const row = excel.grid()![1]!;
    expect(row.slice(3).map((cell) => String(cell).length)).toEqual([CHUNK_MAX, CHUNK_MAX, text.length - 2 * CHUNK_MAX]);
    expect((await excel.store.readFile('policy', 'p'))?.text).toBe(text);
  });

  it('replaces a file of the same kind and id in its row, clearing the longer old text; removes a row', async () => {
    const long = `{"x":"${'a'.repeat(40_000)}"}`;
    const excel = fakeFilesWorkbook([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['policy', 'p', 'old', '{"a":1}'],
      ['rubric', 'r', fingerprint(long), long.slice(0, CHUNK_MAX), long.slice(CHUNK_MAX)],
    ]);
    await excel.store.saveFile('rubric', 'r', '{"b":2}');
    expect(excel.log).toContainEqual({ method: 'clear', args: [2, 0, 1, 5] });
    expect(excel.grid()![2]).toEqual(['rubric', 'r', fingerprint('{"b":2}'), '{"b":2}', '']);
    expect((await excel.store.listFiles()).map((f) => [f.kind, f.id, f.text])).toEqual([
      ['policy', 'p', '{"a":1}'],
      ['rubric', 'r', '{"b":2}'],
    ]);
    expect(await excel.store.removeFile('policy', 'p')).toBe(true);
    expect(excel.log).toContainEqual({ method: 'delete', args: ['2:2', 'Up'] });
    expect((await excel.store.listFiles()).map((f) => f.id)).toEqual(['r']);
    expect(await excel.store.removeFile('policy', 'p')).toBe(false);
  });

  it('reads a file a template wrote (numbers as Excel may give them back are read as text)', async () => {
    const excel = fakeFilesWorkbook([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['rubric', 2026, 12345678, '{"kind":', '"rubric"}'],
      ['备注', '', '', 'not a file'],
    ]);
    expect(await excel.store.listFiles()).toEqual([{ kind: 'rubric', id: '2026', version: '12345678', text: '{"kind":"rubric"}' }]);
  });
});
