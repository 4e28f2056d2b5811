// `npm run bench`, collecting section: 500 filled 威海 二级 sheets, as institutions send them back, read by
// `mib collect` into one roster, on one thread and in worker threads (goal ≤ 60 s on the 2-core machine, and the workers ≥ 1.7× faster). Prints only; nothing is asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { evaluate, getRubric } from '../src/core';
import { workerCount } from '../src/cli/collect/readSources';
import { planToXlsx } from '../src/cli/xlsxTemplate';
import { planSheet } from '../src/sheet/plan';
import { nodeProcess } from './child';
import { roster } from './core';
import { mb } from './measure';

const COUNT = 500;
const RUBRIC = 'weihai-2021-hospital-l2';

export async function benchCollect(): Promise<void> {
  const rubric = getRubric(RUBRIC);
  const dir = mkdtempSync(join(tmpdir(), 'mib-bench-collect-'));
  try {
    // the template once, then each institution's facts and self-scores typed into it and saved
    const plan = planSheet(rubric, { policyId: 'jilin-2025', deposit: 50000, ownership: 'public', convert: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await planToXlsx(plan)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const prepared = performance.now();
    const files: string[] = [];
    for (const [k, facts] of roster(rubric, COUNT, 14).entries()) {
      sheet.getCell(plan.fields.institutionCode).value = `WH${String(k).padStart(4, '0')}`;
      sheet.getCell(plan.fields.institutionName).value = `威海第${k + 1}医院`;
      for (const input of plan.inputs) sheet.getCell(input.address).value = (facts[input.id] ?? null) as ExcelJS.CellValue;
      const result = evaluate(rubric, facts, { ownership: 'public' });
      plan.items.forEach((item, i) => {
        if (rubric.items[i]!.points !== null) sheet.getCell(item.selfScore).value = result.items[i]!.score.toNumber();
      });
      const file = join(dir, `${k}.xlsx`);
      writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
      files.push(file);
    }
    const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
    console.log(
      `${COUNT} filled ${RUBRIC} sheets written in ${((performance.now() - prepared) / 1000).toFixed(1)} s (${(bytes / COUNT / 1024).toFixed(0)} KB each)`,
    );

    // the whole command as a user runs it, on one thread and with its worker threads, each its own process
    const args = ['bin/mib.js', 'collect', ...files, '-o', join(dir, 'roster.xlsx')];
    const one = nodeProcess(args, { MIB_COLLECT_WORKERS: '0' });
    const many = nodeProcess(args);
    for (const [label, r] of [
      ['one thread', one],
      [`worker threads (${workerCount(COUNT)})`, many],
    ] as const) {
      console.log(
        `mib collect of ${COUNT} sheets, ${label}: wall ${(r.wallMs / 1000).toFixed(1)} s (${(r.wallMs / COUNT).toFixed(0)} ms a sheet; goal ≤ 60 s), CPU ${(r.cpuMs / 1000).toFixed(1)} s, peak RSS ${mb(r.maxRss)}, exit ${r.code}, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    console.log(`  workers against one thread: ${(one.wallMs / many.wallMs).toFixed(2)}× faster in wall time (goal ≥ 1.7× on 2 cores)`);
    console.log(`  ${many.stdout.trim().split('\n').at(-1) ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
