// The sheet's own formulas, computed by a spreadsheet engine (HyperFormula), give exactly the core's
// numbers: every item's score, raw deductions and over-cap deductions, the total, the grade and the
// refund, for every rubric and policy, on hand-picked and random facts. LibreOffice repeats the check
// on the xlsx template (test/sheet/libreoffice.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getPolicy, getRubric, gradeOf, policyIds, refundOf, rubricIds, type RawValue } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { factsOf } from '../support/randomFacts';

const DEPOSIT = 100000;

function check(rubricId: string, policyId: string, facts: Record<string, RawValue>): void {
  const rubric = getRubric(rubricId);
  const policy = getPolicy(policyId);
  const plan = planSheet(rubric, { policyId, deposit: DEPOSIT, inputs: facts });
  const cell = computePlan(plan);
  const result = evaluate(rubric, facts);
  const where = (what: string, address: string) => `${rubricId}/${policyId} ${what} ${address} ${JSON.stringify(facts)}`;
  for (const [k, item] of result.items.entries()) {
    const cells = plan.items[k]!;
    expect(cells.itemNo).toBe(item.id);
    expect(cell(cells.score), where(`item ${item.id} score`, cells.score)).toBeCloseTo(item.score.toNumber(), 9);
    expect(cell(cells.deducted), where(`item ${item.id} deducted`, cells.deducted)).toBeCloseTo(item.deducted.toNumber(), 9);
    expect(cell(cells.overCap), where(`item ${item.id} overCap`, cells.overCap)).toBeCloseTo(item.overCap.toNumber(), 9);
    if (cells.veto) expect(cell(cells.veto)).toBe(item.veto ? '否决' : '');
  }
  expect(cell(plan.fields.vetoCount)).toBe(result.vetoItems.length);
  expect(cell(plan.fields.total), where('total', plan.fields.total)).toBeCloseTo(result.total.toNumber(), 9);
  const grade = gradeOf(policy, result.total, { veto: result.veto });
  expect(cell(plan.fields.grade!), where('grade', plan.fields.grade!)).toBe(grade.label);
  if (policy.refund) {
    const refund = refundOf(policy, result.total, DEPOSIT, { veto: result.veto });
    expect(cell(plan.fields.refund!), where('refund', plan.fields.refund!)).toBe(refund.amount.toNumber());
  }
}

describe.each(rubricIds)('%s: the sheet computes what the core computes', (rubricId) => {
  const rubric = getRubric(rubricId);
  it.each(policyIds)('no facts at all, policy %s', (policyId) => check(rubricId, policyId, {}));
  it.each(policyIds)('random facts, policy %s', (policyId) => {
    fc.assert(
      fc.property(factsOf(rubric), (facts) => {
        const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
        check(rubricId, policyId, defined);
      }),
      { numRuns: 25 },
    );
  });
});

// issue 12 point 8: the 超出分值的扣分 column holds only deductions beyond the item's points
describe('超出分值的扣分 is the item’s over-cap only, as the core’s', () => {
  const cases: [string, string, Record<string, RawValue>, number][] = [
    // 威海 A1: 25.1 14% above takes 7, 最多扣5分 → the clause cap keeps 2 back; the item (10) is not over
    ['weihai-2021-hospital-l2', '25', { '25.1': 0.14, '25.2': 0 }, 0],
    // 江北 7: 不得分 plus 2 findings → 0 by the text, not over cap
    ['cq-jiangbei-2025-hospital', '7', { '7.1': '是', '7.2': 2 }, 0],
    // 江北 9: both rows 不得分
    ['cq-jiangbei-2025-hospital', '9', { '9.1': '是', '9.2': '是' }, 0],
    // 江北 7: 6 findings alone exceed the 4 points by 2
    ['cq-jiangbei-2025-hospital', '7', { '7.1': '是', '7.2': 6 }, 2],
    // 江北 4 (5 points), 7 findings: a true over-cap
    ['cq-jiangbei-2025-hospital', '4', { '4.2': 7 }, 2],
  ];
  it.each(cases)('%s item %s %j: %d', (rubricId, itemNo, facts, expected) => {
    const plan = planSheet(getRubric(rubricId), { inputs: facts });
    const cells = plan.items.find((i) => i.itemNo === itemNo)!;
    const item = evaluate(getRubric(rubricId), facts).items.find((i) => i.id === itemNo)!;
    expect(item.overCap.toNumber()).toBe(expected);
    expect(computePlan(plan)(cells.overCap)).toBeCloseTo(expected, 9);
  });
  it('a capped clause cell is highlighted past its own cap, apart from the item’s over-cap', () => {
    const plan = planSheet(getRubric('weihai-2021-hospital-l2'));
    const a1 = plan.items.find((i) => i.itemNo === '25')!;
    const clauseCaps = plan.conditionalFormats.filter((f) => f.meaning === 'clauseCap');
    expect(clauseCaps.filter((f) => a1.clauses.includes(f.range)).map((f) => f.formula)).toEqual(a1.clauses.map((c) => `=N(${c})>5`));
  });
});
