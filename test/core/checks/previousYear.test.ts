// mib check on a clause that compares with last year (`previousYear`, 威海 A6 30.2 "比上年同期下降≥2%的，得10分"):
// the bundled tables declare it and pass; a measure that is not in the table, the clause's own fact, or
// not a number is refused, naming the field.
import { describe, expect, it } from 'vitest';
import { checkFile, getRubric, yearComparisons } from '../../../src/core';

const weihai = () => JSON.parse(JSON.stringify(getRubric('weihai-2021-hospital-l2'))) as Record<string, any>;
const a6 = (t: Record<string, any>) => t.items.find((item: { code?: string }) => item.code === 'A6').rules[0].methods[1];
const at = 'items.29.rules.0.methods.1.previousYear.measure';

describe('previousYear declarations', () => {
  it('威海 A6 method 2 (二级 30.2, 一级 29.2) compares 检查、化验费用占比 with last year, as a difference', () => {
    expect(yearComparisons(getRubric('weihai-2021-hospital-l2'))).toEqual([{ id: '30.2', itemNo: '30', measure: '30.1', change: 'difference' }]);
    expect(yearComparisons(getRubric('weihai-2021-hospital-l1'))).toEqual([{ id: '29.2', itemNo: '29', measure: '29.1', change: 'difference' }]);
    expect(checkFile({ ...weihai(), id: 'w-copy' }).errors).toEqual([]);
  });

  it('accepts the measure by its code form (A6.1)', () => {
    const table = weihai();
    a6(table).previousYear.measure = 'A6.1';
    expect(checkFile({ ...table, id: 'w-copy' }).errors).toEqual([]);
  });

  it('refuses a measure not in the table, the clause’s own fact, or a yes/no fact', () => {
    const fieldsOf = (measure: string) => {
      const table = weihai();
      a6(table).previousYear.measure = measure;
      return checkFile({ ...table, id: 'w-copy' }).errors.map((e) => [e.field, e.message]);
    };
    expect(fieldsOf('99.1')).toEqual([[at, expect.stringContaining('输入编号 99.1 不在本表中')]]);
    expect(fieldsOf('30.2')).toEqual([[at, expect.stringContaining('30.2 是本条自己的事实')]]);
    expect(fieldsOf('3.1')).toEqual([[at, expect.stringContaining('不是数值')]]);
  });

  it('refuses a change kind it does not know', () => {
    const table = weihai();
    a6(table).previousYear.change = 'ratio';
    expect(checkFile({ ...table, id: 'w-copy' }).errors.map((e) => e.field)).toEqual(['items.29.rules.0.methods.1']);
  });
});
