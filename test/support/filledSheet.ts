// A template as `mib template` writes it, filled as an institution fills it in Excel (for mib collect and
// the collect → roster round trip).
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { evaluate, getRubric } from '../../src/core';
import { planToXlsx } from '../../src/cli/xlsxTemplate';
import { planSheet } from '../../src/sheet/plan';
import type { SheetPlan } from '../../src/sheet/types';

export interface FillOptions {
  policyId?: string;
  withAddinFunctions?: boolean;
  edit?: (sheet: ExcelJS.Worksheet, plan: SheetPlan) => void;
}

export interface Filled {
  file: string;
  code: string;
  facts: Record<string, unknown>;
  plan: SheetPlan;
}

/** A template as `mib template` writes it, then filled as an institution fills it in Excel: the facts in
 * the input cells, each item's computed score typed as its self-score; `edit` may tamper further. */
export async function fillTemplate(
  file: string,
  rubricId: string,
  code: string,
  facts: Record<string, unknown>,
  options: FillOptions = {},
): Promise<Filled> {
  const rubric = getRubric(rubricId);
  const plan = planSheet(rubric, {
    ...(options.policyId && { policyId: options.policyId }),
    institutionCode: code,
    institutionName: `机构${code}`,
    deposit: 50000,
    ownership: 'public',
    withAddinFunctions: options.withAddinFunctions ?? false,
    convert: true,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await planToXlsx(plan)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  for (const input of plan.inputs) {
    const value = facts[input.id];
    if (value !== undefined) sheet.getCell(input.address).value = value as ExcelJS.CellValue;
  }
  const result = evaluate(rubric, facts, { ownership: 'public' });
  for (const item of plan.items) {
    const score = result.items.find((i) => i.id === item.itemNo)!.score;
    if (rubric.items.find((i) => i.no === item.itemNo)!.points !== null) sheet.getCell(item.selfScore).value = score.toNumber();
  }
  options.edit?.(sheet, plan);
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return { file, code, facts, plan };
}
