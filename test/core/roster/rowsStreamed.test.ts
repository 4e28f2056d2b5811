// A roster read a row at a time (RosterRows, as `mib roster` reads a large file) scores as the whole table
// does, and `onScored` takes the rows in the roster's order, a parent under 第十一条 after its subordinates
// even when it is listed above them.
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, type RosterRowResult, type RosterRows, rosterJson, scoreRoster } from '../../../src/core';
import { jiangbeiParentAndSubordinates, twelveInstitutions } from '../../support/jiangbeiRows';
import { rosterOf } from './rosterTable';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const jilin = getPolicy('jilin-2025');

describe('scoreRoster over rows read one at a time', () => {
  // the parent first, its two subordinates at the end, twelve institutions between
  const [parent, s1, s2] = jiangbeiParentAndSubordinates();
  const table = rosterOf([parent!, ...twelveInstitutions(), s1!, s2!]);
  const asked: number[] = [];
  const rows: RosterRows = {
    header: table.header,
    cellName: table.cellName,
    source: table.source!,
    count: table.rows.length,
    row: (i) => {
      asked.push(i);
      return table.rows[i]!;
    },
  };

  it('gives the result the whole table gives, each row read twice (institutions and peers, then the score)', () => {
    const whole = scoreRoster(jiangbei, table, jilin);
    const streamed = scoreRoster(jiangbei, rows, jilin);
    expect(rosterJson(streamed)).toEqual(rosterJson(whole));
    expect(whole.institutions[0]!.total.toNumber()).toBe(87.2);
    expect(asked).toHaveLength(2 * table.rows.length);
  });

  it('hands the rows on in order, the parent once its subordinates are scored; what onScored returns is kept', () => {
    const order: number[] = [];
    const result = scoreRoster(jiangbei, rows, jilin, {
      onScored: (row: RosterRowResult, index) => {
        order.push(index);
        // the parent's composite is made before it is handed on: 92 × 70% + mean(77, 75) × 30%
        if (index === 0) expect(row.total.toNumber()).toBe(87.2);
        return { ...row, items: [] };
      },
    });
    expect(order).toEqual(table.rows.map((_, i) => i));
    expect(result.institutions.every((row) => row.items.length === 0)).toBe(true);
    expect(result.institutions[0]!.grade).toBe('良');
  });
});
