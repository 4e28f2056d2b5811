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

describe('under 名单规则, the rows held as scored', () => {
  it('a parent is held after its subordinates, from their whole rows: a subordinate held without its blanks leaves the parent as it was', () => {
    const withRules = { ...jilin, rosterRules: [{ rank: 'bottom' as const, count: 1, consequence: '约谈', text: '末位的约谈' }] };
    // S2 leaves 6.1 blank: the parent's composite counts it, so the parent is 暂评
    const [parent, s1, s2] = jiangbeiParentAndSubordinates();
    const table = rosterOf([parent!, ...twelveInstitutions(), s1!, { ...s2!, '6.1': '' }]);
    const whole = scoreRoster(jiangbei, table, withRules);
    const held: number[] = [];
    const slim = scoreRoster(jiangbei, table, withRules, {
      // kept as `mib roster --previous` keeps last year's rows: no blanks, no problems
      onHeld: (row, index) => {
        held.push(index);
        return { ...row, missing: [], invalid: [], problems: [] };
      },
    });
    expect(whole.institutions[0]!.status).toBe('provisional');
    expect([slim.institutions[0]!.total.toNumber(), slim.institutions[0]!.status, slim.institutions[0]!.gradeText]).toEqual([
      whole.institutions[0]!.total.toNumber(),
      whole.institutions[0]!.status,
      whole.institutions[0]!.gradeText,
    ]);
    // the parent (row 0) once both subordinates (13 and 14) are done
    expect(held.indexOf(0)).toBeGreaterThan(held.indexOf(13));
    expect(held).toHaveLength(15);
  });
});

describe('what an institution keeps of its facts', () => {
  it('keeps none once its row is scored, from a whole table as from rows read one at a time (the peers read their measures before)', () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    const table = rosterOf(
      ['0.05', '0.10', '0.30'].map((growth, i) => ({ 机构编码: `W${i}`, 机构名称: `医院${i}`, '1.1': 1, '6.1': 2, '27.1': growth })),
    );
    const rows: RosterRows = { header: table.header, cellName: table.cellName, count: table.rows.length, row: (i) => table.rows[i]! };
    for (const roster of [table, rows]) {
      const result = scoreRoster(weihai, roster);
      // 27.1's three intervals of equal width over the three growth rates, 0.05 to 0.30
      expect(result.institutions.map((row) => row.peer.find((p) => p.inputId === '27.1')?.value)).toEqual([1, 1, 3]);
      for (const row of result.institutions) expect(row.institution.facts).toEqual({});
    }
  });
});
