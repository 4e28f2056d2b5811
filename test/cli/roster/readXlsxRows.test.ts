// An .xlsx roster read a row at a time as it is inflated (src/sheet/xlsx/sheetRows.ts, readXlsxRows) reads
// as ExcelJS reads the same workbook whole: random roster workbooks of every kind of cell a clerk's Excel
// holds, compared with what ExcelJS (the oracle, test/support/loadWorkbook.ts) shows for each cell,
// flattened as a roster takes it. The sheets with merged ranges, which are read whole, are among them.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MibError } from '../../../src/core';
import { isCodeHeader, namesInstitutions } from '../../../src/core/roster/institutions';
import { ROSTER_SHEET_NAMES, readXlsxRows } from '../../../src/cli/roster/readXlsx';
import { XLSX_LIMITS } from '../../../src/sheet/xlsx/limits';
import { xlsxSheets } from '../../../src/sheet/xlsx/xlsxCells';
import { loadWorkbook } from '../../support/loadWorkbook';
import { readCell } from '../../support/readCell';

type Drawn =
  | { kind: 'none' }
  | { kind: 'number'; value: number; zeros?: number }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; days: number }
  | { kind: 'error' }
  | { kind: 'formula'; result?: number | string | { error: string } }
  | { kind: 'rich'; runs: string[] }
  | { kind: 'styled' };

const texts = fc.constantFrom('江北区人民医院', '某药店', ' ', '', '  有空格 & <符号> "引号" ', 'A1', '03720', '否', '是', 'x'.repeat(40));
const cellArb: fc.Arbitrary<Drawn> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('number' as const),
        value: fc.oneof(fc.integer({ min: -5, max: 99_999 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        zeros: fc.integer({ min: 2, max: 6 }),
      },
      { requiredKeys: ['kind', 'value'] },
    ),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), value: texts }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bool' as const), value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('date' as const), days: fc.integer({ min: 0, max: 20_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'error' as const }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { kind: fc.constant('formula' as const), result: fc.oneof(fc.integer({ min: 0, max: 100 }), texts, fc.constant({ error: '#N/A' })) },
      { requiredKeys: ['kind'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rich' as const), runs: fc.array(texts, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'styled' as const }) },
);

const headers = fc.constantFrom('机构编码', '机构名称', '质量保证金', '4.1', '20.1', '上级机构编码', '', '签约日期');
const workbookArb = fc.record({
  before: fc.array(fc.record({ name: fc.constantFrom('说明', '封面', 'Sheet9'), state: fc.constantFrom('visible', 'hidden', 'veryHidden') }), {
    maxLength: 2,
  }),
  rosterName: fc.constantFrom('名单', '花名册', 'Roster', '机构'),
  header: fc.array(headers, { maxLength: 6 }),
  // each row: its cells, and how many rows are left blank before it
  rows: fc.array(fc.record({ gap: fc.constantFrom(0, 0, 0, 1, 3), cells: fc.array(cellArb, { maxLength: 7 }) }), { maxLength: 12 }),
  merge: fc.option(fc.constantFrom('B3:C3', 'A5:A6', 'C2:D4'), { freq: 5 }),
  sharedStrings: fc.boolean(),
});

function put(cell: ExcelJS.Cell, drawn: Drawn): void {
  switch (drawn.kind) {
    case 'none':
      return;
    case 'number':
      cell.value = drawn.value;
      if (drawn.zeros) cell.numFmt = '0'.repeat(drawn.zeros);
      return;
    case 'text':
    case 'bool':
      cell.value = drawn.value;
      return;
    case 'date':
      cell.value = new Date(Date.UTC(1990, 0, 1 + drawn.days));
      return;
    case 'error':
      cell.value = { error: '#DIV/0!' } as ExcelJS.CellValue;
      return;
    case 'formula':
      cell.value = (drawn.result === undefined ? { formula: 'A1+1' } : { formula: 'A1+1', result: drawn.result }) as ExcelJS.CellValue;
      return;
    case 'rich':
      cell.value = { richText: drawn.runs.map((text) => ({ text })) };
      return;
    case 'styled':
      cell.style = { font: { bold: true } };
  }
}

async function build(drawn: typeof workbookArb extends fc.Arbitrary<infer T> ? T : never): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  drawn.before.forEach((sheet, k) => workbook.addWorksheet(`${sheet.name}${k}`, { state: sheet.state as ExcelJS.WorksheetState }).addRow(['说明']));
  const sheet = workbook.addWorksheet(drawn.rosterName);
  if (drawn.header.length > 0) sheet.addRow(drawn.header);
  let r = drawn.header.length > 0 ? 1 : 0;
  for (const row of drawn.rows) {
    r += 1 + row.gap;
    row.cells.forEach((cell, c) => put(sheet.getCell(r, c + 1), cell));
  }
  if (drawn.merge) sheet.mergeCells(drawn.merge);
  return new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: drawn.sharedStrings }));
}

