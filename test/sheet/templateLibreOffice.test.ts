// The xlsx template, recalculated by LibreOffice (a real spreadsheet engine, not ours), shows exactly the
// core's item scores, raw and over-cap deductions, total, grade and refund: for all four rubrics, each
// with a clean set of facts, a veto, several over-cap items and missing facts, under all four policies.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assess,
  evaluate,
  getPolicy,
  getRubric,
  hasPublicOnlyClauses,
  inputIndex,
  type Ownership,
  policyIds,
  type RawValue,
  rubricIds,
  type Rubric,
} from '../../src/core';
import { planToXlsx } from '../../src/cli/xlsxTemplate';
import { planSheet } from '../../src/sheet/planSheet';
import { formGrade, formRefund } from '../../src/sheet/formStatus';
import type { SheetPlan } from '../../src/sheet/types';
import { type Computed, recalculate, sofficeVersion } from '../support/sofficeRecalc';

const DEPOSIT = 123456.78;

const holds = (op: string, a: number, b: number) => (op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : a === b);

/** Every fact at its best: no finding, every earning achieved, every measured rate on the good side. */
function clean(rubric: Rubric): Record<string, RawValue> {
  const facts: Record<string, RawValue> = {};
  for (const [id, { spec, rule }] of inputIndex(rubric).byId) {
    if (spec.type === 'boolean') facts[id] = rule.kind === 'condition' && rule.effect === 'earn';
    else if (spec.type === 'count') facts[id] = rule.kind === 'perOccurrence' && rule.effect === 'earn' ? 10 : 0;
    else if (spec.type === 'points') facts[id] = rule.kind === 'manual' ? (spec.max ?? 0) : 0;
    else if (spec.type === 'number') facts[id] = spec.max ?? 100;
    else if (spec.type === 'signedRatio') facts[id] = -0.05;
    else if (spec.type === 'ratio') {
      // the side of 0 or 1 that earns, or that escapes the deduction
      const good = (v: number) => {
        if (rule.kind === 'threshold') return holds(rule.when.op, v, rule.when.value) === (rule.effect === 'earn');
        if (rule.kind === 'allOf') {
          const part = rule.parts.find((p) => p.input.id === id);
          return holds(part?.op ?? '>=', v, part?.value ?? 0);
        }
        if (rule.kind === 'linear') return rule.direction === 'above' ? v === 0 : v === 1;
        if (rule.kind === 'bestOf') return v === 0;
        return v === 1;
      };
      facts[id] = good(1) ? 1 : 0;
    } else facts[id] = 1;
  }
  return facts;
}

/** The first veto clause's fact set to 是, or (tables without one) nothing. */
function vetoed(rubric: Rubric): Record<string, RawValue> {
  const entry = [...inputIndex(rubric).byId.values()].find((e) => e.rule.kind === 'veto');
  return { ...clean(rubric), ...(entry && { [entry.spec.id]: true }) };
}

/** Every per-occurrence deduction counted far past its item's points, every "不得分" condition holding
 * (beside those findings: zeroed by the text, not over cap), every linear deduction far past its own
 * cap ("最多扣5分", 威海 A1). */
function overCap(rubric: Rubric): Record<string, RawValue> {
  const facts = clean(rubric);
  for (const [id, { spec, rule }] of inputIndex(rubric).byId) {
    if (rule.kind === 'perOccurrence' && rule.effect === 'deduct') facts[id] = spec.max ?? 60;
    if (rule.kind === 'condition' && rule.effect === 'deduct') facts[id] = true;
    if (rule.kind === 'linear' && rule.effect === 'deduct') facts[id] = rule.direction === 'above' ? 1 : 0;
  }
  return facts;
}

/** Every third fact left blank. */
function missing(rubric: Rubric): Record<string, RawValue> {
  return Object.fromEntries(Object.entries(overCap(rubric)).filter((_, k) => k % 3 !== 0));
}

const sets = { clean, vetoed, overCap, missing };

interface Case {
  name: string;
  rubricId: string;
  policyId: string;
  facts: Record<string, RawValue>;
  ownership?: Ownership;
  plan: SheetPlan;
  file: string;
}

