import { describe, expect, it, vi } from 'vitest';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { linkFormula } from '../../src/sheet/roster/link';
import { fixturePlan } from '../excel/fixtures';

const NAME = '江北医院考核';

async function withSheet() {
  const book = new MemoryWorkbook();
  const name = await book.createSheet(fixturePlan());
  return { book, name };
}

describe('MemoryWorkbook', () => {
  it('creates a sheet from a plan, with a free name, and makes it active', async () => {
    const { book, name } = await withSheet();
    expect(book.connected).toBe(false);
    expect(name).toBe(NAME);
    expect(await book.createSheet(fixturePlan())).toBe(`${NAME} (2)`);
    expect(book.sheetNames()).toEqual(['Sheet1', NAME, `${NAME} (2)`]);
    expect(await book.listAssessmentSheets()).toEqual([NAME, `${NAME} (2)`]);
    expect(await book.activeAssessmentSheet()).toBe(`${NAME} (2)`);
    expect(await book.selection()).toEqual({ sheetName: `${NAME} (2)`, address: 'E6' });
  });

  it('holds the plan: constants, formulas as text, locks from the styles', async () => {
    const { book } = await withSheet();
    expect(book.cell(NAME, 'H2')).toMatchObject({ value: 'cq-jiangbei-2025-hospital', locked: true });
    expect(book.cell(NAME, 'C6')).toMatchObject({ value: '=每次扣1分', numberFormat: '@' });
    expect(book.cell(NAME, 'C6').formula).toBeUndefined();
    expect(book.cell(NAME, 'F6')).toMatchObject({ formula: '=MAX(0,D6-E6-E7*10)', value: null, numberFormat: '0.00' });
    expect(book.cell(NAME, 'E7')).toMatchObject({ locked: false, numberFormat: '0%' });
    // formulas as Excel gives them back: no file-format prefixes
    expect(book.cell(NAME, 'F8').formula).toBe('=IFS(E8="是",0,TRUE,D8)');
    const grid = book.cells(NAME);
    expect(grid).toHaveLength(8);
    expect(grid[5]![4]).toMatchObject({ address: 'E6', locked: false, style: 'input' });
  });

  it('reads what a user types, as Excel reads typing', async () => {
    const { book } = await withSheet();
    book.setCell(NAME, 'E6', '2');
    book.setCell(NAME, 'E7', '45%');
    book.setCell(NAME, 'E8', '否');
    book.setCell(NAME, 'G6', 3.5);
    book.setCell(NAME, 'B2', "'0012");
    const snapshot = await book.readSheet(NAME);
    expect(snapshot.inputs).toEqual([
      { id: '1.1', address: 'E6', value: 2 },
      { id: '1.2', address: 'E7', value: 0.45 },
      { id: '2.1', address: 'E8', value: '否' },
    ]);
    expect(snapshot.selfScores).toEqual([
      { itemNo: '1', address: 'G6', value: 3.5 },
      { itemNo: '2', address: 'G8', value: null },
    ]);
    expect(snapshot.institutionCode).toBe('0012');
    expect(snapshot.rubricId).toBe('cq-jiangbei-2025-hospital');
    book.setCell(NAME, 'E6', '');
    expect((await book.readSheet(NAME)).inputs[0]!.value).toBeNull();
  });

  it('refuses typing into a locked cell until the sheet is unprotected', async () => {
    const { book } = await withSheet();
    expect(() => book.setCell(NAME, 'F8', 10)).toThrow(/锁定/);
    book.unprotect(NAME);
    book.setCell(NAME, 'F8', 10);
    book.setCell(NAME, 'H8', '=G8-F8+1');
    const { computed } = await book.readSheet(NAME);
    expect(computed).toContainEqual({ address: 'F8', formula: 10, value: 10 });
    expect(computed).toContainEqual({ address: 'H8', formula: '=G8-F8+1', value: null });
    expect(computed).toContainEqual({ address: 'F6', formula: '=MAX(0,D6-E6-E7*10)', value: null });
    expect(computed.map((c) => c.address)).toEqual(['F3', 'H3', 'F6', 'H6', 'F8', 'H8']);
  });

  it('keeps typed text in a text-formatted cell as text', async () => {
    const { book } = await withSheet();
    book.unprotect(NAME);
    book.setCell(NAME, 'C6', '=另见附件');
    expect(book.cell(NAME, 'C6')).toMatchObject({ value: '=另见附件' });
    expect(book.cell(NAME, 'C6').formula).toBeUndefined();
  });

  it('fires onChanged and onSelectionChanged, and stops when unsubscribed', async () => {
    const book = new MemoryWorkbook();
    const changed = vi.fn();
    const moved = vi.fn();
    const stopChanged = book.onChanged(changed);
    const stopMoved = book.onSelectionChanged(moved);
    await book.createSheet(fixturePlan());
    expect(changed).toHaveBeenCalledTimes(1);
    book.setCell(NAME, 'E6', 1);
    expect(changed).toHaveBeenCalledTimes(2);
    await book.select(NAME, 'g6:g7');
    expect(moved).toHaveBeenCalledWith({ sheetName: NAME, address: 'G6' });
    expect(await book.selection()).toEqual({ sheetName: NAME, address: 'G6' });
    stopChanged();
    stopMoved();
    book.setCell(NAME, 'E6', 2);
    await book.select('Sheet1', 'A1');
    expect(changed).toHaveBeenCalledTimes(2);
    expect(moved).toHaveBeenCalledTimes(1);
    expect(await book.activeAssessmentSheet()).toBeNull();
  });

  it('refuses to read an ordinary sheet', async () => {
    await expect(new MemoryWorkbook().readSheet('Sheet1')).rejects.toThrow(/不是考核表/);
    await expect(new MemoryWorkbook().readSheet('无')).rejects.toThrow(/没有名为/);
  });

  it('lists every sheet and reads an ordinary sheet’s used range as values (a roster typed by hand)', async () => {
    const book = new MemoryWorkbook(['名单', 'Sheet2']);
    expect(await book.listSheets()).toEqual(['名单', 'Sheet2']);
    expect(await book.readValues('名单')).toBeNull();
    book.setCell('名单', 'B2', '机构编码');
    book.setCell('名单', 'C2', '机构名称');
    book.setCell('名单', 'B3', 'H001');
    book.setCell('名单', 'D3', '45%');
    expect(await book.readValues('名单')).toEqual({
      origin: 'B2',
      values: [
        ['机构编码', '机构名称', null],
        ['H001', null, 0.45],
      ],
    });
  });

  it('writes blocks of values and formulas; a link formula shows its roster cell, blank while blank', async () => {
    const { book } = await withSheet();
    const changed = vi.fn();
    book.onChanged(changed);
    await book.writeCells('Sheet1', [
      {
        address: 'A1',
        rows: [
          ['机构编码', 3],
          [null, true],
        ],
      },
    ]);
    expect(book.cell('Sheet1', 'B1').value).toBe(3);
    expect(book.cell('Sheet1', 'B2').value).toBe(true);
    await book.writeCells(NAME, [{ address: 'E6', rows: [[{ formula: linkFormula('Sheet1', 'B1') }]] }]);
    expect(changed).toHaveBeenCalledTimes(2);
    expect(book.cell(NAME, 'E6')).toMatchObject({ formula: `=IF(ISBLANK('Sheet1'!$B$1),"",'Sheet1'!$B$1)`, value: 3 });
    expect((await book.readSheet(NAME)).inputs[0]).toEqual({ id: '1.1', address: 'E6', value: 3 });
    book.setCell('Sheet1', 'B1', 5); // the roster changes: the expanded sheet follows
    expect((await book.readSheet(NAME)).inputs[0]!.value).toBe(5);
    book.setCell('Sheet1', 'B1', null);
    expect((await book.readSheet(NAME)).inputs[0]!.value).toBeNull();
    // another formula stays uncomputed
    await book.writeCells(NAME, [{ address: 'E6', rows: [[{ formula: '=Sheet1!B2' }]] }]);
    expect(book.cell(NAME, 'E6').value).toBeNull();
  });

  it('refuses a write into a locked cell of a protected sheet, writing none of the block', async () => {
    const { book } = await withSheet();
    await expect(book.writeCells(NAME, [{ address: 'E6', rows: [[1, 'x']] }])).rejects.toThrow(/F6 已锁定/);
    expect(book.cell(NAME, 'E6').value).toBeNull();
  });

  it('pastes cells copied from Excel as typing, in one change', async () => {
    const book = new MemoryWorkbook(['名单']);
    const changed = vi.fn();
    book.onChanged(changed);
    expect(book.paste('名单', 'A1', '机构编码\t机构名称\tA1.1\r\nH001\t"甲""一""\n医院"\t45%\r\n')).toBe(2);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await book.readValues('名单')).toEqual({
      origin: 'A1',
      values: [
        ['机构编码', '机构名称', 'A1.1'],
        ['H001', '甲"一"\n医院', 0.45],
      ],
    });
    const { book: sheets, name } = await withSheet();
    expect(() => sheets.paste(name, 'E6', '1')).toThrow(/受保护/);
  });

  it('deletes the sheets named that are there; the active one gone, the first becomes active', async () => {
    const book = new MemoryWorkbook(['名单', '汇总名单', '汇总统计']);
    await book.select('汇总统计', 'A1');
    const changed = vi.fn();
    book.onChanged(changed);
    await book.deleteSheets(['汇总名单', '汇总统计', '同级分组']);
    expect(book.sheetNames()).toEqual(['名单']);
    expect(await book.selection()).toEqual({ sheetName: '名单', address: 'A1' });
    expect(changed).toHaveBeenCalledTimes(1);
    await book.deleteSheets(['无']);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe('MemoryWorkbook holds Excel’s limits (src/sheet/excelLimits.ts)', () => {
  // support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
  it('refuses a plan with a row over 409 points, a column over 255 characters, a long text or formula', async () => {
    const book = new MemoryWorkbook();
    await expect(book.createSheet(fixturePlan({ rowHeights: { 60: 436 } }))).rejects.toThrow(/第 60 行：行高 436/);
    const wide = fixturePlan();
    wide.columns[0]!.width = 256;
    await expect(book.createSheet(wide)).rejects.toThrow(/列宽 256/);
    const long = fixturePlan();
    long.grid[0] = [{ value: '字'.repeat(32_768) }];
    await expect(book.createSheet(long)).rejects.toThrow(/32767/);
    const formula = fixturePlan();
    formula.grid[0] = [{ formula: `=${'1+'.repeat(4_096)}1` }];
    await expect(book.createSheet(formula)).rejects.toThrow(/8192/);
    await expect(book.writeCells('Sheet1', [{ address: 'A1', rows: [['字'.repeat(32_768)]] }])).rejects.toThrow(/32767/);
    expect(book.sheetNames()).toEqual(['Sheet1']);
  });

  // learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member
  it('refuses an inline list over 255 characters or with a comma inside an option', async () => {
    const book = new MemoryWorkbook();
    const list = (options: string[]) => {
      const plan = fixturePlan();
      plan.validations[2] = { ...plan.validations[2]!, rule: { kind: 'list', options } };
      return plan;
    };
    await expect(book.createSheet(list(['是', '否,不是']))).rejects.toThrow(/英文逗号/);
    await expect(book.createSheet(list(['甲'.repeat(200), '乙'.repeat(60)]))).rejects.toThrow(/255/);
    await expect(book.createSheet(list(['甲'.repeat(200), '乙'.repeat(54)]))).resolves.toBe(NAME);
  });

  // learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions (10–400), excel.pagelayout#setprinttitlerows
  it('refuses a print scale outside 10–400, a break before row 2, title rows that are not whole rows, a bad sheet or defined name', async () => {
    const book = new MemoryWorkbook();
    const base = fixturePlan();
    await expect(book.createSheet(fixturePlan({ print: { ...base.print, scale: 9 } }))).rejects.toThrow(/打印缩放 9%/);
    await expect(book.createSheet(fixturePlan({ print: { ...base.print, pageBreaks: [1] } }))).rejects.toThrow(/分页符/);
    await expect(book.createSheet(fixturePlan({ printTitleRows: 'A5:C5' }))).rejects.toThrow(/不是整行/);
    await expect(book.createSheet(fixturePlan({ names: [{ name: 'A1', ref: 'A1' }] }))).rejects.toThrow(/单元格引用/);
    await expect(book.createSheet(fixturePlan({ name: 'a/b' }))).rejects.toThrow(/工作表名称/);
  });

  // learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
  it('lists a very hidden sheet with its visibility, leaves it out of listSheets, refuses to delete it', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('MIB_FILES', 'VeryHidden');
    expect(book.sheetVisibility()).toEqual([
      { name: 'Sheet1', visibility: 'Visible' },
      { name: 'MIB_FILES', visibility: 'VeryHidden' },
    ]);
    expect(await book.listSheets()).toEqual(['Sheet1']);
    await expect(book.deleteSheets(['MIB_FILES'])).rejects.toThrow(/InvalidOperation/);
    expect(book.sheetNames()).toContain('MIB_FILES');
  });
});
