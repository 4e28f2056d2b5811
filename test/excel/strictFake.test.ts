/// <reference types="office-js" />
// The strict fake refuses what Excel refuses: each rule with the address of the page that states it.
import { describe, expect, it } from 'vitest';
import { fakeExcel } from './fakeExcel';

const SHEET = 'Sheet1';

/** A workbook and its Sheet1, got in a sync of its own (an object made in a batch that fails is invalid after it). */
async function book(mode: 'web' | 'desktop' = 'desktop') {
  const excel = fakeExcel({ sheets: [{ name: SHEET }, { name: 'Other' }], mode });
  const sheet = excel.context.workbook.worksheets.getItem(SHEET);
  await excel.context.sync();
  return { excel, sheet, sync: () => excel.context.sync() };
}

describe('the strict fake: Range contents', () => {
  // learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member: a 2-D array of the
  // range's size; "The number of rows or columns in the input array doesn't match the size or dimensions of the range"
  it.each(['values', 'formulas', 'numberFormat'] as const)('refuses %s of another size, a 1×1 array on a larger range included', async (property) => {
    const { sheet, sync } = await book();
    const range = sheet.getRange('A1:B2');
    range[property] = [['x']] as never;
    await expect(sync()).rejects.toThrow(/InvalidArgument.*doesn't match the size/);
    const again = sheet.getRange('A1:B2');
    again[property] = [
      ['1', '2'],
      ['3', '4'],
    ] as never;
    await expect(sync()).resolves.toBeUndefined();
  });

  // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded
  it('refuses values on an unbounded range, takes format there', async () => {
    const { sheet, sync } = await book();
    sheet.getRange('A:B').values = [['x', 'y']];
    await expect(sync()).rejects.toThrow(/unbounded/);
    sheet.getRange('A:B').format.columnWidth = 50;
    await expect(sync()).resolves.toBeUndefined();
  });

  // learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member: "If the returned value
  // starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"
  it('turns a string beginning with = + - (or @) written through values into a formula, unless the cell is text', async () => {
    const { excel, sheet, sync } = await book();
    sheet.getRange('A1:E1').values = [['=1+1', '+A9', '-B9', '@SUM(1)', '-5']];
    sheet.getRange('A2:D2').numberFormat = [['@', '@', '@', '@']];
    sheet.getRange('A2:D2').values = [['=1+1', '+A9', '-B9', '@SUM(1)']];
    await sync();
    expect(excel.cell(SHEET, 'A1').formula).toBe('=1+1');
    expect(excel.cell(SHEET, 'B1').formula).toBe('=+A9');
    expect(excel.cell(SHEET, 'C1').formula).toBe('=-B9');
    expect(excel.cell(SHEET, 'D1').formula).toBe('=@SUM(1)');
    expect(excel.cell(SHEET, 'E1')).toMatchObject({ value: -5 });
    for (const [address, text] of [
      ['A2', '=1+1'],
      ['B2', '+A9'],
      ['C2', '-B9'],
      ['D2', '@SUM(1)'],
    ]) {
      expect(excel.cell(SHEET, address!)).toEqual({ value: text, format: '@' });
    }
  });

  // support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
  it('refuses a text over 32,767 characters and a formula over 8,192', async () => {
    const { sheet, sync } = await book();
    sheet.getRange('A1').values = [['字'.repeat(32_768)]];
    await expect(sync()).rejects.toThrow(/32767/);
    sheet.getRange('A1').formulas = [[`=${'1+'.repeat(4_096)}1`]];
    await expect(sync()).rejects.toThrow(/8192/);
    sheet.getRange('A1').values = [['字'.repeat(32_767)]];
    await expect(sync()).resolves.toBeUndefined();
  });

  it('refuses reading what was not loaded, and reads what was after a sync', async () => {
    const { sheet, sync } = await book();
    sheet.getRange('A1:B1').values = [['a', 2]];
    await sync();
    const range = sheet.getRange('A1:B1');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load('values,address');
    await sync();
    expect(range.values).toEqual([['a', 2]]);
    expect(range.address).toBe(`'${SHEET}'!A1:B1`);
  });
});

describe('the strict fake: sizes, validation, names and sheets', () => {
  // support.microsoft.com "Excel specifications and limits": row height 409 points, column width 255 characters
  it('refuses a row over 409 points and a column over 255 characters', async () => {
    const { excel, sheet, sync } = await book();
    sheet.getRange('60:60').format.rowHeight = 436;
    await expect(sync()).rejects.toThrow(/rowHeight 436/);
    sheet.getRange('A:A').format.columnWidth = (256 * 7 + 5) * 0.75;
    await expect(sync()).rejects.toThrow(/columnWidth/);
    sheet.getRange('60:60').format.rowHeight = 409;
    sheet.getRange('A:A').format.columnWidth = (255 * 7 + 5) * 0.75;
    await sync();
    expect(excel.sheet(SHEET).rowHeights.get(60)).toBe(409);
  });

  // learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member
  it('splits an inline list at its commas and refuses one over 255 characters', async () => {
    const { excel, sheet, sync } = await book();
    sheet.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: '优秀（得分100）,良好, 含逗号' } };
    await sync();
    expect(excel.sheet(SHEET).validations[0]!.options).toEqual(['优秀（得分100）', '良好', ' 含逗号']);
    sheet.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: 'a'.repeat(256) } };
    await expect(sync()).rejects.toThrow(/255/);
    sheet.getRange('A3').dataValidation.rule = { list: { inCellDropDown: true, source: "='Lists'!$A$1:$A$300" } };
    await expect(sync()).resolves.toBeUndefined();
  });

  // support.microsoft.com, “Rename a worksheet”
  it.each(['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二', 'a/b', 'a\\b', 'a?b', 'a*b', 'a[b]', 'a:b', 'History', 'other'])(
    'refuses the sheet name "%s"',
    async (name) => {
      const { excel, sync } = await book();
      excel.context.workbook.worksheets.add(name);
      await expect(sync()).rejects.toThrow(/InvalidArgument|ItemAlreadyExists/);
    },
  );

  // support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64
  it.each(['A1', 'R1C1', 'C', '1name', 'has space'])('refuses the defined name "%s"', async (name) => {
    const { sheet, sync } = await book();
    sheet.names.add(name, sheet.getRange('A1'));
    await expect(sync()).rejects.toThrow(/InvalidArgument/);
  });

  // learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1); excel.sheetvisibility
  it('lists a very hidden sheet with its visibility and refuses to delete it', async () => {
    const excel = fakeExcel({ sheets: [{ name: SHEET }, { name: 'MIB_FILES', visibility: 'VeryHidden' }] });
    const sheets = excel.context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await excel.context.sync();
    expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
      [SHEET, 'Visible'],
      ['MIB_FILES', 'VeryHidden'],
    ]);
    sheets.getItem('MIB_FILES').delete();
    await expect(excel.context.sync()).rejects.toThrow(/InvalidOperation/);
    expect(excel.sheetNames()).toContain('MIB_FILES');
  });
});

