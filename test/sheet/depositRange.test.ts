// Issue 19: "deposits beyond the exact range … refused, never rounded silently", on the sheet as in the
// core (depositBeyondRange): the refund cell shows why at 10¹³ yuan and more, and below it stays exact to
// the fen, as refundOf computes it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, refundOf } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';

const rubric = getRubric('cq-jiangbei-2025-hospital');
const facts = { '4.2': 0 };

describe('the sheet’s refund and the deposit’s range', () => {
  it('10¹³ yuan or more: the refund cell says the deposit is out of range, and gives no amount', () => {
    for (const deposit of [10000000000000, '10000000000000', 123456789012345680000]) {
      const plan = planSheet(rubric, { policyId: 'jilin-2025', deposit, inputs: facts, complete: true });
      expect(computePlan(plan)(plan.fields.refund!), String(deposit)).toBe('质量保证金须小于10000000000000元（10¹³），无法精确到分');
      expect(() => refundOf(getPolicy('jilin-2025'), 80, String(deposit))).toThrow('质量保证金金额');
    }
  });

  it('just below, 9999999999999.99 yuan, the sheet is exact to the fen as the core is', () => {
    // the README's example: 78 points, 合格 under 吉林, a ratio below 1
    const example = JSON.parse(readFileSync('examples/jiangbei-hospital.json', 'utf8')) as Record<string, unknown>;
    const plan = planSheet(rubric, { policyId: 'jilin-2025', deposit: '9999999999999.99', inputs: example, complete: true });
    const cell = computePlan(plan);
    const score = cell(plan.fields.total) as number;
    const expected = refundOf(getPolicy('jilin-2025'), score, '9999999999999.99').amount;
    expect(cell(plan.fields.refund!)).toBe(expected.toNumber());
    expect(expected.gt(1e12)).toBe(true);
  });
});
