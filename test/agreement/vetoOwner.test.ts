// Issue 19, "one owner per consequence": a policy whose veto says "考核得分最高按60分计" (capScore 60) on
// 江北's table, whose own clause sets the score to 0. An 85-point institution with a veto got 0 / 不合格 /
// 0.00 from `mib score` and the sheet, and 60 → 基本合格 from `mib grade 85 --veto`. Now the policy's veto
// decides on every face: the total is 60, the grade 基本合格, the refund 吉林's 基本合格 tier at 60
// (1 − 30 × 3% = 10%). Without a policy the table's own text stands (出现否决项得分为0); 江北's own policy
// (setScore 0) gives 0 / 不合格 as before; 吉林's "考核一票否决" (fail) keeps the score and fails the grade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPolicy, getRubric, inputIndex, type Policy, PolicySchema, registerPolicy, scoreRoster, unregister } from '../../src/core';
import { isFailure } from '../../src/functions/failure';
import { gradeLabel, refundAmount } from '../../src/functions/grade';
import { scoreTotal } from '../../src/functions/score';
import { planSheet } from '../../src/sheet/planSheet';
import { rosterOf } from '../core/roster/rosterTable';
import { computePlan } from '../support/hyperformula';
import { capVeto } from '../support/kindPolicies';
import { mibWith } from '../support/mibRunner';

const RUBRIC = 'cq-jiangbei-2025-hospital';
const jiangbei = getRubric(RUBRIC);
const DEPOSIT = '100000';
/** 吉林's file with the veto "考核得分最高按60分计", as a region would write it (no veto grade). */
const capFile = { ...getPolicy('jilin-2025'), id: 'test-cap-veto', veto: capVeto };
/** The institution of the issue: 85 points (4.2 × 5, 7.2, 19.2, 21, 23), and 1.1 未缴纳罚金 (a veto). */
const facts = {
  '1.1': '是',
  '2.1': '否',
  '2.2': '否',
  '3.1': '否',
  '4.1': '否',
  '4.2': 5,
  '5.1': '是',
  '5.2': '是',
  '6.1': 0,
  '7.1': '否',
  '7.2': 1,
  '8.1': '否',
  '9.1': '否',
  '9.2': '否',
  '10.1': '否',
  '11.1': '否',
  '12.1': '否',
  '12.2': '否',
  '13.1': '否',
  '13.2': '否',
  '14.1': '否',
  '14.2': '否',
  '15.1': '否',
  '16.1': '否',
  '17.1': '否',
  '17.2': 0,
  '18.1': '62%',
  '18.2': '否',
  '19.1': 1,
  '19.2': 0,
  '20.1': 0.93,
  '21.1': 0.28,
  '22.1': 0.25,
  '22.2': 0.55,
  '23.1': 5,
  '23.2': 3,
  '24.1': '是',
};

/** The same file read by `mib` from disk (its own id: mib registers and releases the files it reads). */
const capOnDisk = JSON.stringify({ ...capFile, id: 'test-cap-veto-file' });

let cap: Policy;
beforeAll(() => {
  cap = PolicySchema.parse(capFile);
  registerPolicy(cap);
});
afterAll(() => unregister('policy', cap.id));

/** `mib score` of the institution, 公立 (the table's public-only clause filled) and complete. */
function mibScore(policy?: string) {
  const run = mibWith({ 'facts.json': JSON.stringify(facts), './cap.json': capOnDisk });
  const r = run(
    'score',
    RUBRIC,
    '--input',
    'facts.json',
    '--ownership',
    '公立',
    '--json',
    ...(policy ? ['--policy', policy, '--deposit', DEPOSIT] : []),
  );
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as { total: number; veto: boolean; grade?: string; gradeText?: string; refund?: number };
}

/** The sheet of the institution under a policy (or none), recalculated by HyperFormula. */
function sheet(policyId?: string) {
  const plan = planSheet(jiangbei, { ...(policyId && { policyId }), deposit: DEPOSIT, inputs: facts, ownership: 'public', complete: true });
  const cell = computePlan(plan);
  return {
    total: cell(plan.fields.total),
    grade: plan.fields.grade && cell(plan.fields.grade),
    refund: plan.fields.refund && cell(plan.fields.refund),
  };
}

