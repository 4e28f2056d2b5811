// The compiled `mib` (scripts/build/cliBundle.mjs): built from the sources as they are, starting
// without ExcelJS, csv-parse or iconv-lite, which only template, collect and roster load, and without
// what no command needs (zod's locales), and scoring as the sources do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, loaded by bin/mib.js before anything compiles TypeScript
import { buildBundle, freshBundle } from '../../scripts/build/cliBundle.mjs';
import { mibOnDisk } from '../support/mibOnDisk';

const HEAVY = ['exceljs', 'csv-parse', 'iconv-lite', 'jszip'];

/** The packages and files a bundle file imports statically (`import … from "x"`), not through import(). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** The bundle's files that load when `mib` starts (its entry and what that imports statically), and
 * the packages they import. */
function startup(entry: string): { files: Set<string>; packages: Set<string> } {
  const dir = dirname(entry);
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('./')) visit(join(dir, spec));
      else packages.add(spec.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

const current = async () => (freshBundle() as string | undefined) ?? ((await buildBundle()) as string);

describe('the compiled mib', () => {
  it('is what bin/mib.js runs, fresh from the sources', async () => {
    const entry = (await buildBundle()) as string;
    expect(freshBundle()).toBe(entry);
    const run = spawnSync(process.execPath, ['bin/mib.js', 'grade', '85', '--policy', 'jilin-2025'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('良');
  });

  it('starts without the workbook and CSV libraries; template, collect and roster load them', async () => {
    const entry = await current();
    const { files: seen, packages } = startup(entry);
    expect(seen.size).toBeGreaterThan(1);
    expect([...packages].filter((p) => HEAVY.includes(p))).toEqual([]);
    // nor through require (ExcelJS's parts are required from their own modules, src/cli/exceljs/)
    const required = [...seen].filter((file) => HEAVY.some((p) => new RegExp(`require\\(["']${p}[/"']`).test(readFileSync(file, 'utf8'))));
    expect(required).toEqual([]);
    // and they are there, behind import(): the files that read CSV (roster, collect --roster) are not loaded at start
    const holders = spawnSync('grep', ['-l', 'csv-parse', '-r', dirname(entry)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.filter((file) => seen.has(file))).toEqual([]);
  });

  it('starts without zod’s locales and JSON Schema converters (zod imported as a namespace, so esbuild drops what no command uses)', async () => {
    const entry = await current();
    const meta = JSON.parse(readFileSync(join(dirname(entry), 'metafile.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const root = process.cwd();
    const loaded = [...startup(entry).files].flatMap((file) => Object.keys(meta.outputs[relative(root, file)]?.inputs ?? {}));
    // the metafile names every file of the start-up
    expect(loaded.some((input) => input.endsWith('src/cli/bin.ts'))).toBe(true);
    expect(loaded.some((input) => /zod\/v4\/core\/schemas\.js$/.test(input))).toBe(true);
    // English is zod's default (its messages are translated by src/core/messages/zodMessages.ts): no other locale
    expect(loaded.filter((input) => /zod\/v4\/locales\/(?!en\.js)/.test(input))).toEqual([]);
    expect(loaded.filter((input) => /zod\/v4\/classic\/from-json-schema/.test(input))).toEqual([]);
  });

  it('starts without the shipped tables: each is a file beside the bundle, read when a command names it', async () => {
    const entry = await current();
    const meta = JSON.parse(readFileSync(join(dirname(entry), 'metafile.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const tables = Object.values(meta.outputs).flatMap((output) => Object.entries(output.inputs).filter(([input]) => input.startsWith('rubrics/')));
    // the four tables and four policies, each in the bundle as the few bytes that read its file
    expect(tables.map(([input]) => input).sort()).toEqual([
      'rubrics/cq-jiangbei-2025-hospital.json',
      'rubrics/cq-jiangbei-2025-pharmacy.json',
      'rubrics/policies/cq-jiangbei-2025.json',
      'rubrics/policies/jilin-2025.json',
      'rubrics/policies/ningde-2025-hospital.json',
      'rubrics/policies/ningde-2025-pharmacy.json',
      'rubrics/weihai-2021-hospital-l1.json',
      'rubrics/weihai-2021-hospital-l2.json',
    ]);
    for (const [, { bytesInOutput }] of tables) expect(bytesInOutput).toBeLessThan(300);
    // and the file holds the table as the build checked it
    const l2 = JSON.parse(readFileSync(join(dirname(entry), 'tables', 'weihai-2021-hospital-l2.json'), 'utf8')) as { id: string; items: unknown[] };
    expect(l2.id).toBe('weihai-2021-hospital-l2');
    expect(l2.items.length).toBeGreaterThan(0);
  });

  it('scores as the sources do, the shipped table and policy read from their files', async () => {
    await current();
    const argv = [
      'score',
      'cq-jiangbei-2025-hospital',
      '--input',
      'examples/jiangbei-hospital.json',
      '--ownership',
      '公立',
      '--policy',
      'cq-jiangbei-2025',
    ];
    for (const extra of [[], ['--json']]) {
      const compiled = spawnSync(process.execPath, ['bin/mib.js', ...argv, ...extra], { encoding: 'utf8' });
      const sources = await mibOnDisk(...argv, ...extra);
      expect(compiled.status).toBe(0);
      expect(sources.code).toBe(0);
      expect(compiled.stdout.trimEnd()).toBe(sources.out);
    }
    // a real outcome, from the table: 江北 医院 item 4 (医保支付资格相关人员) 3 of 5 in this example
    const shown = spawnSync(process.execPath, ['bin/mib.js', ...argv], { encoding: 'utf8' }).stdout;
    expect(shown).toContain('医保支付资格相关人员是否管理到位：3 / 5');
  });
});

/** The files of ExcelJS a `mib` command loads (Node names each CommonJS file it loads under NODE_DEBUG=module),
 * relative to the package, with a scratch folder for its files. */
function exceljsLoaded(args: (dir: string) => string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mib-bundle-'));
  try {
    const run = spawnSync(process.execPath, ['bin/mib.js', ...args(dir)], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
    expect(run.status, run.stderr.slice(-500)).toBeLessThan(2);
    return [...run.stderr.matchAll(/load "([^"]*node_modules\/exceljs\/[^"]*)"/g)].map((m) => relative('node_modules/exceljs', m[1]!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package's entry, which loads every part, and its streamed reader. */
const WHOLE = /workbook-reader|exceljs\.nodejs|excel\.js$/;

describe('the parts of ExcelJS a command loads', () => {
  it('mib roster -o: the streamed writer alone, not the package whole with its reader', () => {
    const loaded = exceljsLoaded((dir) => {
      const csv = join(dir, 'roster.csv');
      writeFileSync(csv, '机构编码,机构名称,1.1\nW1,甲医院,0\n');
      return ['roster', 'weihai-2021-hospital-l2', '--input', csv, '-o', join(dir, 'out.xlsx')];
    });
    expect(loaded).toContain(join('lib', 'stream', 'xlsx', 'workbook-writer.js'));
    expect(loaded.filter((file) => WHOLE.test(file))).toEqual([]);
  });

  it('mib template: the workbook, not the package whole', () => {
    const loaded = exceljsLoaded((dir) => ['template', 'cq-jiangbei-2025-hospital', '-o', join(dir, 'form.xlsx')]);
    expect(loaded).toContain(join('lib', 'doc', 'workbook.js'));
    expect(loaded.filter((file) => WHOLE.test(file))).toEqual([]);
  });
});
