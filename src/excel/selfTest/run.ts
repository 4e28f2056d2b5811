import { customFunctionStep } from './customFunction';
import { rosterStep } from './roster';
import { type SelfTestContext, attempt, failed, passed } from './step';
import { storedFilesStep } from './storedFiles';
import { SCRATCH_PREFIX, tableSteps } from './tables';
import { selfTestTranslator } from './text';
import type { SelfTestHost, SelfTestReport, StepResult } from './types';

export interface SelfTestOptions {
  locale: 'zh-CN' | 'en-US';
  addinVersion: string;
  /** called after each step, for a progress line */
  onStep?: (step: StepResult) => void;
  now?: () => Date;
}

/**
 * 自检: in whatever workbook the host holds, writes each bundled table's sheet under a scratch name
 * (MIB自检-…), reads it back against the plan and the core's numbers, examines names, validation,
 * protection and print layout, writes the roster sheets with their chart, stores and reads back a file in
 * MIB_FILES, recalculates one MIB.SCORE, then deletes everything it made (also when a step fails) and
 * returns the report, the user's selection back where it was. Every step works through the port, the file store and the host's inspector, so the
 * same code runs on Excel and on the in-memory workbook.
 */
export async function runSelfTest(host: SelfTestHost, options: SelfTestOptions): Promise<SelfTestReport> {
  const t = selfTestTranslator(options.locale);
  const context: SelfTestContext = { host, t, created: [] };
  const steps: StepResult[] = [];
  const record = (step: StepResult) => {
    steps.push(step);
    options.onStep?.(step);
  };
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const info = await host.info();
  // where the user was: selected again at the end, once the self-test's sheets are gone
  const where = await host.port.selection().catch(() => null);

  record(
    await attempt('cleanupBefore', undefined, async () => {
      const left = (await host.port.listSheets()).filter((name) => name.startsWith(SCRATCH_PREFIX));
      await host.port.deleteSheets(left);
      return passed(left.length > 0 ? t('leftovers', { names: left.join('、') }) : t('noLeftovers'));
    }),
  );
  try {
    const { steps: tables, written } = await tableSteps(context, options.locale);
    tables.forEach(record);
    record(await rosterStep(context));
    record(await storedFilesStep(context));
    record(await customFunctionStep(context, written));
  } finally {
    record(
      await attempt('cleanup', undefined, async () => {
        // with what it made, the sheets that go with them (a form's 填报明细), all named from the scratch prefix
        const made = [...new Set([...context.created, ...(await host.port.listSheets()).filter((name) => name.startsWith(SCRATCH_PREFIX))])];
        await host.port.deleteSheets(made);
        const left = (await host.port.listSheets()).filter((name) => made.includes(name));
        return left.length === 0 ? passed(t('cleaned', { count: context.created.length })) : failed(t('cleanupLeft', { names: left.join('、') }));
      }),
    );
    if (where) await host.port.select(where.sheetName, where.address).catch(() => undefined);
  }
  return { startedAt, addinVersion: options.addinVersion, info, steps };
}
