// `npm run bench`, collecting section: 500 filled 威海 二级 sheets, as institutions send them back, read by
// `mib collect` into one roster (goal ≤ 60 s on the 2-core machine). Prints only; nothing is asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { evaluate, getRubric } from '../src/core';
import { run } from '../src/cli/main';
import { planToXlsx } from '../src/cli/xlsxTemplate';
import { planSheet } from '../src/sheet/plan';
import { roster } from './core';

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

    const out: string[] = [];
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const code = await run(['collect', ...files, '-o', join(dir, 'roster.xlsx')], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      readFile: (path) => readFileSync(path, 'utf8'),
      readBytes: (path) => readFileSync(path),
      writeFile: (path, data) => writeFileSync(path, data),
    });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `mib collect of ${COUNT} sheets: ${seconds.toFixed(1)} s (${((seconds * 1000) / COUNT).toFixed(0)} ms a sheet; goal ≤ 60 s), exit ${code}, rss ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
    console.log(`  ${out.at(-1) ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
