// MIB.COMPOSITE: 吉林 第十一条 — own score × 70% + the subordinates' mean × 30%.
import { describe, expect, it } from 'vitest';
import { compositeOf } from '../../src/functions/composite';
import { FunctionFailure } from '../../src/functions/failure';
import { column, row } from './excelArgs';

function message(outcome: unknown): string {
  expect(outcome).toBeInstanceOf(FunctionFailure);
  return (outcome as FunctionFailure).message;
}

describe('MIB.COMPOSITE', () => {
  it('90 own, subordinates 80 and 70: 90×70% + 75×30% = 85.5', () => {
    expect(compositeOf(90, column(80, 70), null)).toBe(85.5);
    expect(compositeOf(90, row(80, 70), 'jilin-2025')).toBe(85.5);
  });

  it('blank cells in the subordinates range are skipped; numeric text counts', () => {
    expect(
      compositeOf(
        90,
        [
          [80, null],
          ['', '70'],
        ],
        null,
      ),
    ).toBe(85.5);
  });

  it('one subordinate', () => {
    expect(compositeOf(80, [[60]], null)).toBe(74);
  });

  it('no exact-binary surprises: 0.7 × 85 + 0.3 × 95 is 88, not 87.99999999999999', () => {
    expect(compositeOf(85, [[95]], null)).toBe(88);
  });

  it('a text cell among the subordinates names its position', () => {
    expect(message(compositeOf(90, column(80, '缺考', 70), null))).toBe('下属机构得分区域第 2 个单元格（“缺考”）不是有效得分：应为不小于 0 的数');
  });

  it('no subordinate scores at all', () => {
    expect(message(compositeOf(90, [[null]], null))).toContain('至少需要一个下属机构');
  });

  it('a policy without the composite rule', () => {
    expect(message(compositeOf(90, column(80), 'cq-jiangbei-2025'))).toContain('没有下属机构综合得分的规定');
  });

  it('a bad own score', () => {
    expect(message(compositeOf('优', column(80), null))).toBe('本机构得分应为数，收到的是 “优”');
  });
});
