// The compiled `mib` (scripts/build/cliBundle.mjs): built from the sources as they are, and starting
// without ExcelJS, csv-parse or iconv-lite, which only template, collect and roster load.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, loaded by bin/mib.js before anything compiles TypeScript
import { buildBundle, freshBundle } from '../../scripts/build/cliBundle.mjs';

const HEAVY = ['exceljs', 'csv-parse', 'iconv-lite', 'jszip'];

/** The packages and files a bundle file imports statically (`import … from "x"`), not through import(). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe('the compiled mib', () => {
  it('is what bin/mib.js runs, fresh from the sources', async () => {
    const entry = (await buildBundle()) as string;
    expect(freshBundle()).toBe(entry);
    const run = spawnSync(process.execPath, ['bin/mib.js', 'grade', '85', '--policy', 'jilin-2025'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('良');
  });

  it('starts without the workbook and CSV libraries; template, collect and roster load them', async () => {
    const entry = (freshBundle() as string | undefined) ?? ((await buildBundle()) as string);
    const dir = dirname(entry);
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith('./')) visit(join(dir, spec));
        else packages.add(spec.split('/')[0]!);
      }
    };
    visit(entry);
    expect(seen.size).toBeGreaterThan(1);
    expect([...packages].filter((p) => HEAVY.includes(p))).toEqual([]);
    // and they are there, behind import(): the files that read CSV (roster, collect --roster) are not loaded at start
    const holders = spawnSync('grep', ['-l', 'csv-parse', '-r', dir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.filter((file) => seen.has(file))).toEqual([]);
  });
});
