import { describe, expect, it } from 'vitest';
import { getRubric, scoreRoster } from '../../../src/core';
import { linkFormula, linkTarget } from '../../../src/sheet/roster/link';
import { rosterSource } from '../../../src/sheet/roster/source';

describe('rosterSource: the roster as the clerk keeps it on a sheet', () => {
  it('takes the used range’s first row as the header and names each data cell by its sheet address', () => {
    const source = rosterSource('名单', {
      origin: 'B3',
      values: [
        ['机构编码', '机构名称', ' A3.1 '],
        ['H001', '甲医院', 0.12],
        [null, '', null], // a blank row between institutions is skipped
        ['H002', '乙医院', null],
      ],
    });
    expect(source.table.header).toEqual(['机构编码', '机构名称', 'A3.1']);
    expect(source.table.rows).toEqual([
      ['H001', '甲医院', 0.12],
      ['H002', '乙医院', null],
    ]);
    expect(source.table.source).toBe('名单');
    // the second institution sits on sheet row 6 (header on 3, blank row 5), its code in column B
    expect(source.table.cellName(1, 0)).toBe('B6');
    expect(source.addressOf(0, 2)).toBe('D4');
    expect(source.headerAddress(2)).toBe('D3');
    expect(source.nextRow).toBe(7);
  });

  it('a title row above the header: scoreRoster, as the pane’s 计算 runs it, names the header’s row first', () => {
    const source = rosterSource('名单', {
      origin: 'A1',
      values: [
        ['2025年度定点医疗机构考核名单', null, null],
        ['机构编码', '机构名称', '6.1'],
        ['JB1', '甲药店', 1],
      ],
    });
    const result = scoreRoster(getRubric('cq-jiangbei-2025-hospital'), source.table);
    expect(result.institutions).toEqual([]);
    expect(result.problems.map((p) => p.message).slice(0, 2)).toEqual([
      '表头不在第一行：A2 所在的一行有 机构编码、机构名称，像是表头；请删去它上面的标题行，使表头成为第一行',
      '名册表头缺少“机构编码”列：第一行须有 机构编码、机构名称',
    ]);
  });

  it('an empty sheet is an empty table (scoreRoster then says so)', () => {
    const source = rosterSource('Sheet1', null);
    expect(source.table.header).toEqual([]);
    expect(source.table.rows).toEqual([]);
    expect(source.nextRow).toBe(2);
  });
});

describe('the link formula 展开 writes', () => {
  it('shows the roster cell, blank while it is blank (a bare reference would show 0)', () => {
    expect(linkFormula('名单', 'F7')).toBe(`=IF(ISBLANK('名单'!$F$7),"",'名单'!$F$7)`);
    expect(linkFormula("O'Brien", 'a1')).toBe(`=IF(ISBLANK('O''Brien'!$A$1),"",'O''Brien'!$A$1)`);
  });

  it('is recognised, and nothing else is', () => {
    expect(linkTarget(linkFormula("O'Brien 名单", 'AB12'))).toEqual({ sheetName: "O'Brien 名单", address: 'AB12' });
    expect(linkTarget('=名单!F7')).toBeUndefined();
    expect(linkTarget(`=IF(ISBLANK('名单'!$F$7),"",'名单'!$F$8)`)).toBeUndefined();
    expect(linkTarget(`=IF(ISBLANK('名单'!$F$7),"",'其他'!$F$7)`)).toBeUndefined();
    expect(linkTarget('=SUM(A1:A3)')).toBeUndefined();
  });
});