describe('the strict fake: enums and page layout', () => {
  // learn.microsoft.com/javascript/api/excel/excel.charttype, excel.chartseriesby
  it('refuses a chart type or series direction Excel does not have', async () => {
    const { sheet, sync } = await book();
    sheet.charts.add('ColumnClusteredX' as Excel.ChartType, sheet.getRange('A1:B3'), 'Columns');
    await expect(sync()).rejects.toThrow(/chart type/);
    sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'), 'Sideways' as Excel.ChartSeriesBy);
    await expect(sync()).rejects.toThrow(/seriesBy/);
  });

  // learn.microsoft.com/javascript/api/excel/excel.pagelayout, excel.pagelayoutzoomoptions (scale 10–400),
  // excel.papertype, excel.pageorientation, excel.pagebreakcollection
  it('refuses a print scale outside 10–400, an unknown paper or orientation, part rows as titles, a break before row 1', async () => {
    const { sheet, sync } = await book();
    const refused = async (set: () => void, pattern: RegExp) => {
      set();
      await expect(sync()).rejects.toThrow(pattern);
    };
    await refused(() => (sheet.pageLayout.zoom = { scale: 9 }), /print scale 9/);
    await refused(() => (sheet.pageLayout.zoom = { scale: 401 }), /print scale 401/);
    await refused(() => (sheet.pageLayout.paperSize = 'A4x' as Excel.PaperType), /paper/);
    await refused(() => (sheet.pageLayout.orientation = 'Sideways' as Excel.PageOrientation), /orientation/);
    await refused(() => sheet.pageLayout.setPrintTitleRows('A5:C5'), /whole rows/);
    await refused(() => sheet.horizontalPageBreaks.add('A1'), /first row/);
    await refused(() => sheet.pageLayout.setPrintMargins('Miles' as Excel.PrintMarginUnit, { left: 1 }), /margin unit/);
    sheet.pageLayout.zoom = { scale: 10 };
    sheet.pageLayout.setPrintTitleRows('$5:$5');
    sheet.horizontalPageBreaks.add('A7');
    await expect(sync()).resolves.toBeUndefined();
  });

  it('refuses an alignment or border style outside its enum', async () => {
    const { sheet, sync } = await book();
    sheet.getRange('A1').format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment;
    await expect(sync()).rejects.toThrow(/horizontalAlignment/);
    sheet.getRange('A1').format.borders.getItem('EdgeTop').style = 'Solid' as Excel.BorderLineStyle;
    await expect(sync()).rejects.toThrow(/style/);
  });
});

