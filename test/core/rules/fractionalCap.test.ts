// Keep what works (issue 13, point 3): fractional per-case deductions with per-line caps, "0.1 point a
// person, at most 1" (a local table's "每人扣0.1分，最多扣1分"): 7 people deduct 0.7, 12 deduct 1, exactly,
// in the core and on the sheet (HyperFormula), with no binary noise (0.1 × 7 is 0.7000000000000001 in doubles).
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core';
import { planSheet } from '../../../src/sheet/planSheet';
import { computePlan } from '../../support/hyperformula';
import { rubricOf, run } from './helpers';

const perPerson = rubricOf(
  [
    {
      kind: 'perOccurrence',
      effect: 'deduct',
      points: 0.1,
      cap: 1,
      text: '每发现1人次扣0.1分，最多扣1分。',
      input: { id: '1.1', type: 'count', label: '人次' },
    },
  ],
  5,
);

describe('perOccurrence 0.1 a person, at most 1', () => {
  it.each([
    [7, 0.7, 4.3],
    [12, 1, 4],
    [10, 1, 4],
    [3, 0.3, 4.7],
  ])('%i people: the clause deducts %d, the item scores %d', (people, deducted, score) => {
    const { item } = run(perPerson, { '1.1': people });
    // exact decimals: 5 − 0.7 is 4.3, not 4.299999999999999
    expect(item.score.toString()).toBe(String(score));
    expect(new D(5).minus(item.score).toString()).toBe(String(deducted));
    const plan = planSheet(perPerson, { inputs: { '1.1': people } });
    const cell = computePlan(plan);
    expect(cell(plan.items[0]!.score)).toBe(score);
    expect(cell(plan.fields.total)).toBe(score);
  });

  it('the trace says what the cap kept back', () => {
    expect(run(perPerson, { '1.1': 12 }).item.trace[0]).toBe('1.1 人次：12 → 12次 × 0.1分 = 扣1.2分（本条最多扣1分，0.2分不计）');
  });
});
