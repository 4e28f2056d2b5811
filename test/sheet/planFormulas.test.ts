// The sheet's own formulas, computed by a spreadsheet engine (HyperFormula), give exactly the core's
// numbers: every item's score, raw deductions and over-cap deductions, the total, the grade and the
// refund, for every rubric and policy, on hand-picked and random facts. LibreOffice repeats the check
// on the xlsx template (test/sheet/libreoffice.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, evaluate, getPolicy, getRubric, policyIds, rubricIds, type RawValue } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { factsOf } from '../support/randomFacts';

const DEPOSIT = 100000;

function check(rubricId: string, policyId: string, facts: Record<string, RawValue>, complete = false): void {
  const rubric = getRubric(rubricId);
  const policy = getPolicy(policyId);
  // 威海's 795 / 715 points are graded by the 百分制 policies only after 折算 (convert)
  const plan = planSheet(rubric, { policyId, deposit: DEPOSIT, inputs: facts, convert: true, complete });
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
  expect(cell(plan.fields.invalidCount)).toBe(result.invalid.length);
  expect(cell(plan.fields.missingCount), where('missing', plan.fields.missingCount)).toBe(result.missing.length);
  const assessed = assess(rubric, result, policy, { convert: true, complete, deposit: DEPOSIT });
  if (assessed.conversion) expect(cell(plan.fields.policyScore!), where('converted', plan.fields.policyScore!)).toBeCloseTo(assessed.score.toNumber(), 9);
  else expect(plan.fields.policyScore).toBeUndefined();
  expect(cell(plan.fields.grade!), where('grade', plan.fields.grade!)).toBe(assessed.gradeText);
  if (policy.refund) expect(cell(plan.fields.refund!), where('refund', plan.fields.refund!)).toBe(assessed.refund?.amount.toNumber() ?? assessed.gradeText);
}

describe.each(rubricIds)('%s: the sheet computes what the core computes', (rubricId) => {
  const rubric = getRubric(rubricId);
  it.each(policyIds)('no facts at all, policy %s', (policyId) => check(rubricId, policyId, {}));
  it.each(policyIds)('random facts, policy %s', (policyId) => {
    fc.assert(
      fc.property(factsOf(rubric), (facts) => {
        const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
        check(rubricId, policyId, defined, Object.keys(defined).length % 2 === 0);
      }),
      { numRuns: 25 },
    );
  });
});

describe('grade status on the sheet (暂评 / 暂不评定) and 折算', () => {
  const jiangbei = getRubric('cq-jiangbei-2025-hospital');

  it('a blank 江北 sheet is graded provisionally with the count of blanks; 填报完成 makes it final', () => {
    const blank = computePlan(planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT }));
    const plan = planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT });
    expect(blank(plan.fields.missingCount)).toBe(37);
    expect(blank(plan.fields.grade!)).toMatch(/^暂评 (\S+)（尚有 37 项未填）$/);
    const done = computePlan(planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT, complete: true }));
    expect(done(plan.fields.grade!)).toBe(blank(plan.fields.scoreGrade!));
  });

  it('an invalid fact withholds the grade and the refund: 暂不评定（N 项无效）', () => {
    const facts = { '4.1': 'abc', '20.1': 1.5, '1.1': '是' };
    const plan = planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT, inputs: facts });
    const cell = computePlan(plan);
    const result = evaluate(jiangbei, facts);
    expect(result.invalid.map((p) => p.field).sort()).toEqual(['20.1', '4.1']);
    expect(cell(plan.fields.invalidCount)).toBe(2);
    expect(cell(plan.fields.grade!)).toBe('暂不评定（2 项无效）');
    expect(cell(plan.fields.refund!)).toBe('暂不评定（2 项无效）');
    expect(assess(jiangbei, result, getPolicy('jilin-2025')).gradeText).toBe('暂不评定（2 项无效）');
  });

  it('威海 under a 百分制 policy is refused unless converted, and then shows the converted score', () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    expect(() => planSheet(weihai, { policyId: 'jilin-2025' })).toThrow(/分制不同.*折算（得分 × 100 \/ 795）/);
    const plan = planSheet(weihai, { policyId: 'jilin-2025', deposit: DEPOSIT, convert: true, complete: true });
    const cell = computePlan(plan);
    // a blank 威海 二级 sheet: 650 of 795 (the earning items give nothing) → 650 × 100 / 795 = 81.76…, 良
    expect(evaluate(weihai, {}).total.toNumber()).toBe(650);
    expect(cell(plan.fields.total)).toBe(650);
    expect(cell(plan.fields.policyScore!)).toBeCloseTo(81.761006289, 9);
    expect(cell(plan.fields.grade!)).toBe('良'); // not 优, as the unconverted 650 was graded before
    expect(cell(plan.fields.refund!)).toBe(83520); // 1 − (90 − 81.761006)×2% = 83.522% → 83.52% (percent-2) of 100000
  });
});
