// The sheet's own formulas, computed by a spreadsheet engine (HyperFormula), give exactly the core's
// numbers: every item's score, raw deductions and over-cap deductions, the total, the grade and the
// refund, for every rubric and policy, on hand-picked and random facts. LibreOffice repeats the check
// on the xlsx template (test/sheet/libreoffice.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assess,
  evaluate,
  fromDouble,
  getPolicy,
  getRubric,
  gradeOf,
  hasPublicOnlyClauses,
  type Ownership,
  policyIds,
  refundOf,
  rubricIds,
  type RawValue,
} from '../../src/core';
import { parseCell } from '../../src/sheet/memory/a1';
import { planSheet } from '../../src/sheet/planSheet';
import { formGrade, formRefund } from '../../src/sheet/formStatus';
import { computePlan } from '../support/hyperformula';
import { factsOf } from '../support/randomFacts';

const DEPOSIT = 100000;

function check(rubricId: string, policyId: string, facts: Record<string, RawValue>, complete = false, ownership?: Ownership): void {
  const rubric = getRubric(rubricId);
  const policy = getPolicy(policyId);
  // 威海's 795 / 715 points are graded by the 百分制 policies only after 折算 (convert)
  const plan = planSheet(rubric, { policyId, deposit: DEPOSIT, inputs: facts, convert: true, complete, ...(ownership && { ownership }) });
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
  expect(cell(plan.fields.invalidCount)).toBe(result.invalid.length);
  expect(cell(plan.fields.missingCount), where('missing', plan.fields.missingCount)).toBe(result.missing.length + (result.ownershipMissing ? 1 : 0));
  const assessed = assess(rubric, result, policy, { convert: true, complete, deposit: DEPOSIT });
  // under a policy the policy's veto decides the total (tableTotal), not the table's own "得分为0"
  expect(cell(plan.fields.total), where('total', plan.fields.total)).toBeCloseTo(assessed.total.toNumber(), 9);
  if (assessed.conversion)
    expect(cell(plan.fields.policyScore!), where('converted', plan.fields.policyScore!)).toBeCloseTo(assessed.converted!.toNumber(), 9);
  else expect(plan.fields.policyScore).toBeUndefined();
  // (while facts are blank the form shows 待填报 where mib score says 暂评 and the grade)
  expect(cell(plan.fields.grade!), where('grade', plan.fields.grade!)).toBe(formGrade(assessed.status, assessed.gradeText));
  if (policy.refund)
    expect(cell(plan.fields.refund!), where('refund', plan.fields.refund!)).toBe(
      formRefund(assessed.status, assessed.refund?.amount.toNumber() ?? assessed.gradeText),
    );
}

// 机构性质 in the header: public-only clauses (江北 19, 威海 C13.4 / 一级 C6.4) count for 公立 and for a
// blank header, and give nothing under 民营, in the sheet as in the core
describe.each(rubricIds.filter((id) => hasPublicOnlyClauses(getRubric(id))))('%s: 公立 / 民营 / blank in the header', (rubricId) => {
  const rubric = getRubric(rubricId);
  it.each([['public'], ['private'], [undefined]] as const)('ownership %s, random facts', (ownership) => {
    fc.assert(
      fc.property(factsOf(rubric), (facts) => {
        const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
        check(rubricId, 'jilin-2025', defined, false, ownership);
      }),
      { numRuns: 20 },
    );
  });
  it('the header really changes the total: 民营 keeps the public-only points a 公立 institution loses', () => {
    const id = rubricId === 'cq-jiangbei-2025-hospital' ? '19.1' : rubricId === 'weihai-2021-hospital-l2' ? '14.4' : '7.4';
    const facts = { [id]: id === '19.1' ? 3 : 0.05 };
    const totalOf = (ownership?: Ownership) =>
      computePlan(planSheet(rubric, { inputs: facts, ...(ownership && { ownership }) }))(planSheet(rubric).fields.total) as number;
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
        check(rubricId, policyId, defined, Object.keys(defined).length % 2 === 0);
      }),
      { numRuns: 25 },
    );
  });
});

describe('grade status on the sheet (暂评 / 暂不评定) and 折算', () => {
  const jiangbei = getRubric('cq-jiangbei-2025-hospital');

  it('a blank or partly filled 江北 sheet shows 待填报 where the grade and refund would stand; 填报完成 makes it final', () => {
    const blank = computePlan(planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT }));
    const plan = planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT });
    expect(blank(plan.fields.missingCount)).toBe(38); // 37 facts and 机构性质 (江北 19 is for public institutions only)
    expect(blank(plan.fields.grade!)).toBe('待填报（尚有 38 项未填）');
    expect(blank(plan.fields.refund!)).toBe('待填报');
    // three facts given: still no verdict, the count of blanks falls
    const partly = computePlan(
      planSheet(jiangbei, { policyId: 'jilin-2025', deposit: DEPOSIT, ownership: 'public', inputs: { '1.1': '是', '4.1': 1, '20.1': 0.95 } }),
    );
    expect(partly(plan.fields.grade!)).toBe('待填报（尚有 34 项未填）');
    expect(partly(plan.fields.refund!)).toBe('待填报');
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

