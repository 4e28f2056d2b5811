// Issue 19, 自评差异: a 795-point self-score is met with the table's own total on its own scale (复核), and
// the roster shows that total (tableTotal) beside the converted or composite final score.
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, rosterJson, scoreRoster } from '../../../src/core';
import { compositeMoneyRows } from '../../support/jiangbeiRows';
import { weihaiSelfScored } from '../../support/rosterFiles';
import { rosterOf } from './rosterTable';

const jilin = getPolicy('jilin-2025');

describe('the self-score on the table’s own scale', () => {
  const weihai = scoreRoster(getRubric('weihai-2021-hospital-l2'), rosterOf(weihaiSelfScored()), jilin, { convert: true });

  it('700 against 694.95 of 795 is 5.05, and the row keeps 694.95 beside the converted 87.415…', () => {
    const row = weihai.institutions[0]!;
    expect(row.total.toFixed(3)).toBe('87.415');
    expect(row.tableTotal!.toString()).toBe('694.95');
    expect(row.selfDifference!.toString()).toBe('5.05');
    // what the difference is of, on one scale: self-score − table total
    expect(row.institution.selfScore!.minus(row.tableTotal!).eq(row.selfDifference!)).toBe(true);
    expect(weihai.institutions[1]!.tableTotal!.toString()).toBe('668');
    expect(weihai.institutions[1]!.selfDifference!.toString()).toBe('2');
  });

  it('--json gives selfScore and tableTotal beside total (fields added, none renamed)', () => {
    const json = rosterJson(weihai).institutions[0]!;
    expect(json).toMatchObject({ code: 'W1', selfScore: 700, tableTotal: 694.95, selfDifference: 5.05 });
    expect(json.total).toBeCloseTo(87.41509434, 8);
  });

  it('a composite parent keeps its table total too; a roster graded on the table’s own total has none to add', () => {
    const composite = scoreRoster(getRubric('cq-jiangbei-2025-hospital'), rosterOf(compositeMoneyRows()), jilin, { complete: true });
    const parent = composite.institutions[0]!;
    expect([parent.total.toString(), parent.ownTotal!.toString(), parent.tableTotal!.toString()]).toEqual(['87.5', '92', '92']);
    expect(composite.institutions.slice(1).map((r) => r.tableTotal)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
