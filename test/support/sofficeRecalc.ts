// Recalculates .xlsx files with LibreOffice (headless, one process for all files, a fresh profile that
// forces recalculation on load) and reads every cell's computed value back with ExcelJS.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';

/** A cell's computed value, on the first sheet unless another (1-based, in workbook order) is named; and the
 * sheets' names as LibreOffice saved them. */
export type Computed = ((address: string, sheet?: number) => string | number | boolean | null) & { sheetNames: string[] };

/** The profile setting that makes LibreOffice recompute OOXML formulas on load (0 = always). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficeVersion(): string | null {
  const r = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Converts every file to .xlsx through LibreOffice in one run; returns a reader per input file. */
export async function recalculate(files: string[]): Promise<Map<string, Computed>> {
  const work = mkdtempSync(join(tmpdir(), 'mib-soffice-'));
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = join(work, 'out');
  mkdirSync(out);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'xlsx', '--outdir', out, ...files],
    { stdio: 'pipe', timeout: 170_000 },
  );
  const readers = new Map<string, Computed>();
  for (const file of files) readers.set(file, await cellValues(readFileSync(join(out, basename(file)))));
  return readers;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The values stored in the first sheet of an .xlsx, read from its XML. (ExcelJS is not used here: it
 * drops a formula's cached result when that result is 0.)
 */
async function cellValues(data: Buffer): Promise<Computed> {
  const zip = await JSZip.loadAsync(data);
  const shared: string[] = [];
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  for (const si of sst?.match(/<si>[\s\S]*?<\/si>/g) ?? []) {
    shared.push(unescape((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')));
  }
  const sheets = new Map<number, Map<string, string | number | boolean | null>>();
  for (let n = 1; zip.file(`xl/worksheets/sheet${n}.xml`); n++) {
    const xml = (await zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string')) ?? '';
    const cells = new Map<string, string | number | boolean | null>();
    for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, ref, attrs = '', body = ''] = match;
      const type = /t="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
      let value: string | number | boolean | null = null;
      if (type === 's' && v !== undefined) value = shared[Number(v)] ?? null;
      else if (type === 'str' || type === 'e') value = v === undefined ? '' : unescape(v);
      else if (type === 'inlineStr') value = inline === undefined ? '' : unescape(inline);
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      cells.set(ref!, value);
    }
    sheets.set(n, cells);
  }
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const sheetNames = [...workbook.matchAll(/<sheet [^>]*?name="([^"]*)"/g)].map((m) => unescape(m[1]!));
  return Object.assign((address: string, sheet = 1) => sheets.get(sheet)?.get(address) ?? null, { sheetNames });
}