const blank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/** The roster as ExcelJS shows the workbook: the same sheet chosen, each cell flattened (readCell), a code
 * shown through a format of zeros as the text it shows; or the refusal's words. */
async function oracle(bytes: Uint8Array) {
  const workbook = await loadWorkbook(bytes, 'r.xlsx');
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((s) => ROSTER_SHEET_NAMES.includes(s.name.trim().toLowerCase())) ?? sheets.find((s) => s.state === 'visible') ?? sheets[0]!;
  const problems: string[] = [];
  let codes = new Set<number>();
  const valuesOf = (r: number) => {
    const row = sheet.getRow(r);
    const values: unknown[] = [];
    for (let c = 0; c < row.cellCount; c++) {
      const cell = row.getCell(c + 1);
      const read = readCell(cell);
      const name = `${sheet.name}!${cell.address}`;
      if (read.error) {
        problems.push(`${name} 是错误值 ${read.error}，请更正该单元格`);
        values.push(read.error);
      } else if (read.noResult) {
        problems.push(`${name} 是公式，文件中没有保存计算结果：请在 Excel 中打开、保存后再读`);
        values.push(null);
      } else if (
        codes.has(c) &&
        typeof read.value === 'number' &&
        /^0{2,}$/.test(cell.numFmt ?? '') &&
        Number.isInteger(read.value) &&
        read.value >= 0
      )
        values.push(String(read.value).padStart(cell.numFmt.length, '0'));
      else values.push(read.value);
    }
    let end = values.length;
    while (end > 0 && blank(values[end - 1])) end--;
    return values.slice(0, end).map((value) => (blank(value) ? null : value));
  };
  const header = valuesOf(1).map((value) => (value === null ? '' : String(value).trim()));
  codes = new Set(header.flatMap((name, c) => (isCodeHeader(name) ? [c] : [])));
  if (header.length === 0) return { refused: '第 1 行（表头）是空的' };
  const rows: unknown[][] = [];
  const names: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = valuesOf(r);
    if (values.length === 0) continue;
    rows.push(values);
    names.push(`${sheet.name}!B${r}`);
  }
  if (rows.length === 0) return { refused: '只有表头，没有机构行' };
  return { sheetName: sheet.name, header, rows, names, problems };
}

function read(bytes: Uint8Array) {
  try {
    const table = readXlsxRows(bytes, 'r.xlsx');
    const rows = Array.from({ length: table.count }, (_, i) => table.row(i));
    const names = rows.map((_, i) => table.cellName(i, 1));
    return { sheetName: table.sheetName, header: table.header, rows, names, problems: table.problems.map((p) => p.message) };
  } catch (error) {
    if (!(error instanceof MibError)) throw error;
    const words = ['第 1 行（表头）是空的', '只有表头，没有机构行'].find((w) => error.message.includes(w));
    return { refused: words ?? error.message };
  }
}