// A cell that a person overwrites with a formula holds a double: =0.7*64.6+0.3*82.6 is 69.99999999999999,
// which Excel shows as 70. The sheet's own formulas read such values without binary noise before they
// compare or grade, as the core reads a number at 15 significant digits.
describe('doubles one binary step from a bound', () => {
  const rubric = getRubric('cq-jiangbei-2025-hospital');
  /** The plan's grid with some cells replaced by formulas, computed by HyperFormula. */
  function computeWith(policyId: string, deposit: number | string, formulas: Record<string, string>) {
    const plan = planSheet(rubric, { policyId, deposit, complete: true }); // 填报完成: the grade cell shows the label
    for (const [address, formula] of Object.entries(formulas)) {
      const { row, col } = parseCell(address);
      plan.grid[row]![col] = { formula, style: 'number' };
    }
    return { plan, cell: computePlan(plan) };
  }

  it.each([
    ['jilin-2025', '=0.7*64.6+0.3*82.6', '合格'], // 69.99999999999999: 合格, not 基本合格
    ['jilin-2025', '=0.3*3*100', '优'], // 89.99999999999999
    ['jilin-2025', '=0.7*64.6+0.3*82.6+10', '良'],
    ['jilin-2025', '=0.7*64.6+0.3*82.6-10', '基本合格'],
    ['jilin-2025', '=69.999999999', '基本合格'], // 9 decimals, the sheet's reading (READ_DECIMALS)
    ['jilin-2025', '=70.0000000001', '合格'],
    ['ningde-2025-hospital', '=0.95*3*100/3', '优秀'],
    ['ningde-2025-hospital', '=0.85*3*100/3', '良好'],
    ['ningde-2025-pharmacy', '=0.7*64.6+0.3*82.6', '合格'],
    ['cq-jiangbei-2025', '=0.7*64.6+0.3*82.6-10', '合格'],
  ])('%s: a total overwritten by %s is graded %s, and refunded as the core refunds it', (policyId, formula, label) => {
    const { plan, cell } = computeWith(policyId, 999999999999.99, { [plan0(policyId).fields.total]: formula });
    expect(cell(plan.fields.grade!)).toBe(label);
    const policy = getPolicy(policyId);
    const score = fromDouble(Function(`return ${formula.slice(1)}`)() as number);
    expect(gradeOf(policy, score).label).toBe(label);
    if (policy.refund) expect(cell(plan.fields.refund!)).toBe(refundOf(policy, score, '999999999999.99').amount.toNumber());
  });

  it('江北 20: a rate computed as 0.8999999999999999 is 90%, not "未达到90%"; 18: 0.49999999999999994 is 50%', () => {
    const inputAt = (id: string) => planSheet(rubric).inputs.find((input) => input.id === id)!.address;
    const { plan, cell } = computeWith('cq-jiangbei-2025', '', { [inputAt('20.1')]: '=0.3*3', [inputAt('18.1')]: '=0.15*3+0.05' });
    const item = (no: string) => plan.items.find((i) => i.itemNo === no)!;
    const core = evaluate(rubric, { '20.1': 0.3 * 3, '18.1': 0.15 * 3 + 0.05 });
    expect(cell(item('20').score)).toBe(10);
    expect(core.items.find((i) => i.id === '20')!.score.toNumber()).toBe(10);
    expect(cell(item('18').deducted)).toBe(0);
  });

  it('威海 二级 21: a sample share computed as 0.09999999999999998 is 10%, in the 10%–15% band (×50%)', () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    const plan = planSheet(weihai, { inputs: { '21.1': 0.9 } });
    const { row, col } = parseCell(plan.inputs.find((input) => input.id === '21.2')!.address);
    plan.grid[row]![col] = { formula: '=0.7-0.6', style: 'number' };
    const cell = computePlan(plan);
    const core = evaluate(weihai, { '21.1': 0.9, '21.2': 0.7 - 0.6 }).items.find((i) => i.id === '21')!;
    const item = plan.items.find((i) => i.itemNo === '21')!;
    expect(cell(item.score)).toBeCloseTo(core.score.toNumber(), 9);
    expect(core.score.toNumber()).toBe(4.5); // 0.9 × 10 × 0.5
  });

  it('a self-score equal to the computed score up to binary noise differs by 0', () => {
    const tenPoints = evaluate(rubric, {}).items.find((i) => i.score.eq(10))!; // an item scoring 10 with no finding
    const first = planSheet(rubric).items.find((i) => i.itemNo === tenPoints.id)!;
    const { cell } = computeWith('cq-jiangbei-2025', '', { [first.selfScore]: '=0.3*3*100/9' }); // 9.999999999999998
    expect(cell(first.score)).toBe(10);
    expect(cell(first.difference)).toBe(0);
  });
});

function plan0(policyId: string) {
  return planSheet(getRubric('cq-jiangbei-2025-hospital'), { policyId, deposit: 1 });
}

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
