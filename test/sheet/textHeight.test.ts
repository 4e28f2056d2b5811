// The row-height estimate (issue 15: 指标释义, 计分方法 and 填报事项 were cut): CJK text counts a full
// width, other text half; lines from the column's width; height from the font size; rows of merged
// cells together; pages broken between items at a scale that keeps 11 pt text at 8 pt or more.
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { pageStarts, printScale } from '../../src/sheet/pagination';
import { planSheet } from '../../src/sheet/planSheet';
import { DEFAULT_ROW_HEIGHT, fitRowHeights } from '../../src/sheet/rowHeights';
import { charWidth, lineHeight, textHeight, wrappedLines } from '../../src/sheet/textHeight';

describe('textHeight', () => {
  it('counts a CJK character as a full width and any other as half', () => {
    expect(charWidth('医')).toBeCloseTo(2 * charWidth('a'), 0);
    expect(charWidth('，')).toBe(charWidth('医'));
    expect(charWidth('1')).toBe(1);
  });

  it('wraps Chinese at any character: 江北 item 4’s 指标释义 (75 characters) takes 5 lines in a 34-wide column', () => {
    const definition = getRubric('cq-jiangbei-2025-hospital').items.find((i) => i.no === '4')!.definition;
    // 34 characters of column: 33 digits of room, 15 CJK characters to a line; three paragraphs
    const lines = wrappedLines(definition, 34);
    expect(lines).toBeGreaterThanOrEqual(Math.ceil(definition.replace(/\n/g, '').length / 16));
    expect(lines).toBe(definition.split('\n').reduce((sum, p) => sum + Math.ceil(p.length / 15), 0));
  });

  it('wraps other text between words, and a word longer than a line inside it', () => {
    expect(wrappedLines('aaaa bbbb', 5)).toBe(2);
    expect(wrappedLines('cq-jiangbei-2025-hospital', 14)).toBe(2);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('takes the line height from the font size, and grows with the lines', () => {
    expect(lineHeight(11)).toBeGreaterThanOrEqual(16);
    expect(lineHeight(14)).toBeGreaterThan(lineHeight(11));
    expect(textHeight('医'.repeat(60), 20)).toBeGreaterThan(textHeight('医'.repeat(20), 20));
    expect(textHeight('医', 20)).toBeGreaterThanOrEqual(20);
  });
});

describe('fitRowHeights', () => {
  const styles = { wrap: { wrap: true }, plain: {} };
  it('makes a lone cell’s row tall enough, and a merged cell’s rows together, the shortfall on its last row', () => {
    const long = '医'.repeat(100);
    const grid = [[{ value: long, style: 'wrap' }], [{ style: 'wrap' }], [{ value: long, style: 'plain' }]];
    const heights = fitRowHeights(grid, ['A1:A2'], [20], styles, {});
    expect(heights[1]).toBe(DEFAULT_ROW_HEIGHT);
    expect(heights[1]! + heights[2]!).toBeGreaterThanOrEqual(textHeight(long, 20));
    // a cell that does not wrap sets no height
    expect(heights[3]).toBeUndefined();
    // merged across two columns: twice the width, fewer lines
    const across = fitRowHeights([[{ value: long, style: 'wrap' }, null]], ['A1:B1'], [20, 20], styles, {});
    expect(across[1]).toBe(textHeight(long, 40));
  });
});

describe('pagination', () => {
  it('prints 146 characters of columns at 75 % or more on A4 landscape', () => {
    expect(printScale(146, { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6 })).toBeGreaterThanOrEqual(75);
    expect(printScale(20, { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6 })).toBe(100);
  });

  it('starts a page before a block that would not fit, never inside one', () => {
    const margins = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6 };
    const starts = pageStarts(
      [
        [1, 2],
        [3, 5],
        [6, 9],
        [10, 10],
      ],
      () => 100,
      [1],
      100,
      margins,
    );
    // about 500 points a page: rows 1–5, then the title row and 6–9, then 10
    expect(starts).toEqual([6, 10]);
  });

  it('no item of any bundled table is split between pages', () => {
    for (const id of ['cq-jiangbei-2025-hospital', 'weihai-2021-hospital-l1']) {
      const plan = planSheet(getRubric(id));
      for (const start of plan.print.pageBreaks) expect(plan.items.filter((it) => start > it.firstRow && start <= it.lastRow)).toEqual([]);
      expect(plan.print.scale).toBeGreaterThanOrEqual(73);
    }
  });
});
