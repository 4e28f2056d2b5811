/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { parseRange, cellAddress } from '../../src/sheet/memory/a1';
import { estimateRequestBytes, writePlan } from '../../src/excel/writer';
import { fakeExcel } from './fakeExcel';
import { fixturePlan, fixtureUnlocked } from './fixtures';

const NAME = '江北医院考核';

async function written(plan = fixturePlan(), sheets = [{ name: 'Sheet1' }]) {
  const excel = fakeExcel({ sheets });
  const name = await writePlan(excel.context, plan);
  return { excel, name };
}

/** every cell of an address list "A1:B2,D4" */
function cellsOf(addresses: string): string[] {
  return addresses.split(',').flatMap((area) => {
    const rect = parseRange(area);
    const cells: string[] = [];
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) cells.push(cellAddress(r, c));
    return cells;
  });
}

describe('writePlan', () => {
  it('writes a whole sheet in three syncs', async () => {
    const { excel, name } = await written();
    expect(name).toBe(NAME);
    expect(excel.syncs()).toBe(3);
    expect(excel.calls.filter((c) => c.method === 'add' && c.target === 'worksheets')).toHaveLength(1);
  });

  it('picks a free name when the plan name is taken', async () => {
    const { name } = await written(fixturePlan(), [{ name: NAME }, { name: `${NAME} (2)` }]);
    expect(name).toBe(`${NAME} (3)`);
  });

  it('writes every cell with one formulas assignment, number formats first', async () => {
    const { excel } = await written();
    const cellWrites = excel.writes.filter((w) => w.property === 'formulas' || w.property === 'numberFormat');
    expect(cellWrites.map((w) => [w.address, w.property])).toEqual([
      ['A1:I8', 'numberFormat'],
      ['A1:I8', 'formulas'],
    ]);
    const formulas = cellWrites[1]!.value as unknown[][];
    expect(formulas).toHaveLength(8);
    expect(formulas.every((row) => row.length === 9)).toBe(true);
    expect(formulas[1]![7]).toBe('cq-jiangbei-2025-hospital');
    expect(formulas[2]![5]).toBe('=SUM(F6,F8)');
    expect(formulas[5]![3]).toBe(5);
    expect(formulas[3]).toEqual(Array(9).fill(''));
    // the file-format prefix is dropped: Office.js takes formulas as typed
    expect(formulas[7]![5]).toBe('=IFS(E8="是",0,TRUE,D8)');
  });

  it('keeps text that Excel would read as a formula or a number as text', async () => {
    const { excel } = await written();
    const formats = excel.writes.find((w) => w.property === 'numberFormat')!.value as string[][];
    const formulas = excel.writes.find((w) => w.property === 'formulas')!.value as unknown[][];
    expect(formulas[5]![2]).toBe('=每次扣1分');
    expect(formats[5]![2]).toBe('@'); // text: true
    expect(formats[5]![8]).toBe('@'); // "1.1" would become a number
    expect(formats[5]![0]).toBe('@'); // "1" too
    expect(formats[1]![0]).toBe('General'); // 机构编码
    expect(formats[6]![4]).toBe('0%');
    expect(formats[5]![5]).toBe('0.00');
  });

  it('unlocks exactly the input cells', async () => {
    const { excel } = await written();
    const unlocked = excel
      .allRanges(NAME)
      .filter(([, range]) => range.format.protection.locked === false)
      .flatMap(([address]) => cellsOf(address));
    expect(unlocked.sort()).toEqual([...fixtureUnlocked].sort());
  });

  it('styles identical cells together, in few ranges', async () => {
    const { excel } = await written();
    const styled = excel.allRanges(NAME).filter(([, range]) => range.format.fill.color !== undefined);
    const header = styled.find(([, range]) => range.format.fill.color === '#DDEBF7');
    expect(header?.[0]).toBe('A5:I5');
    expect(header?.[1].format.font.bold).toBe(true);
    expect(header?.[1].format.horizontalAlignment).toBe('Center');
    // plain and ratio inputs look the same (number formats go with the cells): one getRanges call
    const inputs = styled.filter(([, range]) => range.format.fill.color === '#FFF2CC');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]![0]).toBe('B2:B3,D2:D3,F2,E6:E8,G6:G8'); // runs stacked into rectangles
  });

  it('adds merges, validations, highlights and sheet-scoped names', async () => {
    const { excel } = await written();
    expect(excel.calls.filter((c) => c.method === 'merge').map((c) => c.target)).toContain('range A1:I1');
    const list = excel.rangesAt(NAME, 'E8').find((r) => r.dataValidation.rule)!;
    expect(list.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(list.dataValidation.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', message: '请选择是或否' });
    expect(list.dataValidation.prompt).toEqual({
      showPrompt: true,
      title: '输入编号 2.1',
      message: '是否违规：填“是”或“否”；不填视为未发现，不否决',
    });
    const whole = excel.rangesAt(NAME, 'E6').find((r) => r.dataValidation.rule)!;
    expect(whole.dataValidation.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    const ratio = excel.rangesAt(NAME, 'E7').find((r) => r.dataValidation.rule)!;
    expect(ratio.dataValidation.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: 'Between' } });

    const highlight = excel.calls.find((c) => c.method === 'conditionalFormats.add')!;
    expect(highlight.target).toBe('range H6:H8');
    expect(highlight.args[0]).toBe('Custom');
    expect((highlight.args[1] as { custom: { rule: { formula: string } } }).custom.rule.formula).toBe('=AND(G6<>"",H6<>0)');

    expect(excel.calls.filter((c) => c.target === 'names').map((c) => c.args)).toEqual([
      ['MIB_RUBRIC', 'H2'],
      ['MIB_IDS', 'I6:I8'],
      ['MIB_INPUTS', 'E6:E8'],
      ['MIB_TOTAL', 'F3'],
    ]);
    expect(excel.namesOf(NAME).get('MIB_TOTAL')).toBe(`='${NAME}'!$F$3`);
  });

  it('sets sizes, print layout and frozen rows, then protects and activates', async () => {
    const { excel } = await written();
    const widthOf = (address: string) => excel.rangesAt(NAME, address)[0]?.format.columnWidth;
    expect(widthOf('B:C')).toBeCloseTo((30 * 7 + 5) * 0.75);
    expect(widthOf('D:I')).toBeCloseTo((10 * 7 + 5) * 0.75);
    expect(excel.rangesAt(NAME, '6:7')[0]?.format.rowHeight).toBe(40);
    expect(excel.rangesAt(NAME, '1:1')[0]?.format.rowHeight).toBe(28);

    const order = excel.calls.filter((c) => c.sheet === NAME).map((c) => `${c.target}.${c.method}`);
    const at = (what: string) => order.indexOf(what);
    expect(at('pageLayout.setPrintTitleRows')).toBeGreaterThan(at('names.add'));
    expect(at('sheet.protect')).toBeGreaterThan(at('pageLayout.setPrintTitleRows'));
    expect(at('sheet.activate')).toBeGreaterThan(at('sheet.protect'));
    expect(excel.calls.find((c) => c.method === 'setPrintTitleRows')!.args).toEqual(['$5:$5']);
    // the official columns and the working columns as two print ranges, the plan's margins and the
    // breaks between items (issue 15: a sheet a clerk can print)
    expect(excel.calls.find((c) => c.method === 'setPrintArea')!.args).toEqual(['A1:C9,D5:E9']);
    expect(excel.calls.find((c) => c.method === 'setPrintMargins')!.args).toEqual([
      'Inches',
      { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
    ]);
    expect(excel.calls.filter((c) => c.target === 'horizontalPageBreaks').map((c) => c.args)).toEqual([['A7']]);
    expect(at('sheet.protect')).toBeGreaterThan(at('pageLayout.setPrintArea'));
    expect(excel.calls.find((c) => c.method === 'freezeRows')!.args).toEqual([5]);
    expect(excel.calls.find((c) => c.method === 'protect')!.args[0]).toMatchObject({ allowFormatCells: true });
    expect(excel.calls.find((c) => c.method === 'select')!.target).toBe('range E6');
    expect(excel.active).toBe(NAME);
  });

  it('deletes the half-made sheet when Excel refuses the write', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    excel.failOnSync(2);
    await expect(writePlan(excel.context, fixturePlan())).rejects.toThrow(/InvalidArgument/);
    expect(excel.calls.some((c) => c.method === 'delete' && c.sheet === NAME)).toBe(true);
    expect(excel.sheetNames()).toEqual(['Sheet1']);
  });

  it('estimates the request well under 5 MB', () => {
    const bytes = estimateRequestBytes(fixturePlan());
    expect(bytes).toBeGreaterThan(1_000);
    expect(bytes).toBeLessThan(100_000);
  });

  it('splits a plan over 4 MB into several syncs, and only then', async () => {
    const text = '很长的指标释义'.repeat(40);
    const base = fixturePlan();
    const rows = Array.from({ length: 800 }, () => Array.from({ length: 9 }, () => ({ value: text, style: 'body' })));
    const plan = fixturePlan({ grid: [...base.grid, ...rows] });
    expect(estimateRequestBytes(plan)).toBeGreaterThan(4 * 1024 * 1024);
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    await writePlan(excel.context, plan);
    const blocks = excel.writes.filter((w) => w.property === 'formulas');
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.map((b) => b.address)[0]).toMatch(/^A1:I\d+$/);
    expect(blocks.reduce((n, b) => n + (b.value as unknown[]).length, 0)).toBe(plan.grid.length);
    // blocks of ~2 MB, batches of at most 4 MB: more syncs than three, at most one per block and two more
    expect(excel.syncs()).toBeGreaterThan(3);
    expect(excel.syncs()).toBeLessThanOrEqual(2 + blocks.length);
  });
});