describe('an .xlsx roster read a row at a time', () => {
  it('reads every sheet as ExcelJS shows it whole: values, codes, errors, formulas without results, blank rows, the cells named', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (drawn) => {
        const bytes = await build(drawn);
        expect(read(bytes)).toEqual(await oracle(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('rows written out of order, and a link on a formula saved without its result, read as ExcelJS reads them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['机构编码', '4.1', '4.2']);
    sheet.addRow(['WH1', 1, 2]);
    sheet.addRow(['WH2', 3, { formula: 'B3+1' }]);
    sheet.addRow(['WH3', 5, 6]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const rowsOf = /<row r="(\d+)"[^>]*>.*?<\/row>/g;
    const rows = [...xml.matchAll(rowsOf)].map((m) => m[0]);
    // row 4 written before rows 2 and 3
    const swapped = xml.replace(rows.slice(1).join(''), [rows[3], rows[1], rows[2]].join(''));
    expect(swapped).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', swapped);
    const outOfOrder = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(read(outOfOrder)).toEqual(await oracle(outOfOrder));
    expect(read(outOfOrder).rows).toEqual([
      ['WH1', 1, 2],
      ['WH2', 3],
      ['WH3', 5, 6],
    ]);
    // a link moved onto C3, the formula without a result: ExcelJS keeps no formula on a linked cell, so the
    // cell is blank and no problem (the links follow the rows: such a sheet is read whole)
    sheet.getCell('D3').value = { text: '网站', hyperlink: 'https://example.org' };
    const withLink = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheetXml = await withLink.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('<hyperlink ref="D3"');
    withLink.file('xl/worksheets/sheet1.xml', sheetXml.replace('<hyperlink ref="D3"', '<hyperlink ref="C3"'));
    const linked = await withLink.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(read(linked)).toEqual(await oracle(linked));
    expect(read(linked).problems).toEqual([]);
  });

  it('stops after the first row under a header whose rows are not wanted (no 机构编码): the sheet read no further than its first megabyte', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['编码', '机构名称', '4.1']);
    for (let k = 1; k <= 25_000; k++) sheet.addRow([`WH${k}`, `机构${k}`, k]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const reads: number[][] = [];
    const table = readXlsxRows(bytes, 'r.xlsx', { onRead: (done, total) => reads.push([done, total]), wanted: namesInstitutions });
    expect(table).toMatchObject({ header: ['编码', '机构名称', '4.1'], count: 1, unread: true, problems: [] });
    // (the first row is read: it may be the header, under a title row)
    expect([table.row(0), table.cellName(0, 0)]).toEqual([['WH1', '机构1', 1], '名单!A2']);
    // the sheet's XML is several megabytes, read a megabyte at a time: one was read
    expect(reads).toEqual([[1 << 20, expect.any(Number)]]);
    expect(reads[0]![1]).toBeGreaterThan(2 * (1 << 20));
    // under a header that names 机构编码 and 机构名称, every row
    sheet.getCell('A1').value = '机构编码';
    const roster = readXlsxRows(new Uint8Array(await workbook.xlsx.writeBuffer()), 'r.xlsx', { wanted: namesInstitutions });
    expect(roster.count).toBe(25_000);
    expect(roster.unread).toBeUndefined();
    // a sheet read whole (row 1 written after row 2, so not known for the header till the end) stops at
    // the same header
    sheet.getCell('A1').value = '编码';
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const [first, second] = [...xml.matchAll(/<row r="\d+"[^>]*>.*?<\/row>/g)].map((m) => m[0]);
    zip.file('xl/worksheets/sheet1.xml', xml.replace(first! + second!, second! + first!));
    const outOfOrder = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(readXlsxRows(outOfOrder, 'r.xlsx', { wanted: namesInstitutions })).toMatchObject({
      header: ['编码', '机构名称', '4.1'],
      count: 1,
      unread: true,
    });
    expect(readXlsxRows(outOfOrder, 'r.xlsx').count).toBe(25_000);
  });

  it('lets go of a row once it is scored, and the rows after it are still read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['机构编码', '4.1']);
    for (let k = 1; k <= 3000; k++) sheet.addRow([`WH${k}`, k / 10]);
    const table = readXlsxRows(new Uint8Array(await workbook.xlsx.writeBuffer()), 'r.xlsx');
    expect(table.count).toBe(3000);
    expect(table.row(2999)).toEqual(['WH3000', 300]);
    table.release(0);
    expect(() => table.row(0)).toThrow();
    expect(table.row(1)).toEqual(['WH2', 0.2]);
  });

  it('sheets of more cells than may be read whole: the roster is read a row at a time, when its rows are within the limit', async () => {
    // the cell limit (5,000,000) guards what a reader holds whole; lowered here to 1,000, a roster of 2,000
    // cells is still read, and the same file read whole (xlsxSheets) is refused
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['机构编码', ...Array.from({ length: 49 }, (_, c) => `${c + 1}.1`)]);
    for (let k = 1; k < 40; k++) sheet.addRow([`WH${k}`, ...Array.from({ length: 49 }, (_, c) => k + c)]);
    // and a sheet beside it, not the roster, of as many cells: not read, and not held either
    const other = workbook.addWorksheet('明细');
    for (let k = 1; k <= 40; k++) other.addRow(Array.from({ length: 50 }, (_, c) => k * c));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { cells, streamedCells } = XLSX_LIMITS;
    XLSX_LIMITS.cells = 1_000;
    try {
      expect(() => xlsxSheets(bytes, 'r.xlsx')).toThrow(/的单元格超过 1,000 个，超过上限/);
      const table = readXlsxRows(bytes, 'r.xlsx');
      expect(table.count).toBe(39);
      expect(table.row(38)).toEqual(['WH39', ...Array.from({ length: 49 }, (_, c) => 39 + c)]);
      // the sheet read a row at a time has a cell limit of its own (20,000,000), here lowered below its 2,000
      XLSX_LIMITS.streamedCells = 1_500;
      expect(() => readXlsxRows(bytes, 'r.xlsx')).toThrow(/“r\.xlsx”的工作表合计超过 1,500 个单元格，超过名单的上限/);
    } finally {
      Object.assign(XLSX_LIMITS, { cells, streamedCells });
    }
  });
});
