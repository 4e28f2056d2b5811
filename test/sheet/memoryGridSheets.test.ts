import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planRosterWorkbook } from '../../src/sheet/roster';
import { weihaiSmallRoster } from '../support/rosterResults';

describe('the in-memory workbook takes grid plans (the roster workbook)', () => {
  it('holds the header, the body values and the summary formulas, following a renamed roster sheet', async () => {
    const { sheets, summary } = planRosterWorkbook(weihaiSmallRoster(), getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'));
    const workbook = new MemoryWorkbook(['汇总名单']);
    const names = await workbook.createGridSheets(sheets);
    expect(names).toEqual(['汇总名单 (2)', '汇总统计', '同级分组', '口径说明', '公示名单']);
    expect(workbook.cell('汇总名单 (2)', 'A1').value).toBe('机构编码');
    expect(workbook.cell('汇总名单 (2)', 'A2').value).toBe('0371001');
    expect(workbook.cell('汇总名单 (2)', 'B4').value).toBe('=HYPERLINK("x")');
    expect(workbook.cell('汇总名单 (2)', 'B4').formula).toBeUndefined();
    expect(workbook.cell('汇总统计', summary.depositTotal).formula).toMatch(/^=SUM\('汇总名单 \(2\)'!\$[A-Z]+\$2:\$[A-Z]+\$7\)$/);
    expect(workbook.cell('汇总统计', summary.refundPaid).formula).toMatch(
      /^=SUMIFS\('汇总名单 \(2\)'!\$[A-Z]+\$2:\$[A-Z]+\$7,'汇总名单 \(2\)'!\$[A-Z]+\$2:\$[A-Z]+\$7,"已定"\)$/,
    );
    // they are not assessment sheets
    expect(await workbook.listAssessmentSheets()).toEqual([]);
  });
});
