/// <reference types="office-js" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import { plannedRequests, writeGridPlans } from '../../src/excel/writer';
import { planRosterWorkbook } from '../../src/sheet/roster';
import { generatedWeihaiRoster, weihaiSmallRoster } from '../support/rosterResults';
import { fakeExcel } from './fakeExcel';

const weihai = getRubric('weihai-2021-hospital-l2');
const jilin = getPolicy('jilin-2025');
const FIVE_MB = 5 * 1024 * 1024;

describe('writeGridPlans: the roster workbook through Office.js', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes a 10,000-row 威海 二级 roster, its summary and peer groups in at most 10 syncs, every request under 5 MB', async () => {
    const { sheets } = planRosterWorkbook(generatedWeihaiRoster(10_000), weihai, jilin);
    const requests = plannedRequests(sheets);
    expect(requests.every((bytes) => bytes < FIVE_MB)).toBe(true);
    // the rows are megabytes: cut into blocks of at most 2 MB, batched into requests of at most 4 MB
    expect(requests.reduce((sum, bytes) => sum + bytes, 0)).toBeGreaterThan(2 * 1024 * 1024);
    expect(requests.length).toBeGreaterThanOrEqual(2);

    // Excel on the web's limits: the strict fake refuses a request or response over 5 MB
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
    const names = await writeGridPlans(excel.context, sheets);
    expect(names).toEqual(['汇总名单', '汇总统计', '同级分组', '口径说明', '公示名单']);
    expect(Math.max(...excel.requestSizes)).toBeLessThan(FIVE_MB);
    // one sync reads the names, then one per planned request
    expect(excel.syncs()).toBe(1 + requests.length);
    expect(excel.syncs()).toBeLessThanOrEqual(10);

    // the rows as 2-D blocks covering all 10,000, after their columns' formats
    const roster = excel.writes.filter((w) => w.sheet === '汇总名单');
    const blocks = roster.filter((w) => w.property === 'values');
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.reduce((n, block) => n + (block.value as unknown[][]).length, 0)).toBe(10_000);
    expect(blocks[0]!.address).toMatch(/^A2:[A-Z]+\d+$/);
    expect((blocks[0]!.value as unknown[][])[0]!.slice(0, 2)).toEqual(['37100000', '威海市第1医院']);
    // 机构编码 and 机构名称 are text columns side by side, then 最终得分 to two decimals: one range per block, a
    // full-size array of formats (numberFormat takes an array the size of the range), set before the block's values
    const firstRows = (blocks[0]!.value as unknown[][]).length;
    const codeFormat = roster.findIndex((w) => w.address.startsWith('A2:') && w.property === 'numberFormat');
    const formats = roster[codeFormat]!.value as string[][];
    expect(formats).toHaveLength(firstRows);
    expect(formats.every((row) => row.length === formats[0]!.length && row.slice(0, 4).join() === '@,@,0.00,@')).toBe(true);
    expect(codeFormat).toBeLessThan(roster.indexOf(blocks[0]!));
    expect(excel.cell('汇总名单', 'A2')).toMatchObject({ value: '37100000', format: '@' });
    // number formats by runs of columns, not per cell
    expect(roster.filter((w) => w.property === 'numberFormat').length).toBeLessThan(40 * blocks.length);
  });

  it('adds the native charts, the filter buttons and frozen headers, and activates the roster', async () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    await writeGridPlans(excel.context, sheets);
    const charts = excel.calls.filter((c) => c.method === 'add' && c.target === 'charts');
    expect(charts.map((c) => [c.sheet, c.args[0], c.args[1], c.args[2]])).toEqual([
      ['汇总统计', 'ColumnClustered', 'A4:B9', 'Columns'],
      ['汇总统计', 'ColumnClustered', sheets[1]!.charts![1]!.data, 'Columns'],
    ]);
    const grades = charts[0]!.args[3] as {
      title: { text: string };
      axes: { categoryAxis: { title: { text: string } }; valueAxis: { title: { text: string } } };
    };
    expect(grades.title.text).toBe('等次分布');
    expect(grades.axes.categoryAxis.title.text).toBe('等次');
    expect(grades.axes.valueAxis.title.text).toBe('机构数');
    expect(excel.calls.filter((c) => c.method === 'setPosition').map((c) => c.args[0])).toEqual(['F4', sheets[1]!.charts![1]!.from]);
    expect(excel.calls.find((c) => c.target === 'autoFilter')).toMatchObject({ sheet: '汇总名单', args: [sheets[0]!.autoFilter] });
    expect(excel.calls.filter((c) => c.method === 'freezeRows').map((c) => [c.sheet, c.args[0]])).toEqual([
      ['汇总名单', 1],
      ['同级分组', 4],
      ['口径说明', 4],
      ['公示名单', 4],
    ]);
    expect(excel.active).toBe('汇总名单');
    expect(excel.syncs()).toBe(3);
  });

  it('sets each sheet’s print setup: A4 landscape, 汇总名单 fitted across with 机构编码 and 机构名称 and its header on every page', async () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    await writeGridPlans(excel.context, sheets);
    const roster = excel.sheet('汇总名单').pageLayout;
    expect(roster).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: sheets[0]!.pageSetup!.fitToWidth },
      printTitleRows: '$1:$1',
      printTitleColumns: '$A:$B',
    });
    expect(sheets[0]!.pageSetup!.fitToWidth).toBeGreaterThan(1);
    // 汇总统计 at a fixed scale, so that its page break (the histogram and its chart on a page of their own) holds
    expect(excel.sheet('汇总统计').pageLayout.zoom).toEqual({ scale: sheets[1]!.pageSetup!.scale });
    expect(excel.sheet('汇总统计').pageBreaks).toEqual(sheets[1]!.pageSetup!.pageBreaks!.map((row) => `A${row}`));
    for (const name of ['汇总名单', '汇总统计', '同级分组', '口径说明', '公示名单'])
      expect(excel.sheet(name).pageLayout.orientation, name).toBe('Landscape');
  });

  it('points the summary at the roster as written when 汇总名单 is taken', async () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const excel = fakeExcel({ sheets: [{ name: '汇总名单' }] });
    const names = await writeGridPlans(excel.context, sheets);
    expect(names[0]).toBe('汇总名单 (2)');
    const summary = excel.writes.find((w) => w.sheet === '汇总统计' && w.property === 'formulas')!.value as unknown[][];
    const formulas = summary.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('='));
    // every formula over the roster names it as written (the money check row reads 汇总统计 itself)
    const overRoster = formulas.filter((f) => f.includes('汇总名单'));
    expect(overRoster.length).toBeGreaterThan(10);
    expect(overRoster.every((f) => f.includes("'汇总名单 (2)'!"))).toBe(true);
  });

  it('makes the sheets without filter buttons where the host lacks ExcelApi 1.9', async () => {
    vi.stubGlobal('Office', { context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split('.')[1]) < 9 } } });
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    expect(await writeGridPlans(excel.context, sheets)).toHaveLength(5);
    expect(excel.calls.some((c) => c.target === 'autoFilter')).toBe(false);
    expect(excel.calls.filter((c) => c.target === 'charts')).toHaveLength(2);
  });

  it('deletes every half-made sheet when Excel refuses the write', async () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    excel.failOnSync(2);
    await expect(writeGridPlans(excel.context, sheets)).rejects.toThrow(/InvalidArgument/);
    expect(excel.sheetNames()).toEqual(['Sheet1']);
  });
});
