// Row heights never over Excel's 409 points ("Row height: 409 points", support.microsoft.com/office/
// excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3): a merged text's need spread over its rows.
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { MAX_ROW_HEIGHT } from '../../src/sheet/excelLimits';
import { printScale } from '../../src/sheet/pagination';
import { planSheet } from '../../src/sheet/planSheet';
import { DEFAULT_ROW_HEIGHT, fitRowHeights } from '../../src/sheet/rowHeights';
import { textHeight } from '../../src/sheet/textHeight';

const styles = { body: { wrap: true } };

describe('fitRowHeights within 409 points', () => {
  it('spreads a merged text needing more than 409 points over its rows, from the last up', () => {
    const text = '说明'.repeat(250);
    const need = textHeight(text, 10);
    expect(need).toBeGreaterThan(2 * MAX_ROW_HEIGHT);
    const heights = fitRowHeights([[{ value: text, style: 'body' }], [], [], [], [], [], [], []], ['A1:A8'], [10], styles, {});
    const rows = Array.from({ length: 8 }, (_, r) => heights[r + 1]!);
    expect(Math.max(...rows)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(rows.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(need);
    expect(rows[7]).toBe(MAX_ROW_HEIGHT);
    expect(rows[0]).toBe(DEFAULT_ROW_HEIGHT);
  });

  it('cuts a single row at 409 points', () => {
    const heights = fitRowHeights([[{ value: '说明'.repeat(3_000), style: 'body' }]], [], [10], styles, {});
    expect(heights[1]).toBe(MAX_ROW_HEIGHT);
  });

  it('the 威海 二级 plan has no row over 409 points (row 60 needed 436)', () => {
    const plan = planSheet(getRubric('weihai-2021-hospital-l2'), { policyId: 'jilin-2025', convert: true });
    expect(Math.max(...Object.values(plan.rowHeights))).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(plan.rowHeights[60]).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });
});

// learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions#excel-excel-pagelayoutzoomoptions-scale-member: 10–400
describe('printScale within Excel’s 10–400', () => {
  const margins = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 };
  it('never under 10 however wide the columns, never over 100', () => {
    expect(printScale(100_000, margins)).toBe(10);
    expect(printScale(1, margins)).toBe(100);
    expect(printScale(0, margins)).toBe(100);
  });
});
