import { describe, expect, it } from 'vitest';
import { excelWouldConvert } from '../../src/excel/cells';
import { typedFormula } from '../../src/sheet/memory/formulaText';
import { columnWidthPoints } from '../../src/excel/layout';
import { planAddress, reference } from '../../src/excel/names';
import { cellAddress, columnLetters, parseCell, parseRange, splitReference } from '../../src/sheet/memory/a1';
import { freeSheetName } from '../../src/sheet/sheetName';

describe('A1 addresses', () => {
  it('converts columns and cells both ways', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(parseCell('$AB$12')).toEqual({ row: 11, col: 27 });
    expect(cellAddress(11, 27)).toBe('AB12');
    expect(parseRange('C9:A5')).toEqual({ top: 4, left: 0, bottom: 8, right: 2 });
  });

  it('splits sheet references, quoted or not', () => {
    expect(splitReference("='考核 表''s'!$B$2")).toEqual({ sheet: "考核 表's", address: 'B2' });
    expect(splitReference('Sheet1!A1:B2')).toEqual({ sheet: 'Sheet1', address: 'A1:B2' });
    expect(reference("='a,b'!$E$5,'a,b'!$E$9:$E$12")).toEqual({ sheet: 'a,b', address: 'E5,E9:E12' });
    expect(planAddress('$e$5, E9:E12')).toBe('E5,E9:E12');
  });
});

describe('sheet names', () => {
  it('numbers a taken name, case-insensitively, within 31 characters', () => {
    expect(freeSheetName('考核', [])).toBe('考核');
    expect(freeSheetName('考核', ['考核', '考核 (2)'])).toBe('考核 (3)');
    expect(freeSheetName('Sheet', ['SHEET'])).toBe('Sheet (2)');
    const long = 'x'.repeat(40);
    expect(freeSheetName(long, [])).toHaveLength(31);
    expect(freeSheetName(long, ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
    expect(freeSheetName('a/b:c', [])).toBe('a_b_c');
  });
});

describe('cell contents for Office.js', () => {
  it('drops file-format prefixes outside string literals', () => {
    expect(typedFormula('=_xlfn.IFS(A1>0,"_xlfn.x",TRUE,0)')).toBe('=IFS(A1>0,"_xlfn.x",TRUE,0)');
    expect(typedFormula('SUM(A1:A3)')).toBe('=SUM(A1:A3)');
  });

  it('marks as text the strings Excel would convert when typed', () => {
    for (const text of ['=abc', '+1', '-', '@x', '1', '1.1', '45%', '3-5', '2025/1/2', '1月2日', '12:30', 'TRUE', '#N/A', '(1)']) {
      expect(excelWouldConvert(text), text).toBe(true);
    }
    for (const text of ['', '考核指标', '发现一次扣1分', 'B1', '是', '第1项']) {
      expect(excelWouldConvert(text), text).toBe(false);
    }
  });

  it('converts column widths from characters to points', () => {
    expect(columnWidthPoints(10)).toBe(56.25);
  });
});
