import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chartNote, writeRosterWorkbook } from '../../src/cli/gridXlsx';
import { getPolicy, getRubric } from '../../src/core/registry';
import { planRosterWorkbook } from '../../src/sheet/roster';
import { weihaiSmallRoster } from '../support/rosterResults';

async function written() {
  const plan = planRosterWorkbook(weihaiSmallRoster(), getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await writeRosterWorkbook(plan.sheets)) as unknown as ArrayBuffer);
  return { plan, workbook };
}

describe('writeRosterWorkbook: the roster workbook as one .xlsx (ExcelJS, streamed)', () => {
  it('writes the four sheets with frozen headers, filter buttons and widths', async () => {
    const { plan, workbook } = await written();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总名单', '汇总统计', '同级分组', '口径说明']);
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
    expect(roster.getCell(3, col('refund')).numFmt).toBe('0.00');
    expect(roster.getCell(1, col('refund')).value).toBe('返还金额');
    expect(roster.getCell(1, 1).font?.bold).toBe(true);
  });

  it('writes the summary as formulas with no cached result, and a note where each chart would stand', async () => {
    const { plan, workbook } = await written();
    const summary = workbook.getWorksheet('汇总统计')!;
    const paid = summary.getCell(plan.summary.refundPaid).value as ExcelJS.CellFormulaValue;
    expect(paid.formula).toMatch(/^SUM\('汇总名单'!\$[A-Z]+\$2:\$[A-Z]+\$7\)$/);
    expect(paid.result).toBeUndefined();
    for (const chart of plan.sheets[1]!.charts!) expect(summary.getCell(chart.from).value).toBe(chartNote(chart.title));
  });
});
