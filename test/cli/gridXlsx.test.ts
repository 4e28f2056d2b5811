import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { gridPlansToXlsx } from '../../src/cli/gridXlsx';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import { planRosterWorkbook } from '../../src/sheet/roster';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planProblems } from '../../src/sheet/excelLimits';
import { generatedWeihaiRoster, weihaiSmallRoster } from '../support/rosterResults';
import { recalculate, sofficeVersion } from '../support/sofficeRecalc';

async function written() {
  const plan = planRosterWorkbook(weihaiSmallRoster(), getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await gridPlansToXlsx(plan.sheets)) as unknown as ArrayBuffer);
  return { plan, workbook };
}

describe('gridPlansToXlsx: the roster workbook as one .xlsx (ExcelJS, streamed)', () => {
  it('writes the four sheets with frozen headers, filter buttons and widths', async () => {
    const { plan, workbook } = await written();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总名单', '汇总统计', '同级分组', '口径说明', '公示名单']);
    const roster = workbook.getWorksheet('汇总名单')!;
    expect(roster.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(roster.autoFilter).toBe(plan.sheets[0]!.autoFilter);
    expect(roster.getColumn(2).width).toBe(24);
    expect(workbook.getWorksheet('同级分组')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('keeps codes and formula-like names as text and money to the fen, by the column styles', async () => {
    const { plan, workbook } = await written();
    const roster = workbook.getWorksheet('汇总名单')!;
    const col = (key: string) => plan.roster.columns.findIndex((column) => column.key === key) + 1;
    expect(roster.getCell(2, col('code')).value).toBe('0371001');
    expect(roster.getCell(2, col('code')).numFmt).toBe('@');
    expect(roster.getCell(4, col('name')).value).toBe('=HYPERLINK("x")');
    expect(roster.getCell(3, col('refund')).value).toBe(45000);
    expect(roster.getCell(3, col('refund')).numFmt).toBe('#,##0.00');
    expect(roster.getCell(2, col('total')).numFmt).toBe('0.00');
    expect(roster.getCell(1, col('refund')).value).toBe('返还金额');
    expect(roster.getCell(1, 1).font?.bold).toBe(true);
  });

  it('prints each sheet on A4 landscape, fitted across, 机构编码 and 机构名称 and the header on every page', async () => {
    const { plan, workbook } = await written();
    const roster = workbook.getWorksheet('汇总名单')!;
    expect(roster.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToHeight: 0 });
    expect(roster.pageSetup.fitToWidth).toBe(plan.sheets[0]!.pageSetup!.fitToWidth);
    expect(roster.pageSetup.printTitlesColumn).toBe('A:B');
    expect(roster.pageSetup.printTitlesRow).toBe('1:1');
    expect(roster.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    for (const sheet of workbook.worksheets) expect(sheet.pageSetup.orientation, sheet.name).toBe('landscape');
    // the key results stand right after the name
    expect(plan.roster.columns.slice(0, 5).map((column) => column.header)).toEqual(['机构编码', '机构名称', '最终得分', '等次', '返还金额']);
  });

  it('writes the two charts of 汇总统计 as native chart parts, over its tables, and no note in their place', async () => {
    const { plan, workbook } = await written();
    const zip = await JSZip.loadAsync(await gridPlansToXlsx(plan.sheets));
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(2);
    const first = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(first).toContain('<c:barDir val="col"/>');
    expect(first).toContain('<a:t>等次分布</a:t>');
    const grade = plan.sheets[1]!.charts![0]!;
    const [top, last] = grade.data.match(/\d+/g)!.map(Number) as [number, number];
    // (the sheet's quotes escaped as every text this program writes into XML is, xmlEncode.ts)
    expect(first).toContain(`<c:f>&apos;汇总统计&apos;!$B$${top + 1}:$B$${last}</c:f>`);
    expect(first).toContain('<c:v>优</c:v>');
    expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>$/);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart2.xml');
    // no cell names a library
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => expect(String(cell.value ?? '')).not.toMatch(/ExcelJS|Office\.js|LibreOffice/)));
  });

  it('writes the summary as formulas with no cached result', async () => {
    const { plan, workbook } = await written();
    const summary = workbook.getWorksheet('汇总统计')!;
    const total = summary.getCell(plan.summary.depositTotal).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUM\('汇总名单'!\$[A-Z]+\$2:\$[A-Z]+\$7\)$/);
    expect(total.result).toBeUndefined();
    const paid = summary.getCell(plan.summary.refundPaid).value as ExcelJS.CellFormulaValue;
    expect(paid.formula).toMatch(/^SUMIFS\('汇总名单'!\$[A-Z]+\$2:\$[A-Z]+\$7,'汇总名单'!\$[A-Z]+\$2:\$[A-Z]+\$7,"已定"\)$/);
    expect(paid.result).toBeUndefined();
  });

  // the .xlsx obeys Excel's limits as the Office.js writer does, and a name beginning with = or @ stays text in
  // the file and in LibreOffice (support.microsoft.com "Excel specifications and limits"; excel.range#values)
  it('writes a 10,000-row roster within Excel’s limits; “=1+1” and “@SUM(1)” stay text, in the file and in LibreOffice', async () => {
    const roster = generatedWeihaiRoster(10_000);
    roster.institutions[0]!.institution.name = '=1+1';
    roster.institutions[1]!.institution.name = '@SUM(1)';
    const plan = planRosterWorkbook(roster, getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'));
    for (const sheet of plan.sheets) expect(planProblems(sheet)).toEqual([]);
    const bytes = await gridPlansToXlsx(plan.sheets);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总名单')!;
    const name = plan.roster.columns.findIndex((column) => column.key === 'name') + 1;
    expect(sheet.getCell(2, name).value).toBe('=1+1');
    expect(sheet.getCell(3, name).value).toBe('@SUM(1)');
    expect(sheet.getCell(2, name).numFmt).toBe('@');
    expect(sheet.rowCount).toBe(10_001);
    for (const ws of workbook.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) => expect(row.height ?? 15).toBeLessThanOrEqual(409));
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width ?? 8.43).toBeLessThanOrEqual(255);
    }

    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed');
    // LibreOffice, recalculating the file: the names are text, not formulas computed to 2 or #NAME?
    const small = weihaiSmallRoster();
    small.institutions[0]!.institution.name = '=1+1';
    small.institutions[1]!.institution.name = '@SUM(1)';
    const smallPlan = planRosterWorkbook(small, getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'));
    const file = join(mkdtempSync(join(tmpdir(), 'mib-grid-')), '名单.xlsx');
    writeFileSync(file, await gridPlansToXlsx(smallPlan.sheets));
    const cell = (await recalculate([file])).get(file)!;
    const letter = String.fromCharCode(64 + name);
    expect(cell(`${letter}2`)).toBe('=1+1');
    expect(cell(`${letter}3`)).toBe('@SUM(1)');
  }, 180_000);
});
