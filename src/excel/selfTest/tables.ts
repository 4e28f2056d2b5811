import { bundledRubricIds, evaluate, getRubric } from '../../core';
import { cellAddress, parseCell, parseRange } from '../../sheet/memory/a1';
import { typedFormula } from '../../sheet/memory/formulaText';
import { planSheet } from '../../sheet/plan';
import type { SheetValues } from '../../sheet/port';
import type { PlainValue, SheetPlan } from '../../sheet/types';
import { selfTestFacts } from './facts';
import { type SelfTestContext, attempt, bareAddress, comparableFormula, failed, passed, sameValue, skipped } from './step';
import type { StepResult } from './types';

/** Every sheet the self-test makes starts with this: a name no clerk's sheet has, removed at the end. */
export const SCRATCH_PREFIX = 'MIB自检-';

/** The policy every bundled table is planned under: 吉林's grades and refunds, 折算 where the scales differ. */
const POLICY = 'jilin-2025';

/** One bundled table's sheet: planned, written, read back and examined. */
export interface WrittenTable {
  rubricId: string;
  sheetName: string;
  plan: SheetPlan;
  facts: Record<string, unknown>;
}

/** The plan the self-test writes for a bundled table: facts filled in, a deposit, the add-in's functions
 * where the host has them. */
export function selfTestPlan(
  rubricId: string,
  index: number,
  withAddinFunctions: boolean,
  locale: 'zh-CN' | 'en-US',
): { plan: SheetPlan; facts: Record<string, unknown> } {
  const rubric = getRubric(rubricId);
  const facts = selfTestFacts(rubric);
  const plan = planSheet(rubric, {
    policyId: POLICY,
    convert: true,
    deposit: '100000',
    institutionCode: `SELFTEST${index + 1}`,
    institutionName: '自检机构',
    year: 2025,
    inputs: facts,
    withAddinFunctions,
    locale,
    sheetName: `${SCRATCH_PREFIX}${index + 1}`,
  });
  return { plan, facts };
}

/** The steps for each bundled table: write, read back, the core's numbers, names, validation, protection,
 * print layout. A table whose sheet cannot be written gets that failure alone. */
export async function tableSteps(context: SelfTestContext, locale: 'zh-CN' | 'en-US'): Promise<{ steps: StepResult[]; written: WrittenTable[] }> {
  const steps: StepResult[] = [];
  const written: WrittenTable[] = [];
  for (const [index, rubricId] of bundledRubricIds.entries()) {
    let table: WrittenTable | undefined;
    steps.push(
      await attempt('write', rubricId, async () => {
        const { plan, facts } = selfTestPlan(rubricId, index, context.host.customFunctions === null, locale);
        const sheetName = await context.host.port.createSheet(plan);
        context.created.push(sheetName);
        table = { rubricId, sheetName, plan, facts };
        return passed(context.t('written', { sheet: sheetName }));
      }),
    );
    if (!table) continue;
    written.push(table);
    const values = await context.host.port.readValues(table.sheetName).catch(() => null);
    steps.push(await readBack(context, table));
    steps.push(await coreNumbers(context, table, values));
    steps.push(await names(context, table));
    steps.push(await validation(context, table));
    steps.push(await protection(context, table));
    steps.push(await printLayout(context, table));
  }
  return { steps, written };
}

/** The value at an address of a used range read through the port. */
export function valueAt(values: SheetValues | null, address: string): PlainValue | null {
  if (!values) return null;
  const origin = parseCell(values.origin);
  const { row, col } = parseCell(address);
  return values.values[row - origin.row]?.[col - origin.col] ?? null;
}

function readBack(context: SelfTestContext, table: WrittenTable): Promise<StepResult> {
  return attempt('readBack', table.rubricId, async () => {
    const { port } = context.host;
    const values = await port.readValues(table.sheetName);
    const snapshot = await port.readSheet(table.sheetName);
    const differences: string[] = [];
    let cells = 0;
    table.plan.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || !('value' in cell)) return;
        cells++;
        const address = cellAddress(r, c);
        const found = valueAt(values, address);
        if (!sameValue(found, cell.value)) differences.push(`${address} ${JSON.stringify(found)} ≠ ${JSON.stringify(cell.value)}`);
      }),
    );
    let formulas = 0;
    for (const { address, formula } of snapshot.computed) {
      const { row, col } = parseCell(address);
      const planned = table.plan.grid[row]?.[col];
      if (!planned || !('formula' in planned)) continue;
      formulas++;
      if (typeof formula !== 'string' || comparableFormula(formula) !== comparableFormula(typedFormula(planned.formula))) {
        differences.push(`${address} ${JSON.stringify(formula)}`);
      }
    }
    const plannedInputs = table.plan.inputs.map((input) => `${input.id}@${input.address}`).join();
    if (snapshot.inputs.map((input) => `${input.id}@${input.address}`).join() !== plannedInputs) differences.push('inputs');
    return differences.length === 0
      ? passed(context.t('readBackSame', { cells, formulas, inputs: snapshot.inputs.length }))
      : failed(context.t('readBackDiffers', { count: differences.length, examples: differences.slice(0, 3).join('; ') }));
  });
}