/** MIB.SCORE with the policy, then MIB.GRADE / MIB.REFUND of that total with the veto, as the sheet's add-in cells pass them. */
function functions(policyId: string) {
  const ids = [...inputIndex(jiangbei).byId.keys()];
  const values = ids.map((id) => [(facts as Record<string, unknown>)[id] ?? null]);
  const total = scoreTotal(
    RUBRIC,
    ids.map((id) => [id]),
    values,
    '公立',
    policyId,
  );
  if (isFailure(total)) throw new Error(total.message);
  const grade = gradeLabel(total, policyId, { veto: true });
  const refund = refundAmount(total, DEPOSIT, policyId, { veto: true });
  return { total, grade, refund };
}

function roster(policy: Policy) {
  const row = { 机构编码: 'A', 机构名称: '某医院', 机构性质: '公立', 质量保证金: Number(DEPOSIT), ...facts };
  const [only] = scoreRoster(jiangbei, rosterOf([row]), policy, { complete: true }).institutions;
  return { total: only!.total.toNumber(), grade: only!.gradeText, refund: only!.refund?.toNumber() };
}

describe('capScore 60 on 江北: one owner, every face', () => {
  it('the institution scores 85 before the veto', () => {
    const bare = mibWith({ 'facts.json': JSON.stringify({ ...facts, '1.1': '否' }) })(
      'score',
      RUBRIC,
      '--input',
      'facts.json',
      '--ownership',
      '公立',
      '--json',
    );
    expect(JSON.parse(bare.out).total).toBe(85);
  });

  it('mib score: 60 / 基本合格 / 10000.00 (not 0 / 不合格 / 0.00)', () => {
    const json = mibScore('./cap.json');
    expect([json.veto, json.total, json.gradeText, json.refund]).toEqual([true, 60, '基本合格', 10000]);
  });

  it('mib grade 85 --veto and mib refund 85 --veto say the same', () => {
    const run = mibWith({ './cap.json': capOnDisk });
    expect(run('grade', '85', '--veto', '--policy', './cap.json').out).toBe('基本合格');
    expect(run('refund', '85', '--deposit', DEPOSIT, '--veto', '--policy', './cap.json').out).toBe('10000.00');
  });

  it('the sheet (HyperFormula): 总分 60, 基本合格, 10000', () => {
    expect(sheet(cap.id)).toEqual({ total: 60, grade: '基本合格', refund: 10000 });
  });

  it('MIB.SCORE with the policy, MIB.GRADE and MIB.REFUND: 60, 基本合格, 10000', () => {
    expect(functions(cap.id)).toEqual({ total: 60, grade: '基本合格', refund: 10000 });
  });

  it('a one-row roster: 60, 基本合格, 10000', () => {
    expect(roster(cap)).toEqual({ total: 60, grade: '基本合格', refund: 10000 });
  });
});

describe('the bundled pairs keep what they gave', () => {
  it('without a policy the table’s own text: 出现否决项得分为0 (mib score, the sheet, MIB.SCORE without a policy)', () => {
    expect(mibScore().total).toBe(0);
    expect(sheet().total).toBe(0);
    const ids = [...inputIndex(jiangbei).byId.keys()];
    const values = ids.map((id) => [(facts as Record<string, unknown>)[id] ?? null]);
    expect(
      scoreTotal(
        RUBRIC,
        ids.map((id) => [id]),
        values,
        '公立',
      ),
    ).toBe(0);
  });

  it('江北 table + cq-jiangbei-2025 (setScore 0, 不合格): 0 / 不合格 on every face', () => {
    const json = mibScore('cq-jiangbei-2025');
    expect([json.total, json.gradeText]).toEqual([0, '不合格']);
    const s = sheet('cq-jiangbei-2025');
    expect([s.total, s.grade]).toEqual([0, '不合格']);
    expect(functions('cq-jiangbei-2025')).toMatchObject({ total: 0, grade: '不合格' });
    expect(roster(getPolicy('cq-jiangbei-2025'))).toMatchObject({ total: 0, grade: '不合格' });
  });

  it('江北 table + 吉林 “考核一票否决” (fail): the score stands at 85, 不合格, nothing refunded', () => {
    const json = mibScore('jilin-2025');
    expect([json.total, json.gradeText, json.refund]).toEqual([85, '不合格', 0]);
    expect(sheet('jilin-2025')).toEqual({ total: 85, grade: '不合格', refund: 0 });
    expect(functions('jilin-2025')).toEqual({ total: 85, grade: '不合格', refund: 0 });
    expect(roster(getPolicy('jilin-2025'))).toEqual({ total: 85, grade: '不合格', refund: 0 });
  });
});
