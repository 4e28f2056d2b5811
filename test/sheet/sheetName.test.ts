// Any institution name or code gives a valid sheet name (Excel's rule: no : \ / ? * [ ], no ' at either
// end, at most 31 characters, not blank, not "History", unique ignoring case); the year survives a long name.
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { freeSheetName, validSheetName } from '../../src/sheet/sheetName';
import { parseCell } from '../../src/sheet/memory/a1';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';

const isValid = (name: string) =>
  name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history';

const awkward = [
  '某医院/分院',
  '某医院\\分院:门诊?*[一]',
  "'引号医院'",
  `重庆市江北区${'某'.repeat(32)}医院`, // 40 characters
  '   ',
  '////',
  'History',
  `${'某'.repeat(29)}'x`,
  `${'😀'.repeat(20)}`,
];

describe('validSheetName', () => {
  it.each(awkward)('%j gives a valid name', (wanted) => {
    expect(isValid(validSheetName(wanted))).toBe(true);
    expect(isValid(validSheetName(wanted, '-2025'))).toBe(true);
  });

  it('replaces forbidden characters, keeps the year, cuts before it', () => {
    expect(validSheetName('某医院/分院', '-2025')).toBe('某医院_分院-2025');
    const long = `重庆市江北区${'某'.repeat(32)}医院`;
    expect(long).toHaveLength(40);
    expect(validSheetName(long, '-2025')).toBe(`${long.slice(0, 26)}-2025`);
    expect(validSheetName("'引号医院'")).toBe('引号医院');
    expect(validSheetName('   ')).toBe('MIB');
    expect(validSheetName('history')).toBe('history_');
  });

  it('never splits a character in two when cutting', () => {
    const name = validSheetName('😀'.repeat(20));
    expect(name).toBe('😀'.repeat(15)); // 30 UTF-16 units: a 16th would make 32
    expect(/[\uD800-\uDBFF]$/.test(name)).toBe(false); // no lone high surrogate at the end
  });

  it('a cut that leaves an apostrophe at the end drops it', () => {
    expect(validSheetName(`${'某'.repeat(30)}'x`)).toBe('某'.repeat(30));
  });
});

describe('freeSheetName', () => {
  it('a taken long name is numbered within 31 characters and stays valid', () => {
    const first = freeSheetName('某医院/分院', []);
    expect(first).toBe('某医院_分院');
    expect(freeSheetName('某医院/分院', [first])).toBe('某医院_分院 (2)');
    const long = `${'医'.repeat(29)}'x`;
    const second = freeSheetName(long, [freeSheetName(long, [])]);
    expect(isValid(second)).toBe(true);
    expect(second.endsWith(' (2)')).toBe(true);
  });
});

describe("planSheet's sheet name", () => {
  const rubric = getRubric('cq-jiangbei-2025-hospital');

  it('is valid for any institution name or code, and the header keeps the name in full', () => {
    for (const wanted of awkward) {
      const byName = planSheet(rubric, { institutionName: wanted });
      expect(isValid(byName.name), byName.name).toBe(true);
      const byCode = planSheet(rubric, { institutionCode: wanted });
      expect(isValid(byCode.name), byCode.name).toBe(true);
      expect(isValid(planSheet(rubric, { sheetName: wanted }).name)).toBe(true);
    }
    const plan = planSheet(rubric, { institutionName: '某医院/分院' });
    expect(plan.name).toBe('某医院_分院-2025');
    const { row, col } = parseCell(plan.fields.institutionName);
    const cell = plan.grid[row]![col];
    expect(cell && 'value' in cell && cell.value).toBe('某医院/分院');
  });

  it('the in-memory workbook (the pane) writes two long-named sheets under distinct valid names', async () => {
    const book = new MemoryWorkbook();
    const long = `重庆市江北区${'某'.repeat(32)}医院`;
    const first = await book.createSheet(planSheet(rubric, { institutionName: long }));
    const second = await book.createSheet(planSheet(rubric, { institutionName: long }));
    expect(first).not.toBe(second);
    for (const name of [first, second]) expect(isValid(name), name).toBe(true);
  });
});
