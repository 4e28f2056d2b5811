/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { activeAssessmentSheetName, assessmentSheetNames, readSnapshot, type Replanner } from '../../src/excel/reader';
import { writePlan } from '../../src/excel/writer';
import type { SheetPlan } from '../../src/sheet/types';
import { type FakeSheetData, fakeExcel } from './fakeExcel';
import { fixturePlan } from './fixtures';

const NAME = '江北医院考核';

/**
 * The sheet as Excel would hold it after writePlan and some typing: the cells come from the writer's
 * own formulas array; formula cells show `computed` (the mock computes nothing); `typed` overwrites.
 */
async function sheetAfterWriting(
  plan: SheetPlan,
  typed: Record<string, unknown> = {},
  computed: Record<string, unknown> = {},
): Promise<FakeSheetData> {
  const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
  await writePlan(excel.context, plan);
  const formulas = structuredClone(excel.writes.find((w) => w.property === 'formulas')!.value as unknown[][]);
  const values = formulas.map((row, r) =>
    row.map((cell, c) => {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      return typeof cell === 'string' && cell.startsWith('=') && plan.grid[r]?.[c] && 'formula' in plan.grid[r]![c]!
        ? (computed[address] ?? 0)
        : cell;
    }),
  );
  for (const [address, value] of Object.entries(typed)) {
    const r = Number(address.slice(1)) - 1;
    const c = address.charCodeAt(0) - 65;
    formulas[r]![c] = value;
    values[r]![c] = value;
  }
  return { name: NAME, names: Object.fromEntries(excel.namesOf(NAME)), used: { address: `${NAME}!A1:I8`, formulas, values } };
}

const replanFixture: Replanner = () => fixturePlan();

describe('readSnapshot', () => {
  it('reads inputs, self-scores and formulas back in one sync', async () => {
    const sheet = await sheetAfterWriting(
      fixturePlan(),
      { B2: 'H50011200001', D2: '某某医院', F2: 2025, E6: 2, E7: 0.5, E8: '否', G6: 3 },
      { F6: 0, F3: 10, H6: 3 },
    );
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }, sheet] });
    const snapshot = await readSnapshot(excel.context, NAME, replanFixture);
    expect(excel.syncs()).toBe(1);
    expect(snapshot).toMatchObject({
      sheetName: NAME,
      rubricId: 'cq-jiangbei-2025-hospital',
      institutionCode: 'H50011200001',
      institutionName: '某某医院',
      year: 2025,
      deposit: undefined,
    });
    expect(snapshot.inputs).toEqual([
      { id: '1.1', address: 'E6', value: 2 },
      { id: '1.2', address: 'E7', value: 0.5 },
      { id: '2.1', address: 'E8', value: '否' },
    ]);
    expect(snapshot.selfScores).toEqual([
      { itemNo: '1', address: 'G6', value: 3 },
      { itemNo: '2', address: 'G8', value: null },
    ]);
    expect(snapshot.computed).toContainEqual({ address: 'F3', formula: '=SUM(F6,F8)', value: 10 });
    expect(snapshot.computed).toContainEqual({ address: 'H6', formula: '=G6-F6', value: 3 });
    expect(snapshot.computed.map((c) => c.address)).toEqual(['F3', 'H3', 'F6', 'H6', 'F8', 'H8']);
  });

  it('shows a value typed over a formula as that value', async () => {
    const sheet = await sheetAfterWriting(fixturePlan(), { F8: 10, H8: '' });
    const excel = fakeExcel({ sheets: [sheet] });
    const snapshot = await readSnapshot(excel.context, NAME, replanFixture);
    expect(snapshot.computed).toContainEqual({ address: 'F8', formula: 10, value: 10 });
    expect(snapshot.computed).toContainEqual({ address: 'H8', formula: null, value: null });
    expect(snapshot.computed).toContainEqual({ address: 'F6', formula: '=MAX(0,D6-E6-E7*10)', value: 0 });
  });

  it('reads text that begins with "=" typed over a formula as text, not as a formula', async () => {
    // Excel gives such text back unchanged in both formulas and values (office-js #6687)
    const sheet = await sheetAfterWriting(fixturePlan(), { F6: '=见附件' });
    const snapshot = await readSnapshot(fakeExcel({ sheets: [sheet] }).context, NAME, replanFixture);
    expect(snapshot.computed).toContainEqual({ address: 'F6', formula: '=见附件', value: '=见附件' });
  });

  it('picks the layout whose names match the sheet (here: with a policy)', async () => {
    const withPolicy = (): SheetPlan => {
      const plan = fixturePlan({ policyId: 'cq-jiangbei-2025' });
      plan.grid[2]![1] = { value: 'cq-jiangbei-2025', style: 'input' };
      plan.fields.grade = 'H4';
      plan.names.push({ name: 'MIB_GRADE', ref: 'H4' });
      return plan;
    };
    const sheet = await sheetAfterWriting(withPolicy());
    const asked: unknown[] = [];
    const replan: Replanner = (_rubricId, variant) => {
      asked.push(variant);
      return variant.policyId === 'cq-jiangbei-2025' ? withPolicy() : fixturePlan();
    };
    const snapshot = await readSnapshot(fakeExcel({ sheets: [sheet] }).context, NAME, replan);
    expect(snapshot.policyId).toBe('cq-jiangbei-2025');
    expect(asked).toContainEqual({ policyId: 'cq-jiangbei-2025', withAddinFunctions: false });
  });

  it('refuses a sheet whose names moved (rows inserted) instead of misreading it', async () => {
    const sheet = await sheetAfterWriting(fixturePlan());
    sheet.names!.MIB_TOTAL = `='${NAME}'!$F$4`;
    await expect(readSnapshot(fakeExcel({ sheets: [sheet] }).context, NAME, replanFixture)).rejects.toThrow(/布局/);
  });

  it('refuses a sheet that is not an assessment sheet', async () => {
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
    await expect(readSnapshot(excel.context, 'Sheet1', replanFixture)).rejects.toThrow(/不是考核表/);
  });

  it('accepts workbook-scoped names that point into the sheet', async () => {
    const sheet = await sheetAfterWriting(fixturePlan(), { E6: 4 });
    const workbookNames = sheet.names!;
    delete sheet.names;
    const excel = fakeExcel({ sheets: [sheet], workbookNames });
    const snapshot = await readSnapshot(excel.context, NAME, replanFixture);
    expect(snapshot.inputs[0]).toEqual({ id: '1.1', address: 'E6', value: 4 });
  });
});

describe('finding assessment sheets', () => {
  it('lists the sheets that carry a MIB_RUBRIC name, in two syncs', async () => {
    const sheet = await sheetAfterWriting(fixturePlan());
    const excel = fakeExcel({
      sheets: [{ name: 'Sheet1' }, sheet, { name: '别的' }, { name: '模板' }],
      workbookNames: { MIB_RUBRIC: "='模板'!$H$2" },
    });
    expect(await assessmentSheetNames(excel.context)).toEqual([NAME, '模板']);
    expect(excel.syncs()).toBe(2);
  });

  it('tells whether the active sheet is one, in one sync', async () => {
    const sheet = await sheetAfterWriting(fixturePlan());
    const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }, sheet], active: NAME });
    expect(await activeAssessmentSheetName(excel.context)).toBe(NAME);
    expect(excel.syncs()).toBe(1);
    const plain = fakeExcel({ sheets: [{ name: 'Sheet1' }, sheet], active: 'Sheet1' });
    expect(await activeAssessmentSheetName(plain.context)).toBeNull();
  });
});
