// The 公示名单 sheet (issue 22) of the twelve hospitals (test/support/publishRoster.ts): the list worked by hand
// from 吉林's text (EXPECTED_LIST), as planned, as the pane writes it (the Office.js writer on the strict fake),
// and as `mib roster --publish` writes it alone.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeGridPlans } from '../../src/excel/writer';
import { planPublishSheet, planRosterWorkbook, PUBLISH_SHEET } from '../../src/sheet/roster';
import { fakeExcel } from '../excel/fakeExcel';
import { mibOnDisk } from '../support/mibOnDisk';
import { EXPECTED_BULLETIN, EXPECTED_LIST, publishPolicy, publishRoster, publishRows, publishRubric } from '../support/publishRoster';
import { scratch, writeCsv } from '../support/rosterFiles';

const DATE = new Date(2026, 11, 5);
const HEADER = ['序号', '机构名称', '级别/类型', '得分', '等次', '处理结果'];
const rowsOf = (values: unknown[][]) => {
  const top = values.findIndex((row) => row[0] === '序号');
  return { top, rows: values.slice(top + 1, top + 1 + EXPECTED_LIST.length) };
};

describe('公示名单', () => {
  it('is planned as the list by hand, under a title and a line with the basis and the date, the 通报 below', () => {
    const plan = planPublishSheet(publishRoster(), publishRubric(), publishPolicy(), DATE);
    // the grid, and the list as the sheet's body (values styled by column)
    const values: unknown[][] = plan.grid.map((row) => row.map((cell) => (cell && 'value' in cell ? cell.value : null)));
    plan.body!.rows.forEach((row, r) => (values[plan.body!.top + r] = row));
    expect(values[0]![0]).toBe('定点医药机构考核结果公示名单');
    expect(values[1]![0]).toContain('公示日期：2026年12月5日');
    expect(values[1]![0]).toContain('考核办法：吉林省医疗保障定点医药机构考核暂行办法');
    const { top, rows } = rowsOf(values);
    expect(values[top]).toEqual(HEADER);
    expect(rows).toEqual(EXPECTED_LIST);
    expect(values.at(-1)![0]).toBe(`通报：${EXPECTED_BULLETIN}`);
    // A4 landscape, one page across, the header on every page
    expect(plan.pageSetup).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: 1, titleRows: `$1:$${top + 1}` });
  });

  it('is written by the pane (Office.js) as planned, as the last sheet of the roster workbook', async () => {
    const { sheets } = planRosterWorkbook(publishRoster(), publishRubric(), publishPolicy(), { date: DATE });
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    const names = await writeGridPlans(excel.context, sheets);
    expect(names.at(-1)).toBe(PUBLISH_SHEET);
    const { top, rows } = rowsOf(excel.values(PUBLISH_SHEET));
    expect(excel.values(PUBLISH_SHEET)[top]!.slice(0, 6)).toEqual(HEADER);
    expect(rows.map((row) => row.slice(0, 6))).toEqual(EXPECTED_LIST);
    expect(excel.sheet(PUBLISH_SHEET).pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: `$1:$${top + 1}` });
  });

  it('is what `mib roster --publish` writes alone, beside the report’s 通报 and findings', async () => {
    const path = scratch('mib-publish-');
    const csv = writeCsv(path('twelve.csv'), publishRows());
    const out = path('公示.xlsx');
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--policy', 'jilin-2025', '--complete', '--input', csv, '--publish', out);
    expect(run.out).toContain(`通报：${EXPECTED_BULLETIN}`);
    expect(run.out).toContain('超出单项分值扣分：1 项、1 家次（第6项 参保群众的就医购药是否服务到位：H06医院 超出 2 分）');
    expect(run.out).toContain(`已写入 ${out}：工作表“公示名单”`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([PUBLISH_SHEET]);
    const sheetValues = workbook.worksheets[0]!.getSheetValues();
    const values = Array.from(sheetValues.slice(1), (row) => Array.from(((row as unknown[] | undefined) ?? []).slice(1)));
    expect(rowsOf(values).rows).toEqual(EXPECTED_LIST);

    // -o naming the same file as --publish is refused before anything is read
    const same = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '-o', out, '--publish', out);
    expect(same.code).toBe(2);
  });
});
