// `npm run bench`, custom functions section: bundle sizes (raw and gzip -9) of the production build, with
// office.js listed apart, against the 60 KB gzipped budget of the functions bundle; then 10,000 MIB.SCORE
// calls as Excel makes them (2-D ranges: a header row of ids, a roster row of values) over a roster of the
// 威海 二级 table, beside a plain-number floor over the same ranges. Prints only; nothing is asserted.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { getRubric, inputIndex, rubricIds, type Rubric } from '../src/core';
import { OFFICE_JS_DIR } from '../scripts/build/officeJs';
import { buildAddin } from '../scripts/build/runBuild';
import { roster } from './core';

export const FUNCTIONS_BUDGET_GZIP = 60 * 1024;
const CALLS = 10_000;
const WEIHAI_L2 = 'weihai-2021-hospital-l2';
const FALLBACK = 'cq-jiangbei-2025-hospital';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sizes(dir: string, file: string): { raw: number; gzip: number } {
  const content = readFileSync(path.join(dir, file));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

function bundleSizes(): void {
  const out = mkdtempSync(path.join(os.tmpdir(), 'mib-bench-dist-'));
  try {
    const { seconds } = buildAddin(out, { mode: 'production' });
    console.log(`production build: ${seconds.toFixed(1)} s`);
    const line = (file: string) => {
      const s = sizes(out, file);
      console.log(`  ${file.padEnd(44)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
      return s;
    };
    console.log('the add-in:');
    const functions = line('functions.js');
    line('taskpane.js');
    for (const file of ['taskpane.html', 'functions.json', 'functions.zh-CN.json', 'manifest.xml']) line(file);
    console.log(`office.js, served from the add-in (${OFFICE_JS_DIR}/, copied as shipped; Excel loads office.js and one host file):`);
    let raw = 0;
    let gzip = 0;
    for (const file of filesUnder(path.join(out, OFFICE_JS_DIR)).sort()) {
      const s = line(`${OFFICE_JS_DIR}/${file}`);
      raw += s.raw;
      gzip += s.gzip;
    }
    console.log(`  ${'all office.js files'.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gzip).padStart(10)} gzip`);
    const met = functions.gzip <= FUNCTIONS_BUDGET_GZIP;
    console.log(`budget: functions.js at most ${kb(FUNCTIONS_BUDGET_GZIP)} gzipped — ${kb(functions.gzip)}: ${met ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** A roster sheet as Excel hands it to =MIB.SCORE(rubric, $B$1:$AL$1, B2:AL2): the header row of ids and
 * one row of values per institution, yes/no shown as 是/否, counts and ratios as numbers. */
function rosterRanges(rubric: Rubric, count: number): { ids: unknown[][]; rows: unknown[][][] } {
  const ids = [...inputIndex(rubric).byId.keys()];
  const rows = roster(rubric, count).map((facts) => [
    ids.map((id) => (typeof facts[id] === 'boolean' ? (facts[id] ? '是' : '否') : (facts[id] ?? null))),
  ]);
  return { ids: [ids], rows };
}

/** The floor: the same ranges read as plain numbers (是 = 1), each item's points minus what its cells
 * hold, no parsing, no Decimal, no trace. */
function plainFloor(rubric: Rubric, ids: unknown[][], rows: unknown[][][]): number {
  const { byId } = inputIndex(rubric);
  const itemIndex = new Map(rubric.items.map((item, i) => [item, i]));
  const itemOf = (ids[0] ?? []).map((id) => {
    const item = byId.get(String(id))?.item;
    return item ? (itemIndex.get(item) ?? -1) : -1;
  });
  const points = rubric.items.map((item) => item.points ?? 0);
  let checksum = 0;
  for (const range of rows) {
    const deduct = new Array<number>(points.length).fill(0);
    (range[0] ?? []).forEach((cell, i) => {
      const n = typeof cell === 'number' ? cell : cell === '是' ? 1 : 0;
      const at = itemOf[i] ?? -1;
      if (at >= 0) deduct[at] = (deduct[at] ?? 0) + n;
    });
    let total = 0;
    points.forEach((p, i) => {
      total += Math.max(0, p - (deduct[i] ?? 0));
    });
    checksum += total;
  }
  return checksum;
}

async function scoreCalls(): Promise<void> {
  const rubricId = rubricIds.includes(WEIHAI_L2) ? WEIHAI_L2 : FALLBACK;
  if (rubricId !== WEIHAI_L2) console.log(`${WEIHAI_L2} is not in the registry yet: the roster uses ${FALLBACK}`);
  const rubric = getRubric(rubricId);
  // the runtime's global, as the shell reads it when a call fails
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions ??= {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: () => undefined,
  };
  const { mibScore } = await import('../src/functions/functions');
  const { ids, rows } = rosterRanges(rubric, CALLS);
  let errors = 0;
  const calls = () => {
    errors = 0;
    for (const values of rows) if (typeof mibScore(rubricId, ids, values) !== 'number') errors++;
  };
  calls(); // warm-up
  let started = performance.now();
  calls();
  const scorePerSecond = CALLS / ((performance.now() - started) / 1000);
  plainFloor(rubric, ids, rows);
  started = performance.now();
  plainFloor(rubric, ids, rows);
  const floorPerSecond = CALLS / ((performance.now() - started) / 1000);
  console.log(
    `${CALLS.toLocaleString('en-US')} MIB.SCORE calls over a ${rubricId} roster (${ids[0]?.length} ids per row): ` +
      `${Math.round(scorePerSecond).toLocaleString('en-US')} calls/s   plain-number floor: ${Math.round(floorPerSecond).toLocaleString('en-US')} /s   ` +
      `ratio floor/SCORE: ${(floorPerSecond / scorePerSecond).toFixed(1)}×${errors > 0 ? `   (${errors} calls returned #VALUE!)` : ''}`,
  );
}

export async function benchFunctions(): Promise<void> {
  bundleSizes();
  await scoreCalls();
}