const cases: Case[] = [];
const dir = mkdtempSync(join(tmpdir(), 'mib-template-'));
rubricIds.forEach((rubricId, r) =>
  Object.entries(sets).forEach(([set, make], s) => {
    const policyId = policyIds[(r + s) % policyIds.length]!;
    const facts = make(getRubric(rubricId));
    // 威海 is graded under the 百分制 policies after 折算; the missing set is left provisional, the others marked complete
    const plan = planSheet(getRubric(rubricId), {
      policyId,
      deposit: DEPOSIT,
      inputs: facts,
      institutionCode: 'T001',
      institutionName: '测试机构',
      convert: true,
      complete: set !== 'missing',
    });
    cases.push({ name: `${rubricId} ${set} (${policyId})`, rubricId, policyId, facts, plan, file: join(dir, `${rubricId}-${set}.xlsx`) });
  }),
);
// 机构性质 公立 / 民营 in the header, on the tables with public-only clauses (the blank header is the cases above)
for (const rubricId of rubricIds.filter((id) => hasPublicOnlyClauses(getRubric(id)))) {
  for (const ownership of ['public', 'private'] as const) {
    const facts = overCap(getRubric(rubricId));
    const plan = planSheet(getRubric(rubricId), {
      policyId: 'jilin-2025',
      deposit: DEPOSIT,
      inputs: facts,
      ownership,
      convert: true,
      complete: true,
    });
    cases.push({
      name: `${rubricId} overCap ${ownership} (jilin-2025)`,
      rubricId,
      policyId: 'jilin-2025',
      facts,
      ownership,
      plan,
      file: join(dir, `${rubricId}-${ownership}.xlsx`),
    });
  }
}

let computed: Map<string, Computed>;

beforeAll(async () => {
  if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
  for (const c of cases) writeFileSync(c.file, await planToXlsx(c.plan));
  computed = await recalculate(cases.map((c) => c.file));
}, 180_000);

describe('LibreOffice recalculates the template to the core’s numbers', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const cell = computed.get(c.file)!;
    const rubric = getRubric(c.rubricId);
    const policy = getPolicy(c.policyId);
    const result = evaluate(rubric, c.facts, { ...(c.ownership && { ownership: c.ownership }) });
    expect(result.invalid).toEqual([]);
    const mismatches: string[] = [];
    const same = (what: string, address: string, expected: number | string) => {
      const got = cell(address);
      const ok = typeof expected === 'number' ? typeof got === 'number' && Math.abs(got - expected) < 1e-9 : got === expected;
      if (!ok) mismatches.push(`${what} ${address}: expected ${expected}, LibreOffice shows ${JSON.stringify(got)}`);
    };
    result.items.forEach((item, k) => {
      const cells = c.plan.items[k]!;
      same(`item ${item.id} score`, cells.score, item.score.toNumber());
      same(`item ${item.id} deducted`, cells.deducted, item.deducted.toNumber());
      same(`item ${item.id} overCap`, cells.overCap, item.overCap.toNumber());
    });
    same('veto count', c.plan.fields.vetoCount, result.vetoItems.length);
    same('invalid count', c.plan.fields.invalidCount, 0);
    same('missing count', c.plan.fields.missingCount, result.missing.length + (result.ownershipMissing ? 1 : 0));
    const assessed = assess(rubric, result, policy, { convert: true, complete: !c.name.includes(' missing '), deposit: DEPOSIT });
    // under a policy the policy's veto decides the total (tableTotal)
    same('total', c.plan.fields.total, assessed.total.toNumber());
    if (assessed.conversion) same('converted score', c.plan.fields.policyScore!, assessed.converted!.toNumber());
    // facts left blank (the missing set): 待填报 where mib score grades provisionally (暂评 …)
    same('grade', c.plan.fields.grade!, formGrade(assessed.status, assessed.gradeText));
    if (policy.refund) same('refund', c.plan.fields.refund!, formRefund(assessed.status, assessed.refund?.amount.toNumber() ?? assessed.gradeText));
    if (assessed.status.kind === 'provisional') expect(cell(c.plan.fields.grade!)).toMatch(/^待填报（尚有 \d+ 项未填）$/);
    expect(mismatches).toEqual([]);
  });

  it('the sets really exercise vetoes, over-cap items and missing facts', () => {
    const hospital = cases.filter((c) => c.rubricId === 'cq-jiangbei-2025-hospital');
    const [cleanCase, vetoCase, overCapCase, missingCase] = hospital.map((c) => evaluate(getRubric(c.rubricId), c.facts));
    expect(cleanCase!.total.toNumber()).toBe(100);
    expect(vetoCase!.veto).toBe(true);
    expect(overCapCase!.items.filter((i) => i.overCap.gt(0)).length).toBeGreaterThanOrEqual(3);
    // 江北 9: both rows 不得分 — zeroed, not over cap; 威海 A1: both clauses held to 最多扣5分
    expect(overCapCase!.items.find((i) => i.id === '9')!.overCap.toNumber()).toBe(0);
    const weihai = cases.find((c) => c.rubricId === 'weihai-2021-hospital-l2' && c.name.includes('overCap'))!;
    const a1 = evaluate(getRubric(weihai.rubricId), weihai.facts).items.find((i) => i.code === 'A1')!;
    expect([a1.overCap.toNumber(), a1.clauseCapped.toNumber()]).toEqual([0, 90]);
    expect(missingCase!.missing.length).toBeGreaterThan(5);
  });
});