describe('the strict fake: syncs', () => {
  it('runs the operations before the failing one and invalidates the objects of the failed batch', async () => {
    const { excel, sync } = await book();
    const added = excel.context.workbook.worksheets.add('新表');
    added.getRange('A1').values = [['written']];
    added.getRange('60:60').format.rowHeight = 436;
    added.getRange('A2').values = [['never']];
    await expect(sync()).rejects.toThrow(/rowHeight/);
    // Excel ran the add and the first write, not what followed the refusal
    expect(excel.sheetNames()).toContain('新表');
    expect(excel.cell('新表', 'A1').value).toBe('written');
    expect(excel.cell('新表', 'A2').value).toBe('');
    // the sheet object of that batch is dead: using it again fails; found again by name, it works
    added.delete();
    await expect(sync()).rejects.toThrow(/InvalidObjectPath/);
    excel.context.workbook.worksheets.getItem('新表').delete();
    await sync();
    expect(excel.sheetNames()).not.toContain('新表');
  });

  // learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
  it('refuses a request over 5 MB in web mode (nothing of it runs), and takes it on the desktop', async () => {
    const rows = Array.from({ length: 2_000 }, () => ['说'.repeat(1_000)]);
    const web = await book('web');
    web.sheet.getRange('A1:A2000').values = rows;
    await expect(web.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(web.excel.cell(SHEET, 'A1').value).toBe('');
    const desktop = await book('desktop');
    desktop.sheet.getRange('A1:A2000').values = rows;
    await expect(desktop.sync()).resolves.toBeUndefined();
  });

  it('refuses a response over 5 MB in web mode', async () => {
    const rows = Array.from({ length: 1_000 }, () => ['说'.repeat(1_000)]);
    const { excel, sheet, sync } = await book('desktop');
    sheet.getRange('A1:A1000').values = rows;
    sheet.getRange('B1:B1000').values = rows;
    await sync();
    const web = fakeExcel({
      sheets: [{ name: SHEET, used: { address: 'A1:B1000', formulas: excel.values(SHEET), values: excel.values(SHEET) } }],
      mode: 'web',
    });
    const range = web.context.workbook.worksheets.getItem(SHEET).getRange('A1:B1000');
    range.load('values');
    await expect(web.context.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });
});
