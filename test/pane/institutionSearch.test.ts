import { describe, expect, it } from 'vitest';
import { tabRows } from '../../src/sheet/memory/paste';
import { matchingInstitutions } from '../../src/taskpane/roster/institutionSearch';

const list = [
  { code: 'H0012', name: '威海市立医院' },
  { code: 'H001', name: '文登区人民医院' },
  { code: 'X9', name: '荣成市中医院' },
  { code: 'h00', name: '乳山市人民医院' },
];

describe('matchingInstitutions', () => {
  it('puts an exact code first, then codes that start with it, then codes or names that hold it', () => {
    expect(matchingInstitutions(list, 'H001').shown.map((l) => l.code)).toEqual(['H001', 'H0012']);
    expect(matchingInstitutions(list, 'h00').shown.map((l) => l.index)).toEqual([3, 0, 1]);
    expect(matchingInstitutions(list, '人民').shown.map((l) => l.name)).toEqual(['文登区人民医院', '乳山市人民医院']);
    expect(matchingInstitutions(list, '无此').shown).toEqual([]);
  });

  it('shows at most `limit` and counts the rest', () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({ code: `C${i}`, name: `医院${i}` }));
    const all = matchingInstitutions(many, '');
    expect(all.shown).toHaveLength(50);
    expect(all.more).toBe(1184);
    // C12, C120–C129, C1200–C1233: 45 in all
    const some = matchingInstitutions(many, 'C12', 5);
    expect(some.shown.map((l) => l.code)).toEqual(['C12', 'C120', 'C121', 'C122', 'C123']);
    expect(some.more).toBe(40);
  });
});

describe('tabRows: cells as Excel copies them', () => {
  it('splits rows and tabs, unquotes a cell with a line break or quotes, ignores the trailing line break', () => {
    expect(tabRows('a\tb\r\n"x\ny"\t"say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x\ny', 'say "hi"'],
    ]);
    expect(tabRows('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(tabRows('')).toEqual([]);
  });
});