function coreNumbers(context: SelfTestContext, table: WrittenTable, values: SheetValues | null): Promise<StepResult> {
  return attempt('coreNumbers', table.rubricId, async () => {
    if (!context.host.computesFormulas) return skipped(context.t('noCompute'));
    const core = evaluate(getRubric(table.rubricId), table.facts).total.toNumber();
    const sheet = valueAt(values, table.plan.fields.total);
    return sameValue(sheet, core) ? passed(context.t('coreSame', { total: core })) : failed(context.t('coreDiffers', { sheet: String(sheet), core }));
  });
}

function names(context: SelfTestContext, table: WrittenTable): Promise<StepResult> {
  return attempt('names', table.rubricId, async () => {
    const read = context.host.inspector.names;
    if (!read) return skipped(context.t('notInspectable', { what: context.t('what_names') }));
    const found = await read(table.sheetName);
    const wrong = table.plan.names.filter((name) => bareAddress(found.get(name.name.toUpperCase()) ?? '') !== bareAddress(name.ref));
    return wrong.length === 0
      ? passed(context.t('namesSame', { count: table.plan.names.length }))
      : failed(
          context.t('namesDiffer', {
            examples: wrong
              .slice(0, 3)
              .map((n) => `${n.name} → ${found.get(n.name.toUpperCase()) ?? '—'} (${n.ref})`)
              .join('; '),
          }),
        );
  });
}

function validation(context: SelfTestContext, table: WrittenTable): Promise<StepResult> {
  return attempt('validation', table.rubricId, async () => {
    const read = context.host.inspector.validation;
    if (!read) return skipped(context.t('notInspectable', { what: context.t('what_validation') }));
    const first = table.plan.validations[0];
    if (!first) return skipped('—');
    const rect = parseRange(first.range.split(',')[0]!);
    const address = cellAddress(rect.top, rect.left);
    const found = await read(table.sheetName, address);
    const kind = context.t(`kind_${first.rule.kind}`);
    return found.kind === first.rule.kind
      ? passed(context.t('validationSame', { address, kind, source: found.source ? `（${found.source.slice(0, 60)}）` : '' }))
      : failed(context.t('validationDiffers', { address, found: found.kind, kind }));
  });
}

function protection(context: SelfTestContext, table: WrittenTable): Promise<StepResult> {
  return attempt('protection', table.rubricId, async () => {
    const { port, inspector } = context.host;
    if (inspector.isProtected && !(await inspector.isProtected(table.sheetName))) return failed(context.t('protectionNotProtected'));
    const locked = table.plan.fields.total;
    const input = table.plan.inputs[0];
    let refused = false;
    await port.writeCells(table.sheetName, [{ address: locked, rows: [[0]] }]).catch(() => (refused = true));
    if (!refused) return failed(context.t('protectionLockedWritten', { locked }));
    if (input) {
      const { row, col } = parseCell(input.address);
      const planned = table.plan.grid[row]?.[col];
      await port.writeCells(table.sheetName, [{ address: input.address, rows: [[planned && 'value' in planned ? planned.value : null]] }]);
    }
    return passed(context.t('protectionHeld', { locked, input: input?.address ?? '—' }));
  });
}

function printLayout(context: SelfTestContext, table: WrittenTable): Promise<StepResult> {
  return attempt('printLayout', table.rubricId, async () => {
    const read = context.host.inspector.printLayout;
    if (!read) return skipped(context.t('notInspectable', { what: context.t('what_printLayout') }));
    const found = await read(table.sheetName);
    // Excel keeps a print scale within 10–400 (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions)
    const scale = Math.min(400, Math.max(10, table.plan.print.scale));
    const titleRows = bareAddress(table.plan.printTitleRows);
    const same = found.orientation === 'Landscape' && found.scale === scale && bareAddress(found.titleRows ?? '') === titleRows;
    return same
      ? passed(context.t('printSame', { scale, titleRows }))
      : failed(context.t('printDiffers', { found: `${found.orientation}, ${found.scale ?? '—'}%, ${found.titleRows ?? '—'}`, scale, titleRows }));
  });
}
