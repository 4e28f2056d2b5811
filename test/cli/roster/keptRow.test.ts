// What `mib roster` keeps of a scored row for 汇总名单 (keptRow): the items as the core shares them (one reading
// for each item and exact score), and one reading for each long score (more than 14 digits: a converted or
// proportional score the core cannot tell apart by its double) as the sheet shows it, so 100,000 rows do not
// keep one each.
import { describe, expect, it } from 'vitest';
import { getRubric, scoreRoster } from '../../../src/core';
import { D } from '../../../src/core/numbers/decimal';
import type { RosterItemScore, RosterRowResult } from '../../../src/core/roster/types';
import { keptRow, LongScores } from '../../../src/cli/roster/keptRow';
import { rosterOf } from '../../core/roster/rosterTable';

const [row] = scoreRoster(getRubric('cq-jiangbei-2025-hospital'), rosterOf([{ 机构编码: 'A', 机构名称: '甲', '4.2': 1 }])).institutions;
const item = (score: string, overCap = '0'): RosterItemScore => Object.freeze({ id: '4', score: new D(score), overCap: new D(overCap) });
const withItem = (scored: RosterItemScore): RosterRowResult => ({ ...row!, items: [scored] });

describe('keptRow: the item readings 汇总名单 keeps', () => {
  const third = '1.666666666666666666666666666666666666667';

  it('two rows with the same long score keep one reading; a different one its own', () => {
    const long = new LongScores();
    const first = keptRow(withItem(item(third)), true, long).items[0];
    const again = keptRow(withItem(item(third)), true, long).items[0];
    const other = keptRow(withItem(item('1.333333333333333333333333333333333333333')), true, long).items[0];
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(other!.score.toString()).toBe('1.333333333333333333333333333333333333333');
  });

  it("a short score and a score beyond the item's points are kept as the core gave them", () => {
    const long = new LongScores();
    const short = item('2.5');
    const beyond = item(third, '2');
    expect(keptRow(withItem(short), true, long).items[0]).toBe(short);
    expect(keptRow(withItem(beyond), true, long).items[0]).toBe(beyond);
    expect(keptRow(withItem(item(third, '2')), true, long).items[0]).not.toBe(beyond);
  });

  it('without the sheet, only the items scored beyond their points are kept', () => {
    expect(keptRow(withItem(item('2.5')), false, new LongScores()).items).toEqual([]);
  });
});
