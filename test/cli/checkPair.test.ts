// Issue 19: `mib check <table> --policy <policy>` on the pair. Where a table prints its own veto
// consequence (江北 "出现否决项得分为0") and the policy another, a warning: the policy's governs. And the
// scale pairing says what differs: examples/region/table.json (100 points, up to 5 bonus points) under a
// 百分制 policy without bonus (宁德) was refused as "分制不同" with the advice "得分 × 100 / 100", which
// changes nothing; now total and bonus are compared apart and only the bonus is named.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, getPolicy, getRubric, registerRubric, RubricSchema, unregister } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { capVeto } from '../support/kindPolicies';
import { mibWith } from '../support/mibRunner';

const regionTable = readFileSync('examples/region/table.json', 'utf8');
const jiangbeiTable = JSON.stringify({ ...getRubric('cq-jiangbei-2025-hospital'), id: 'test-jiangbei-copy' });
const capPolicy = JSON.stringify({ ...getPolicy('jilin-2025'), id: 'test-cap-pair', veto: capVeto });
const run = () => mibWith({ './table.json': regionTable, './jiangbei.json': jiangbeiTable, './cap.json': capPolicy });

describe('mib check <table> --policy: the veto', () => {
  it('江北’s “出现否决项得分为0” under a policy capping at 60: a warning, the policy’s governs, the check passes', () => {
    const r = run()('check', './jiangbei.json', '--policy', './cap.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      '警告 （与政策 test-cap-pair）vetoEffect：考核表“重庆市江北区2025年定点医疗机构协议签订考核表”写明出现否决项得分为0（表注：“备注：总分为100分，得分= 得分1+得分2+得分3……；出现否决项得分为0。”），政策“吉林省医疗保障定点医药机构考核暂行办法”的否决规定是“存在违规行为的，考核得分最高按60分计”（得分至多按60分计）：两处规定不同，按此政策评定时以政策为准',
    );
    expect(r.out).toContain('通过检查（1 处警告）');
  });

  it('under 江北’s own policy (setScore 0) the two agree: no warning', () => {
    const r = run()('check', './jiangbei.json', '--policy', 'cq-jiangbei-2025');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('通过检查（0 处警告）');
  });

  it('吉林’s “考核一票否决” keeps the score: named as the difference', () => {
    const r = run()('check', './jiangbei.json', '--policy', 'jilin-2025', '--json');
    const report = JSON.parse(r.out) as { warnings: { field: string; message: string }[] };
    expect(report.warnings.map((w) => w.field)).toEqual(['（与政策 jilin-2025）vetoEffect']);
    expect(report.warnings[0]!.message).toContain('（得分不变，等次为不合格）');
  });

  it('--policy goes with a table only', () => {
    const r = run()('check', './cap.json', '--policy', 'jilin-2025');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--policy 只用于检查考核表');
  });
});

describe('scale pairing: total and bonus compared apart', () => {
  it('mib check names the bonus, never a conversion by 100 / 100', () => {
    const r = run()('check', './table.json', '--policy', 'ningde-2025-hospital');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      'bonus：考核表“某地2026年定点医疗机构考核表”与政策“宁德市医保定点医药机构绩效考核暂行方案（定点医疗机构）”满分相同（100 分），不同的只是加分：考核表另有加分最多 5 分，政策不设加分（“考核采取百分制”）',
    );
    expect(r.out).not.toContain('× 100 / 100');
  });

  it('mib score refuses, saying only the bonus differs and what the policy’s text allows', () => {
    const r = mibWith({ './table.json': regionTable, 'facts.json': readFileSync('examples/region/facts.json', 'utf8') })(
      'score',
      './table.json',
      '--input',
      'facts.json',
      '--policy',
      'ningde-2025-hospital',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('不同的只是加分');
    expect(r.err).toContain('得分超过 100 分的不予评定');
    expect(r.err).toContain('得分按 100 分封顶须政策原文有此规定');
    expect(r.err).toContain('命令中加 --convert 即照常评定（不折算）');
    expect(r.err).not.toMatch(/分制不同|× 100 \/ 100|折算（得分/);
  });

  it('asked for (--convert), it grades as is: no conversion line, 85 → 良好', () => {
    const r = mibWith({ './table.json': regionTable, 'facts.json': readFileSync('examples/region/facts.json', 'utf8') })(
      'score',
      './table.json',
      '--input',
      'facts.json',
      '--policy',
      'ningde-2025-hospital',
      '--convert',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { total: number; gradeText: string; conversion?: unknown };
    expect([json.total, json.gradeText, json.conversion]).toEqual([85, '良好', undefined]);
  });

  it('a table of another total still gets the conversion (威海 795 under 宁德)', () => {
    const r = mibWith({ 'facts.json': '{}' })('score', 'weihai-2021-hospital-l2', '--input', 'facts.json', '--policy', 'ningde-2025-hospital');
    expect(r.code).toBe(2);
    expect(r.err).toContain('分制不同');
    expect(r.err).toContain('得分 × 100 / 795');
  });
});

describe('a score beyond the policy’s scale with its bonus: not graded, by the core and the sheet alike', () => {
  const table = RubricSchema.parse(JSON.parse(regionTable));
  beforeAll(() => registerRubric(table));
  afterAll(() => unregister('rubric', table.id));
  // every deduction clear, every earned point, 5 bonus points: 105
  const facts = { '1.1': false, '2.1': 0, '2.2': 0, '3.1': 1, '3.2': false, '4.1': true, '4.2': true, '5.1': 5 };

  it('105 under 宁德 (100, no bonus): 超出政策分制，不予评定 in the sheet (HyperFormula) and the core', () => {
    expect(evaluate(table, facts).total.toNumber()).toBe(105);
    const plan = planSheet(table, { policyId: 'ningde-2025-hospital', deposit: 10000, inputs: facts, convert: true, complete: true });
    const cell = computePlan(plan);
    expect(plan.fields.policyScore).toBeUndefined();
    expect(cell(plan.fields.total)).toBe(105);
    expect(cell(plan.fields.grade!)).toBe('超出政策分制，不予评定');
    expect(cell(plan.fields.refund!)).toBe('超出政策分制，不予评定');
    const r = mibWith({ './table.json': regionTable, 'facts.json': JSON.stringify(facts) })(
      'score',
      './table.json',
      '--input',
      'facts.json',
      '--policy',
      'ningde-2025-hospital',
      '--convert',
      '--deposit',
      '10000',
      '--json',
    );
    expect(JSON.parse(r.out)).toMatchObject({ total: 105, gradeText: '超出政策分制，不予评定' });
  });

  it('with a veto under 江北’s policy (setScore 0): the total is 0, but 105 before the veto is still beyond the scale, in both', () => {
    const vetoed = { ...facts, '1.1': true };
    const plan = planSheet(table, { policyId: 'cq-jiangbei-2025', inputs: vetoed, convert: true, complete: true });
    const cell = computePlan(plan);
    expect([cell(plan.fields.total), cell(plan.fields.grade!)]).toEqual([0, '超出政策分制，不予评定']);
    const r = mibWith({ './table.json': regionTable, 'facts.json': JSON.stringify(vetoed) })(
      'score',
      './table.json',
      '--input',
      'facts.json',
      '--policy',
      'cq-jiangbei-2025',
      '--convert',
      '--json',
    );
    expect(JSON.parse(r.out)).toMatchObject({ total: 0, gradeText: '超出政策分制，不予评定' });
  });
});
