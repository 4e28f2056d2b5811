/// <reference types="office-js" />
// Every bundled table, a 10,000-row roster and a region's own table at the limits, written and read back through
// the strict fake in Excel on the web's mode (test/excel/fakeExcel.ts): what Excel's documented rules refuse never
// reaches it, user text beginning with = + - @ stays text, nothing is lost on the way back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPolicy, getRubric, rubricIds } from '../../src/core';
import { readSnapshot } from '../../src/excel/reader';
import { ExcelWorkbook, type ExcelRun } from '../../src/excel/workbook';
import { type FinishingProblem, writeGridPlans, writePlan } from '../../src/excel/writer';
import { WEB_PAYLOAD_LIMIT, planProblems } from '../../src/sheet/excelLimits';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planSheet } from '../../src/sheet/planSheet';
import { planRosterWorkbook } from '../../src/sheet/roster';
import type { SheetPlan } from '../../src/sheet/types';
import { limitRubric } from '../support/limitRubric';
import { generatedWeihaiRoster } from '../support/rosterResults';
import { fakeExcel } from './fakeExcel';

const policyFor = (rubricId: string) =>
  rubricId.startsWith('weihai') ? { policyId: 'jilin-2025', convert: true } : { policyId: 'cq-jiangbei-2025' };

/** Writes the plan to a strict fake in web mode and reads it back; returns the fake, the name and the snapshot. */
async function roundTrip(plan: SheetPlan) {
  const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
  const problems: FinishingProblem[] = [];
  const name = await writePlan(excel.context, plan, (problem) => problems.push(problem));
  const snapshot = await readSnapshot(excel.context, name, () => plan);
  return { excel, name, snapshot, problems };
}

describe('each bundled table through the strict fake (Excel on the web)', () => {
  it.each(rubricIds)('%s: within Excel’s limits, written whole, read back, the institution “=1+1” kept as text', async (rubricId) => {
    const plan = planSheet(getRubric(rubricId), { ...policyFor(rubricId), institutionName: '=1+1', institutionCode: '@SUM(1)', deposit: 50000 });
    expect(planProblems(plan)).toEqual([]);
    expect(Math.max(...Object.values(plan.rowHeights))).toBeLessThanOrEqual(409);
    await new MemoryWorkbook().createSheet(plan);

    const { excel, name, snapshot, problems } = await roundTrip(plan);
    expect(problems).toEqual([]);
    expect(Math.max(...excel.requestSizes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(Math.max(...excel.responseSizes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(snapshot.rubricId).toBe(rubricId);
    expect(snapshot.institutionName).toBe('=1+1');
    expect(snapshot.institutionCode).toBe('@SUM(1)');
    expect(excel.cell(name, plan.fields.institutionName)).toMatchObject({ value: '=1+1', format: '@' });
    expect(excel.cell(name, plan.fields.institutionName).formula).toBeUndefined();
    expect(snapshot.inputs.map((input) => input.address)).toEqual(plan.inputs.map((input) => input.address));
    // what the sheet holds in Excel: every planned formula as a formula, every row at most 409 points, print and protection set
    expect(snapshot.computed.every((cell) => typeof cell.formula === 'string' && cell.formula.startsWith('='))).toBe(true);
    expect(Math.max(...excel.sheet(name).rowHeights.values())).toBeLessThanOrEqual(409);
    expect(excel.sheet(name).protected).toBe(true);
    expect(excel.sheet(name).pageLayout.zoom).toEqual({ scale: plan.print.scale });
    // every inline list as its options, none split by a comma
    for (const validation of plan.validations) {
      if (validation.rule.kind !== 'list') continue;
      const held = excel.sheet(name).validations.find((v) => v.address === validation.range);
      expect(held?.options).toEqual(validation.rule.options);
    }
  });
});

describe('a region’s own table at the limits (options of 255 characters, long texts, 40 items)', () => {
  it('is planned within Excel’s limits, written and read back', async () => {
    const plan = planSheet(limitRubric(), { institutionName: '-某医院' });
    expect(planProblems(plan)).toEqual([]);
    const heights = Object.values(plan.rowHeights);
    expect(Math.max(...heights)).toBe(409);
    const { excel, name, snapshot, problems } = await roundTrip(plan);
    expect(problems).toEqual([]);
    expect(snapshot.institutionName).toBe('-某医院');
    expect(snapshot.inputs).toHaveLength(40);
    const lists = excel.sheet(name).validations.filter((v) => v.options && v.options.length === 4);
    expect(lists).toHaveLength(40);
    expect(lists[0]!.options!.join(',')).toHaveLength(255);
  });
});

describe('a 10,000-row roster through the strict fake', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is written under 5 MB a request, read back under 5 MB a response, names beginning with = or @ kept as text', async () => {
    const roster = generatedWeihaiRoster(10_000);
    roster.institutions[0]!.institution.name = '=1+1';
    roster.institutions[1]!.institution.name = '@SUM(1)';
    const { sheets } = planRosterWorkbook(roster, getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'));
    for (const sheet of sheets) expect(planProblems(sheet)).toEqual([]);
    await new MemoryWorkbook().createGridSheets(sheets);

    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
    const run: ExcelRun = (batch) => batch(excel.context);
    const problems: FinishingProblem[] = [];
    const names = await writeGridPlans(excel.context, sheets, (problem) => problems.push(problem));
    expect(problems).toEqual([]);
    expect(Math.max(...excel.requestSizes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(excel.cell(names[0]!, 'B2')).toMatchObject({ value: '=1+1' });
    expect(excel.cell(names[0]!, 'B2').formula).toBeUndefined();
    expect(excel.cell(names[0]!, 'B3').formula).toBeUndefined();

    const book = new ExcelWorkbook({ replan: () => planSheet(getRubric('weihai-2021-hospital-l2')), run });
    const before = excel.responseSizes.length;
    const read = await book.readValues(names[0]!);
    expect(read?.values).toHaveLength(10_001);
    expect(read?.values[1]![1]).toBe('=1+1');
    expect(read?.values[2]![1]).toBe('@SUM(1)');
    expect(Math.max(...excel.responseSizes.slice(before))).toBeLessThan(WEB_PAYLOAD_LIMIT);
  }, 120_000);
});
