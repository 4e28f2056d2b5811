// Issue 19: `mib template <own table> --policy <own policy with extraWithholding>` exited 70 with
// "Cannot merge already merged cells": 考核表版本 and 扣减情形 were both planned at A10:C10. Every plan is
// now checked for cells given two contents and merges that overlap, over every bundled table × policy and
// over a region's own files with extraWithholding; the own pair's template computes and `mib refund` agrees.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assess,
  bundledRubricIds,
  evaluate,
  listPolicies,
  listRubrics,
  type Policy,
  PolicySchema,
  registerPolicy,
  registerRubric,
  type Rubric,
  RubricSchema,
  unregister,
} from '../../src/core';
import { auditSheet } from '../../src/sheet/audit';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { CellClaims, mergeConflicts } from '../../src/sheet/planConflicts';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { type Computed, recalculate, sofficeVersion } from '../support/sofficeRecalc';
import { mibOnDisk as mib } from '../support/mibOnDisk';
import { regionPolicy, regionRubric, textOf } from '../support/regionFiles';

/** The guide's region policy with refunds and two circumstances: 合格 withholds 20%, 挂牌督办 10% more. */
function ownPolicyJson(): Record<string, unknown> {
  return {
    ...regionPolicy(),
    id: 'test-region-2026-extra',
    grades: [
      { label: '优秀', min: 90, text: '90分及以上为优秀', refund: { kind: 'full', text: '全额返还质量保证金' } },
      { label: '合格', min: 60, max: 90, text: '60分至90分为合格', refund: { kind: 'withhold', ratio: 0.2, text: '扣除质量保证金的20%' } },
      { label: '不合格', max: 60, text: '60分以下为不合格', refund: { kind: 'none', text: '不予返还质量保证金' } },
    ],
    refund: { fractionalPoints: 'proportional', ratioRounding: 'percent-2' },
    extraWithholding: [
      { name: '挂牌督办', ratio: 0.1, text: '被挂牌督办的，再扣除质量保证金的10%' },
      { name: '约谈', ratio: 0.05, text: '被约谈的，再扣除质量保证金的5%' },
    ],
  };
}
const ownPolicy: Policy = PolicySchema.parse(ownPolicyJson());
const ownRubric: Rubric = RubricSchema.parse(regionRubric());
// 超标准收费 7 times at 2 points each: 100 − 14 = 86, 合格
const FACTS_86 = { '1.1': false, '2.1': 7, '3.1': false };

