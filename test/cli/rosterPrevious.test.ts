// `mib roster --previous` (issue 23): a two-year roster. Last year's roster (CSV, scored here) or result
// workbook (mib roster -o) is matched by 机构编码; each institution's change of score and grade shows in the
// text, the JSON and the workbook; newcomers and leavers are listed; 威海 A6's "比上年同期下降≥2%的，得10分"
// is scored from this year's and last year's 检查、化验费用占比 where the roster leaves 30.2 blank.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mibOnDisk } from '../support/mibOnDisk';
import { rosterJsonOf, scratch, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-previous-');
const WEIHAI = ['weihai-2021-hospital-l2', '--policy', 'jilin-2025', '--convert'];
const lastYear = writeCsv(path('2020.csv'), [
  { 机构编码: 'W1', 机构名称: '威海甲医院', 质量保证金: 100000, '30.1': 0.25 },
  { 机构编码: 'W2', 机构名称: '威海乙医院', 质量保证金: 80000, '30.1': 0.22 },
  { 机构编码: 'W3', 机构名称: '威海丙医院', 质量保证金: 50000, '30.1': 0.3 },
]);
const thisYear = writeCsv(path('2021.csv'), [
  // 25% → 22%: down 3 points, "比上年同期下降≥2%的，得10分" (method 1 alone gives 10 − 2 = 8)
  { 机构编码: 'W1', 机构名称: '威海甲医院', 质量保证金: 100000, '30.1': 0.22, '30.2': '' },
  // 30.2 filled: it already is the change and stands (−5%: 10), though 22% → 22% computes 0
  { 机构编码: 'W2', 机构名称: '威海乙医院', 质量保证金: 80000, '30.1': 0.22, '30.2': '-5%' },
  { 机构编码: 'W4', 机构名称: '威海丁医院', 质量保证金: 60000, '30.1': 0.18, '30.2': '' },
]);
const a6 = (row: { items: { id: string; score: number }[] }) => row.items.find((i) => i.id === '30')!.score;

describe('mib roster --previous', () => {
  it('computes 30.2 from last year where blank, keeps a filled one, and lists newcomers and leavers', async () => {
    const without = await rosterJsonOf(...WEIHAI, '--input', thisYear);
    expect(without.json.institutions.map(a6)).toEqual([8, 10, 10]);
    expect(without.json.previousYear).toBeUndefined();
    const { code, json } = await rosterJsonOf(...WEIHAI, '--input', thisYear, '--previous', lastYear);
    expect(code).toBe(0);
    expect(json.institutions.map(a6)).toEqual([10, 10, 10]);
    expect(json.previousYear).toMatchObject({
      institutions: 3,
      scored: true,
      newcomers: [{ code: 'W4', name: '威海丁医院' }],
      leavers: [{ code: 'W3', name: '威海丙医院', grade: '良' }],
    });
    expect(json.previousYear!.lines).toContain(
      '30.2（第30项，较上年）= 30.1 本年 − 上年：按上年名单算出 1 家；名单已填 30.2 的 1 家按所填（所填即为变化）；缺本年或上年数据的 1 家留空',
    );
    const [w1, w2, w4] = json.institutions;
    // last year (scored here, 30.2 blank) W1's 25% gave A6 10 − 5 = 5 and W2's 22% gave 8; this year both 10:
    // +5 and +2 points of 795, ×100/795 after 折算
    expect(w1!.previous!.change).toBeCloseTo((5 * 100) / 795, 9);
    expect(w1!.previous).toMatchObject({ grade: '良', gradeChange: 'same' });
    expect(w2!.previous!.change).toBeCloseTo((2 * 100) / 795, 9);
    expect(w4!.previous).toBeUndefined();
  });

  it('reads last year from a result workbook (mib roster -o): its 最终得分, 等次 and A6.1 测量值; an unchanged score changes by 0', async () => {
    const lastBook = path('2020.xlsx');
    expect((await mibOnDisk('roster', ...WEIHAI, '--input', lastYear, '-o', lastBook)).code).toBe(0);
    const same = writeCsv(path('same.csv'), [{ 机构编码: 'W2', 机构名称: '威海乙医院', 质量保证金: 80000, '30.1': 0.22, '30.2': '' }]);
    const { json } = await rosterJsonOf(...WEIHAI, '--input', same, '--previous', lastBook);
    expect(json.previousYear).toMatchObject({ scored: false, institutions: 3, newcomers: [] });
    expect(json.previousYear!.leavers.map((l) => l.code)).toEqual(['W1', 'W3']);
    // 22% → 22% is 持平 (7), beside method 1's 8: 8 both years
    expect(json.institutions[0]!.previous).toMatchObject({ change: 0, gradeChange: 'same' });
  });

  it('reads a result workbook of 机构编码, 最终得分 and 等次 alone (no 机构名称 is needed to compare), and names one without 机构编码', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['机构编码', '最终得分', '等次']);
    sheet.addRow(['W1', 80, '良']);
    sheet.addRow(['W2', 95, '优']);
    const codesOnly = path('codes-only.xlsx');
    writeFileSync(codesOnly, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { json } = await rosterJsonOf(...WEIHAI, '--input', thisYear, '--previous', codesOnly);
    expect(json.previousYear).toMatchObject({ scored: false, institutions: 2, newcomers: [{ code: 'W4' }], leavers: [] });
    expect(json.institutions[0]!.previous).toMatchObject({ total: 80, grade: '良' });
    sheet.getCell('A1').value = '编码';
    const noCode = path('no-code.xlsx');
    writeFileSync(noCode, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const without = await mibOnDisk('roster', ...WEIHAI, '--input', thisYear, '--previous', noCode);
    expect(without.err).toContain(`上年名单“${noCode}（工作表“名单”）”没有“机构编码”列，无法与今年对照`);
    expect(without.err).not.toContain('表头不在第一行');
    // a title row above the header: the header's row named
    sheet.getCell('A1').value = '机构编码';
    sheet.spliceRows(1, 0, ['2024年度考核结果']);
    const titled = path('titled.xlsx');
    writeFileSync(titled, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const withTitle = await mibOnDisk('roster', ...WEIHAI, '--input', thisYear, '--previous', titled);
    expect(withTitle.err).toContain(
      `上年名单“${titled}（工作表“名单”）”没有“机构编码”列，无法与今年对照：表头不在第一行，名单!A2 所在的一行有 机构编码，像是表头；请删去它上面的标题行`,
    );
  });

  it('shows score and grade changes in the text and the workbook (上年得分, 上年等次, 得分变化, 与上年; 上年对比)', async () => {
    const table = JSON.parse(readFileSync('examples/region/table.json', 'utf8')) as Record<string, unknown>;
    const tableFile = path('table.json');
    writeFileSync(tableFile, JSON.stringify(table));
    const facts = (code: string, name: string, count: number) => ({
      机构编码: code,
      机构名称: name,
      '1.1': false,
      '2.1': count,
      '2.2': 0,
      '3.1': 0.9,
      '3.2': false,
      '4.1': true,
      '4.2': true,
      '5.1': 0,
    });
    const before = writeCsv(path('before.csv'), [facts('A', '甲', 20), facts('B', '乙', 0), facts('C', '丙', 0)]);
    const after = writeCsv(path('after.csv'), [facts('A', '甲', 0), facts('B', '乙', 20), facts('D', '丁', 0)]);
    const args = [tableFile, '--input', after, '--previous', before, '--policy', 'examples/region/policy.json', '--complete'];
    const { json } = await rosterJsonOf(...args);
    const [a, b] = json.institutions;
    // 2.1 "每次扣2分" 20 times empties item 2 (20 points): 80 良好 one year, 100 优秀 the other
    expect([a!.total, a!.grade, a!.previous]).toEqual([100, '优秀', { total: 80, grade: '良好', change: 20, gradeChange: 'up' }]);
    expect([b!.total, b!.grade, b!.previous]).toEqual([80, '良好', { total: 100, grade: '优秀', change: -20, gradeChange: 'down' }]);

    const out = path('after.xlsx');
    const text = await mibOnDisk('roster', ...args, '-o', out);
    expect(text.out).toContain('与上年相比：得分上升 1 家，下降 1 家；等次变化 2 家（升 1 家，降 1 家）');
    expect(text.out).toContain('今年新增 1 家：D 丁');
    expect(text.out).toContain('上年在名单、今年不在 1 家：C 丙');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toContain('上年对比');
    const sheet = workbook.getWorksheet('汇总名单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (r: number, name: string) => sheet.getRow(r + 2).getCell(header.indexOf(name) + 1).value ?? null;
    expect(cell(0, '上年得分')).toBe(json.institutions[0]!.previous!.total);
    expect(cell(0, '上年等次')).toBe(json.institutions[0]!.previous!.grade);
    expect(cell(0, '得分变化')).toBe(json.institutions[0]!.previous!.change);
    expect(cell(2, '上年得分')).toBeNull();
    expect(cell(2, '与上年')).toBe('新增');
    const compared = workbook.getWorksheet('上年对比')!;
    const listed: unknown[][] = [];
    compared.eachRow((row) => listed.push((row.values as unknown[]).slice(1, 4)));
    expect(listed).toContainEqual(['今年新增', 'D', '丁']);
    expect(listed).toContainEqual(['今年不在名单', 'C', '丙']);
  });

  it('refuses to write the workbook over last year’s file, and names a file it cannot read', async () => {
    const refused = await mibOnDisk('roster', ...WEIHAI, '--input', thisYear, '--previous', lastYear, '-o', lastYear);
    expect(refused.code).toBe(2);
    const missing = await mibOnDisk('roster', ...WEIHAI, '--input', thisYear, '--previous', path('none.csv'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('读不到上年名单');
  });
});
