// What crosses between the pane and its worker (src/taskpane/work/wire.ts): a scored roster, Decimals
// included, through a real structured clone, comes back equal to the core's, to the last digit.
import { describe, expect, it } from 'vitest';
import { D, getPolicy, getRubric, scoreRoster } from '../../src/core';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { rosterSource } from '../../src/sheet/roster/source';
import { scoreJob } from '../../src/taskpane/roster/scoreJob';
import { fromWire, toWire } from '../../src/taskpane/work/wire';

const TSV = [
  ['机构编码', '机构名称', '公立/民营', '质量保证金', '1.1', '12.1', '27.1', '25.1'],
  ['H001', '威海甲医院', '公立', '100000.37', '0', '2', '5%', '10%'],
  ['H002', '威海乙医院', '民营', '80000', '1', '0', '12%', '18%'],
  ['H003', '威海丙医院', '公立', '120000', '2', '5', '20%', '25%'],
  ['H004', '威海丁医院', '公立', 'abc', '0', '0', '8%', '12%'],
]
  .map((row) => row.join('\t'))
  .join('\r\n');

describe('the worker wire', () => {
  it('refuses nothing structured clone refuses: a Decimal travels as its exact text and comes back a Decimal', () => {
    const value = { a: new D('0.1').plus('0.2'), list: [new D('123456789.123456789012345'), null, 'x'] };
    expect(() => structuredClone(value)).toThrow(); // why the wire is needed
    const back = fromWire<typeof value>(structuredClone(toWire(value)));
    expect(D.isDecimal(back.a)).toBe(true);
    expect(back.a.toString()).toBe('0.3');
    expect((back.list[0] as InstanceType<typeof D>).toFixed(15)).toBe('123456789.123456789012345');
    expect(back.list.slice(1)).toEqual([null, 'x']);
  });

  it('gives back the roster scoreJob scored, equal to scoreRoster’s on the same cells', async () => {
    const book = new MemoryWorkbook();
    book.paste('Sheet1', 'A1', TSV);
    const values = await book.readValues('Sheet1');
    const rubric = getRubric('weihai-2021-hospital-l2');
    const policy = getPolicy('jilin-2025');
    const scored = scoreJob({ sheetName: 'Sheet1', values, rubric, policy, convert: true, intervals: 'equal-width' });
    const back = fromWire<typeof scored>(structuredClone(toWire(scored)));
    const want = scoreRoster(rubric, rosterSource('Sheet1', values).table, policy, { convert: true, peer: { intervals: 'equal-width' } });
    expect(back.result.institutions.map((r) => [r.institution.code, r.total.toString(), r.gradeText, r.refund?.toFixed(2)])).toEqual(
      want.institutions.map((r) => [r.institution.code, r.total.toString(), r.gradeText, r.refund?.toFixed(2)]),
    );
    expect(back.result.summary.depositTotal.toFixed(2)).toBe('300000.37');
    expect(back.result.summary.depositTotal.equals(want.summary.depositTotal)).toBe(true);
    expect(back.sheets.map((s) => s.name)).toEqual(['汇总名单', '汇总统计', '同级分组', '口径说明', '公示名单']);
    expect(back.firstRow).toBe(2);
  });
});
