/// <reference types="office-js" />
// The Office.js storage of a region's files: a very hidden MIB_FILES sheet, one row per file (kind, id,
// fingerprint, the text in cells of at most 32,000 characters), against the strict fake (test/excel/fakeExcel.ts)
// in its web mode: every request and response under 5 MB, the sheet very hidden (never deleted, never listed).
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core';
import { ExcelFileStore, FILE_CELLS_PER_SYNC } from '../../src/excel/storedFiles';
import { ExcelWorkbook } from '../../src/excel/workbook';
import type { ExcelRun } from '../../src/excel/workbook';
import { CHUNK_MAX, FILES_SHEET } from '../../src/sheet/storedFiles/contract';
import { WEB_PAYLOAD_LIMIT } from '../../src/sheet/excelLimits';
import { fixturePlan } from './fixtures';
import { fakeExcel } from './fakeExcel';

/** A workbook with a visible Sheet1 and, when given, a MIB_FILES sheet holding these rows. */
function filesWorkbook(initial?: unknown[][]) {
  const excel = fakeExcel({
    sheets: [
      { name: 'Sheet1' },
      ...(initial
        ? [
            {
              name: FILES_SHEET,
              visibility: 'VeryHidden' as const,
              used: {
                address: `A1:${String.fromCharCode(64 + Math.max(...initial.map((r) => r.length)))}${initial.length}`,
                formulas: pad(initial),
                values: pad(initial),
              },
            },
          ]
        : []),
    ],
    mode: 'web',
  });
  const run: ExcelRun = (batch) => batch(excel.context);
  return { excel, store: new ExcelFileStore(run), run };
}

function pad(rows: unknown[][]): unknown[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
}

describe('ExcelFileStore (MIB_FILES through Office.js)', () => {
  it('finds nothing in a workbook without the sheet, and makes it very hidden on the first save', async () => {
    const { excel, store } = filesWorkbook();
    expect(await store.listFiles()).toEqual([]);
    const text = '{"kind":"rubric","id":"a-2026"}';
    const stored = await store.saveFile('rubric', 'a-2026', text);
    expect(stored).toEqual({ kind: 'rubric', id: 'a-2026', version: fingerprint(text), text });
    expect(excel.calls.find((c) => c.target === 'worksheets')).toMatchObject({ method: 'add', args: ['MIB_FILES'] });
    expect(excel.sheet(FILES_SHEET).visibility).toBe('VeryHidden');
    expect(excel.values(FILES_SHEET)).toEqual([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['rubric', 'a-2026', fingerprint(text), text],
    ]);
    // every cell written as text: an id of digits or a fingerprint of digits stays text
    expect(excel.cell(FILES_SHEET, 'B2').format).toBe('@');
    expect(excel.cell(FILES_SHEET, 'D2').format).toBe('@');
    expect(await store.readFile('rubric', 'a-2026')).toEqual(stored);
  });

  it('splits a long text into cells of at most 32,000 characters and joins them on reading', async () => {
    const { excel, store } = filesWorkbook();
    const text = `{"kind":"policy","id":"p","notes":["${'说'.repeat(70_000)}"]}`;
    await store.saveFile('policy', 'p', text);
    const row = excel.values(FILES_SHEET)[1]!;
    expect(row.slice(3).map((cell) => String(cell).length)).toEqual([CHUNK_MAX, CHUNK_MAX, text.length - 2 * CHUNK_MAX]);
    expect((await store.readFile('policy', 'p'))?.text).toBe(text);
  });

  it('reads and writes a file of 12 MB in requests and responses under 5 MB (Excel on the web)', async () => {
    const { excel, store } = filesWorkbook();
    // 130 cells of 32,000 CJK characters: 12.5 MB of JSON, more than twice the limit
    const text = `{"kind":"rubric","id":"big","notes":["${'说明'.repeat(65 * CHUNK_MAX)}"]}`;
    await store.saveFile('rubric', 'big', text);
    expect(Math.max(...excel.requestSizes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(excel.requestSizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * WEB_PAYLOAD_LIMIT);
    expect((await store.readFile('rubric', 'big'))?.text).toBe(text);
    expect(Math.max(...excel.responseSizes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(FILE_CELLS_PER_SYNC).toBeGreaterThan(10);
  });

  it('replaces a file of the same kind and id (the new row written first, the old removed); removes a row', async () => {
    const long = `{"x":"${'a'.repeat(40_000)}"}`;
    const { excel, store } = filesWorkbook([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['policy', 'p', 'old', '{"a":1}'],
      ['rubric', 'r', fingerprint(long), long.slice(0, CHUNK_MAX), long.slice(CHUNK_MAX)],
    ]);
    await store.saveFile('rubric', 'r', '{"b":2}');
    expect(excel.values(FILES_SHEET).slice(1)).toEqual([
      ['policy', 'p', 'old', '{"a":1}'],
      ['rubric', 'r', fingerprint('{"b":2}'), '{"b":2}'],
    ]);
    expect((await store.listFiles()).map((f) => [f.kind, f.id, f.text])).toEqual([
      ['policy', 'p', '{"a":1}'],
      ['rubric', 'r', '{"b":2}'],
    ]);
    expect(await store.removeFile('policy', 'p')).toBe(true);
    expect(excel.calls).toContainEqual({ sheet: FILES_SHEET, target: 'range 2:2', method: 'delete', args: ['Up'] });
    expect((await store.listFiles()).map((f) => f.id)).toEqual(['r']);
    expect(await store.removeFile('policy', 'p')).toBe(false);
  });

  it('reads a file a template wrote (numbers as Excel may give them back are read as text)', async () => {
    const { store } = filesWorkbook([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['rubric', 2026, 12345678, '{"kind":', '"rubric"}'],
      ['备注', '', '', 'not a file'],
    ]);
    expect(await store.listFiles()).toEqual([{ kind: 'rubric', id: '2026', version: '12345678', text: '{"kind":"rubric"}' }]);
  });

  it('is not listed among the sheets (no roster source), and Excel refuses to delete it', async () => {
    const { excel, store, run } = filesWorkbook();
    await store.saveFile('rubric', 'a', '{"kind":"rubric"}');
    const book = new ExcelWorkbook({ replan: () => fixturePlan(), run });
    expect(await book.listSheets()).toEqual(['Sheet1']);
    expect(excel.sheetNames()).toEqual(['Sheet1', FILES_SHEET]);
    await expect(book.deleteSheets([FILES_SHEET])).rejects.toThrow(/InvalidOperation/);
    expect(excel.sheetNames()).toContain(FILES_SHEET);
  });
});