describe('no two header parts, cells or merges share an address', () => {
  beforeAll(() => {
    registerPolicy(ownPolicy);
    registerRubric(ownRubric);
  });
  afterAll(() => {
    unregister('policy', ownPolicy.id);
    unregister('rubric', ownRubric.id);
  });

  it('every bundled table × policy, with and without the add-in cells', () => {
    const bundled = listRubrics().filter((r) => bundledRubricIds.includes(r.id));
    expect(bundled.length).toBeGreaterThanOrEqual(4);
    for (const rubric of bundled) {
      for (const policy of [undefined, ...listPolicies()]) {
        for (const withAddinFunctions of [false, true]) {
          const plan = planSheet(rubric, { ...(policy && { policyId: policy.id }), convert: true, withAddinFunctions });
          expect(mergeConflicts(plan.merges, plan.grid), `${rubric.id} × ${policy?.id}`).toEqual([]);
        }
      }
    }
  });

  it('a region’s own table with a policy that has extraWithholding: 考核表版本 at A10:C10, 扣减情形 at E10', () => {
    for (const circumstances of [undefined, ['挂牌督办'], ['挂牌督办', '约谈']]) {
      for (const withAddinFunctions of [false, true]) {
        const plan = planSheet(ownRubric, {
          policyId: ownPolicy.id,
          rubricVersion: 'v1',
          deposit: 100000,
          withAddinFunctions,
          ...(circumstances && { circumstances }),
        });
        expect(mergeConflicts(plan.merges, plan.grid)).toEqual([]);
        expect(plan.fields.rubricVersion).toBe('C10');
        expect(plan.fields.circumstances).toBe('E10');
        expect(plan.grid[9]?.[0]).toMatchObject({ value: '考核表版本' });
        expect(plan.grid[9]?.[3]).toMatchObject({ value: '扣减情形' });
        expect(plan.names.filter((n) => n.ref === 'C10' || n.ref === 'E10').map((n) => n.name)).toEqual(['MIB_RUBRIC_VERSION', 'MIB_CIRCUMSTANCES']);
      }
    }
    // a bundled table keeps 扣减情形 at C10, where sheets made before have it
    expect(
      planSheet(
        listRubrics().find((r) => r.id === 'cq-jiangbei-2025-hospital')!,
        { policyId: ownPolicy.id },
      ).fields.circumstances,
    ).toBe('C10');
  });

  it('the own pair’s sheet computes: 86 (合格, 20% withheld) with 挂牌督办 pays back 70%, as assess() does', () => {
    const facts = FACTS_86;
    for (const [circumstances, amount] of [
      [[], 80000],
      [['挂牌督办'], 70000],
      [['挂牌督办', '约谈'], 65000],
    ] as const) {
      const plan = planSheet(ownRubric, {
        policyId: ownPolicy.id,
        rubricVersion: 'v1',
        deposit: 100000,
        inputs: facts,
        complete: true,
        circumstances: [...circumstances],
      });
      const cell = computePlan(plan);
      const expected = assess(ownRubric, evaluate(ownRubric, facts), ownPolicy, {
        deposit: 100000,
        complete: true,
        circumstances: [...circumstances],
      });
      expect(cell(plan.fields.total)).toBe(86);
      expect(cell(plan.fields.rubricVersion!)).toBe('v1');
      expect(cell(plan.fields.grade!)).toBe('合格');
      expect(cell(plan.fields.refund!), circumstances.join()).toBe(amount);
      expect(expected.refund!.amount.toNumber()).toBe(amount);
    }
  });

  it('the pane’s 新建考核表 builds the same plan and its summary reads 扣减情形 at E10', async () => {
    const book = new MemoryWorkbook();
    const plan = planSheet(ownRubric, { policyId: ownPolicy.id, rubricVersion: 'v1', deposit: 100000, inputs: FACTS_86, complete: true });
    const name = await book.createSheet(plan);
    expect(auditSheet(await book.readSheet(name)).summary.refund).toBe('80000.00');
    book.setCell(name, plan.fields.circumstances!, '挂牌督办');
    expect(auditSheet(await book.readSheet(name)).summary.refund).toBe('70000.00');
  });

  it('CellClaims reports a second content at one address, not a style laid over it', () => {
    const claims = new CellClaims();
    claims.put(10, 0, { value: '考核表版本', style: 'label' });
    claims.put(10, 0, { style: 'label' });
    claims.put(10, 0, { value: '扣减情形', style: 'label' });
    expect(claims.problems).toEqual([]);
    claims.put(10, 0, { value: '扣减情形', style: 'label' });
    expect(claims.problems).toEqual(['A10 被安排了两个内容']);
  });

  it('mergeConflicts names overlapping merges and content hidden under a merge', () => {
    expect(mergeConflicts(['A10:B10', 'C10:C10', 'A10:B10'], [])).toEqual([
      'A10 同时在合并区域 A10:B10 与 A10:B10 中',
      'B10 同时在合并区域 A10:B10 与 A10:B10 中',
    ]);
    const grid = Array.from({ length: 10 }, () => [] as ({ value: string } | null)[]);
    grid[9]![1] = { value: 'x' };
    expect(mergeConflicts(['A10:B10'], grid)).toEqual(['B10 在合并区域 A10:B10 中却另有内容']);
  });
});

describe('mib template and mib refund with a region’s own table and a policy with extraWithholding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mib-own-extra-'));
  const table = join(dir, 'table.json');
  const policy = join(dir, 'policy.json');
  writeFileSync(table, textOf(regionRubric()));
  writeFileSync(policy, textOf(ownPolicyJson()));

  it.each([[[]], [['--circumstance', '挂牌督办']]])('mib template %j exits 0 and writes the workbook', async (extra) => {
    const out = join(dir, `t${extra.length}.xlsx`);
    const printed = await mib('template', table, '--policy', policy, '--deposit', '100000', ...extra, '-o', out);
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });

  it('LibreOffice recalculates the own pair’s template: 86 with 挂牌督办 → 70000 at H5, 扣减情形 at E10, the version at C10', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const facts = join(dir, 'facts.json');
    writeFileSync(facts, textOf(FACTS_86));
    const out = join(dir, 'filled.xlsx');
    const printed = await mib(
      'template',
      table,
      '--policy',
      policy,
      '--deposit',
      '100000',
      '--input',
      facts,
      '--complete',
      '--circumstance',
      '挂牌督办',
      '-o',
      out,
    );
    expect(printed.code).toBe(0);
    const cell: Computed = (await recalculate([out])).get(out)!;
    registerPolicy(ownPolicy);
    const plan = planSheet(ownRubric, { policyId: ownPolicy.id, rubricVersion: 'v', deposit: 100000 });
    unregister('policy', ownPolicy.id);
    expect([cell(plan.fields.total), cell(plan.fields.grade!), cell(plan.fields.refund!)]).toEqual([86, '合格', 70000]);
    expect(plan.fields.refund).toBe('H5');
    expect(cell('E10')).toBe('挂牌督办');
    expect(String(cell('C10'))).not.toBe('');
  });

  it('mib refund 85 with 挂牌督办 → 70000.00 of 100000', async () => {
    const printed = await mib('refund', '85', '--policy', policy, '--deposit', '100000', '--circumstance', '挂牌督办');
    expect(printed.code).toBe(0);
    expect(printed.out.trim()).toBe('70000.00');
  });
});
