// The sheet's 扣减情形 cell (issue 13: "挂牌督办: a further 10%", a fact of the institution): planned in
// row 10 only where the policy names circumstances, read by the refund formula, pre-filled and checked.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess, circumstancesFrom, evaluate, getRubric, registerPolicy, unregister } from '../../src/core';
import { auditSheet } from '../../src/sheet/audit';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { withholdPolicy } from '../support/kindPolicies';

const policy = withholdPolicy();
beforeAll(() => registerPolicy(policy));
afterAll(() => unregister('policy', policy.id));

const rubric = getRubric('cq-jiangbei-2025-hospital');
// the README's example: 78 points, 合格 [70, 80) under 吉林's bands, where the test policy withholds 40%
const facts = JSON.parse(readFileSync('examples/jiangbei-hospital.json', 'utf8')) as Record<string, unknown>;

describe('扣减情形 on the sheet', () => {
  it('is planned at row 10 only for a policy that names circumstances', () => {
    const plan = planSheet(rubric, { policyId: policy.id, deposit: 10000 });
    expect(plan.fields.circumstances).toBe('C10');
    expect(plan.grid[9]?.[0]).toMatchObject({ value: '扣减情形' });
    expect(plan.names).toContainEqual({ name: 'MIB_CIRCUMSTANCES', ref: 'C10' });
    expect(plan.validations.find((v) => v.range === 'C10')?.rule).toEqual({ kind: 'list', options: ['挂牌督办'] });
    expect(planSheet(rubric, { policyId: 'jilin-2025', deposit: 10000 }).fields.circumstances).toBeUndefined();
    // the add-in's MIB.REFUND check passes the cell as its last argument
    const withAddin = planSheet(rubric, { policyId: policy.id, deposit: 10000, withAddinFunctions: true });
    const [col, row] = [withAddin.fields.addinRefund!.charCodeAt(0) - 65, Number(withAddin.fields.addinRefund!.slice(1)) - 1];
    expect(withAddin.grid[row]?.[col]).toMatchObject({ formula: expect.stringMatching(/^=IF\(H4="","",MIB\.REFUND\(.*,C10\)\)$/) });
  });

  it('the refund reads it: the sheet agrees with assess() with and without 挂牌督办', () => {
    for (const named of [undefined, ['挂牌督办']]) {
      const plan = planSheet(rubric, { policyId: policy.id, deposit: 10000, inputs: facts, complete: true, ...(named && { circumstances: named }) });
      const cell = computePlan(plan);
      const expected = assess(rubric, evaluate(rubric, facts), policy, { deposit: 10000, complete: true, ...(named && { circumstances: named }) });
      expect(cell(plan.fields.refund!), String(named)).toBe(expected.refund!.amount.toNumber());
      expect(cell(plan.fields.grade!)).toBe(expected.gradeText);
    }
    // 78 points: 合格 pays back 60%, 50% with 挂牌督办
    const plan = planSheet(rubric, {
      policyId: policy.id,
      deposit: 10000,
      inputs: facts,
      complete: true,
      circumstances: circumstancesFrom('挂牌督办'),
    });
    expect(computePlan(plan)(plan.fields.refund!)).toBe(5000);
  });

  it('a name the policy does not have is refused', () => {
    expect(() => planSheet(rubric, { policyId: policy.id, circumstances: ['约谈'] })).toThrow(/没有“约谈”这一扣减情形/);
  });
});

describe('the pane reads 扣减情形', () => {
  it("the audit summary refund counts 挂牌督办 typed in the cell, as the sheet's formula does", async () => {
    const book = new MemoryWorkbook();
    const plan = planSheet(rubric, { policyId: policy.id, deposit: 10000, inputs: facts, complete: true });
    const name = await book.createSheet(plan);
    expect(auditSheet(await book.readSheet(name)).summary.refund).toBe('6000.00');
    book.setCell(name, plan.fields.circumstances!, '挂牌督办');
    expect((await book.readSheet(name)).circumstances).toBe('挂牌督办');
    expect(auditSheet(await book.readSheet(name)).summary.refund).toBe('5000.00');
    // a word the policy does not name counts for nothing, on the sheet and in the pane
    book.setCell(name, plan.fields.circumstances!, '约谈');
    expect(auditSheet(await book.readSheet(name)).summary.refund).toBe('6000.00');
  });
});