describe('writePlan against Excel’s refusals (strict fake)', () => {
  it('keeps the written sheet when a finishing part is refused, reports it, and still protects and activates', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    const base = fixturePlan();
    // a scale Excel refuses (10–400): the print layout fails after the contents are written
    const plan = fixturePlan({ print: { ...base.print, scale: 5 } });
    const problems: Error[] = [];
    const name = await writePlan(excel.context, plan, (problem) => problems.push(problem));
    expect(name).toBe(NAME);
    expect(excel.sheetNames()).toContain(NAME);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^工作表“江北医院考核”已写好，但打印设置未完成：.*print scale 5/)]);
    expect(excel.sheet(NAME).protected).toBe(true);
    expect(excel.active).toBe(NAME);
    expect(excel.cell(NAME, 'F3').formula).toBe('=SUM(F6,F8)');
  });

  it('deletes the half-made sheet by name in a fresh sync when the contents are refused (Excel has run the operations before)', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    // a row Excel refuses: the sheet is added and partly written before the refusal
    await expect(writePlan(excel.context, fixturePlan({ rowHeights: { 7: 436 } }))).rejects.toThrow(/rowHeight 436/);
    expect(excel.calls.filter((c) => c.sheet === NAME).map((c) => `${c.target}.${c.method}`)).toContain('worksheets.add');
    expect(excel.calls.filter((c) => c.sheet === NAME).map((c) => `${c.target}.${c.method}`)).toContain('sheet.delete');
    expect(excel.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('writePlan: the working print (填报明细)', () => {
  it('writes it after the form, protected, printing apart, its formulas reading the form where its name was taken', async () => {
    const { planSheet } = await import('../../src/sheet/planSheet');
    const { getRubric } = await import('../../src/core');
    const plan = planSheet(getRubric('cq-jiangbei-2025-hospital'), { policyId: 'cq-jiangbei-2025', institutionName: '江北区示例医院', year: 2025 });
    const working = plan.workingPrint!;
    const excel = fakeExcel({ sheets: [{ name: plan.name }] });
    const name = await writePlan(excel.context, plan);
    // the plan's name was taken: the form is numbered, and the working print reads the numbered form
    expect(name).toBe(`${plan.name} (2)`);
    const names = excel.sheetNames();
    expect(names).toEqual([plan.name, name, working.name]);
    const model = excel.sheet(working.name);
    expect(model.protected).toBe(true);
    expect(model.pageLayout).toMatchObject({ orientation: 'Landscape' });
    const formulas = [...model.cells.values()].map((cell) => cell.formula).filter((f): f is string => f !== undefined);
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.some((f) => f.includes(`'${name}'!`))).toBe(true);
    expect(formulas.some((f) => f.includes(`'${plan.name}'!`))).toBe(false);
  });
});
