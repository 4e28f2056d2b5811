import type { Policy, Rubric } from '../../core';
import type { PeerOptions } from '../../core/roster/types';
import { columnLetters } from '../../sheet/memory/a1';
import type { WorkbookPort } from '../../sheet/port';
import { expandPlan, peerUpdates } from '../../sheet/roster/expand';
import { rosterSource } from '../../sheet/roster/source';
import type { Locale } from '../i18n';
import { type Progress, runScore } from '../work/jobs';
import type { RosterRun } from './rosterRun';

export interface RosterChoice {
  sheetName: string;
  rubric: Rubric;
  policy?: Policy;
  convert: boolean;
  intervals: PeerOptions['intervals'];
}

/**
 * 计算: read the roster sheet through the port, score it in the core and plan 汇总名单 / 汇总统计 / 同级分组
 * in the pane's worker (runScore), write them (in place of those the last 计算 wrote, `previous`), and
 * write the new peer-computed values into the sheets expanded from this roster. `onProgress` follows it.
 */
export async function computeRoster(
  port: WorkbookPort,
  choice: RosterChoice,
  previous: readonly string[] = [],
  onProgress?: (progress: Progress) => void,
): Promise<RosterRun> {
  const values = await port.readValues(choice.sheetName);
  const scored = await runScore(
    {
      sheetName: choice.sheetName,
      values,
      rubric: choice.rubric,
      ...(choice.policy && { policy: choice.policy }),
      convert: choice.convert,
      intervals: choice.intervals,
    },
    onProgress,
  );
  const { result } = scored;
  onProgress?.({ stage: 'write', done: 0, total: scored.sheets.length });
  // the cells' addresses on the sheet (展开 links to them, a problem's cell is selected from them), in a
  // task of its own
  await new Promise((resolve) => setTimeout(resolve, 0));
  const source = rosterSource(choice.sheetName, values);
  await new Promise((resolve) => setTimeout(resolve, 0));
  // the sheets the last 计算 wrote give way (never the roster itself), so the new ones keep their names
  await port.deleteSheets(previous.filter((name) => name !== source.sheetName));
  const written = await port.createGridSheets(scored.sheets);
  const last = columnLetters(scored.columnCount - 1);
  let expandedUpdated = 0;
  for (const name of await port.listAssessmentSheets()) {
    let snapshot;
    try {
      snapshot = await port.readSheet(name);
    } catch {
      continue; // a sheet whose layout was changed by hand is left alone (检查 says why)
    }
    const blocks = peerUpdates(source.sheetName, choice.rubric.id, result.institutions, snapshot);
    if (blocks.length === 0) continue;
    await port.writeCells(name, blocks);
    expandedUpdated++;
  }
  return {
    source,
    rubric: choice.rubric,
    ...(choice.policy && { policy: choice.policy }),
    convert: choice.convert,
    result,
    columns: scored.columns,
    problems: scored.problems,
    histogram: scored.histogram,
    written,
    rosterSheet: written[0]!,
    rosterRow: (index) => `A${scored.firstRow + index}:${last}${scored.firstRow + index}`,
    expandedUpdated,
  };
}

/** 展开: the institution's full assessment sheet, its cells linked to the roster (expandPlan). */
export async function expandInstitution(port: WorkbookPort, run: RosterRun, index: number, locale: Locale): Promise<string> {
  const row = run.result.institutions[index];
  if (!row) throw new Error(`no institution ${index}`);
  const { plan, links } = expandPlan(run.rubric, row, run.source, run.columns, {
    ...(run.policy && { policyId: run.policy.id }),
    convert: run.convert,
    withAddinFunctions: port.connected,
    locale,
  });
  const name = await port.createSheet(plan);
  await port.writeCells(name, links);
  return name;
}
