// The sheet's own formulas, computed by a spreadsheet engine (HyperFormula), give exactly the core's
// numbers: every item's score, raw deductions and over-cap deductions, the total, the grade and the
// refund, for every rubric and policy, on hand-picked and random facts. LibreOffice repeats the check
// on the xlsx template (test/sheet/libreoffice.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getPolicy, getRubric, gradeOf, hasPublicOnlyClauses, type Ownership, policyIds, refundOf, rubricIds, type RawValue } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { factsOf } from '../support/randomFacts';

const DEPOSIT = 100000;

function check(rubricId: string, policyId: string, facts: Record<string, RawValue>, ownership?: Ownership): void {
  const rubric = getRubric(rubricId);
  const policy = getPolicy(policyId);
  const plan = planSheet(rubric, { policyId, deposit: DEPOSIT, inputs: facts, ...(ownership && { ownership }) });
  const cell = computePlan(plan);
  const result = evaluate(rubric, facts, { ...(ownership && { ownership }) });
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

// 机构性质 in the header: public-only clauses (江北 19, 威海 C13.4 / 一级 C6.4) count for 公立 and for a
// blank header, and give nothing under 民营, in the sheet as in the core
describe.each(rubricIds.filter((id) => hasPublicOnlyClauses(getRubric(id))))('%s: 公立 / 民营 / blank in the header', (rubricId) => {
  const rubric = getRubric(rubricId);
  it.each([['public'], ['private'], [undefined]] as const)('ownership %s, random facts', (ownership) => {
    fc.assert(
      fc.property(factsOf(rubric), (facts) => {
        const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
        check(rubricId, 'jilin-2025', defined, ownership);
      }),
      { numRuns: 20 },
    );
  });
  it('the header really changes the total: 民营 keeps the public-only points a 公立 institution loses', () => {
    const id = rubricId === 'cq-jiangbei-2025-hospital' ? '19.1' : rubricId === 'weihai-2021-hospital-l2' ? '14.4' : '7.4';
    const facts = { [id]: id === '19.1' ? 3 : 0.05 };
    const totalOf = (ownership?: Ownership) => computePlan(planSheet(rubric, { inputs: facts, ...(ownership && { ownership }) }))(planSheet(rubric).fields.total) as number;
    expect(totalOf('private') - totalOf('public')).toBe(id === '19.1' ? 3 : 5);
    expect(totalOf(undefined)).toBe(totalOf('public'));
  });
});

describe('named readings reach the sheet’s formulas', () => {
  const jiangbei = getRubric('cq-jiangbei-2025-hospital');
  const item = (result: ReturnType<typeof evaluate>, no: string) => result.items.find((i) => i.id === no)!.score.toNumber();
  const scoreOf = (rubric: typeof jiangbei, facts: Record<string, RawValue>, no: string) => {
    const plan = planSheet(rubric, { inputs: facts });
    return computePlan(plan)(plan.items.find((i) => i.itemNo === no)!.score);
  };
  it('江北 20 at exactly 90%: full points by the 计分方法 (default), 0 by the 指标释义 “是否高于90%”', () => {
    expect(scoreOf(jiangbei, { '20.1': 0.9 }, '20')).toBe(10);
    const byDefinition = { ...jiangbei, boundaryReading: 'definition' as const };
    expect(scoreOf(byDefinition, { '20.1': 0.9 }, '20')).toBe(0);
    expect(scoreOf(byDefinition, { '20.1': 0.9 }, '20')).toBe(item(evaluate(byDefinition, { '20.1': 0.9 }), '20'));
  });
  it('江北 19.2 (no points printed): recorded by default, scored like 19.1 under unpricedClauses = score', () => {
    expect(scoreOf(jiangbei, { '19.2': 3 }, '19')).toBe(10);
    const scored = { ...jiangbei, unpricedClauses: 'score' as const };
    expect(scoreOf(scored, { '19.2': 3 }, '19')).toBe(7);
    expect(scoreOf(scored, { '19.2': 3 }, '19')).toBe(item(evaluate(scored, { '19.2': 3 }), '19'));
  });
});

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
