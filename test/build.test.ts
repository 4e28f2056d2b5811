// The production build, run once into a temporary folder with MIB_PUBLIC_URL set (as an agency would
// build for its intranet server): what dist/ holds and what it may reference.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressesInFile } from '../scripts/build/addressScan';
import { OFFICE_JS_DIR, OFFICE_JS_FILES, OFFICE_JS_STAND_INS, officeJsDist } from '../scripts/build/officeJs';
import { buildAddin } from '../scripts/build/runBuild';
import { checkManifest, manifestUrls, parseManifest } from '../scripts/manifest/checkManifest';
import { type FunctionsMetadata, localizeMetadata } from '../src/functions/metadata/localize';
import { declaredSet, flagsBeyond } from '../src/functions/metadata/runtime';
import { zhCNFunctions } from '../src/functions/metadata/zh-CN';
import { EXCEL_FUNCTIONS } from './functions/excelBuiltins';
import { EXAMPLE, EXAMPLE_TOTAL, JIANGBEI, sheet } from './functions/excelArgs';
import { launchChromium, serve } from './support/paneHarness';

const PUBLIC_URL = 'https://yb.example.gov.cn/mib/';
const ORIGIN = new URL(PUBLIC_URL).origin;

let out: string;

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'mib-dist-'));
  buildAddin(out, { mode: 'production', publicUrl: PUBLIC_URL });
}, 900_000); // a production build: about a minute on a quiet machine, over 8 minutes on a loaded one

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function files(dir = out): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [path.relative(out, full).split(path.sep).join('/')];
  });
}

const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as FunctionsMetadata;

/**
 * Addresses allowed in the add-in's own bundles, each an exact string that is data, never a request:
 * - XML namespace URIs React DOM sets on SVG/MathML elements (namespaces name, they are not fetched);
 * - the base of React's production error text ("see https://react.dev/errors/418"), never fetched;
 * - in taskpane.js only, from zod: the pane checks a region's imported file with the rubric and policy
 *   schemas (as `mib check` does), which brings zod's JSON Schema dialect names (`$schema` values it
 *   writes, never fetched) and the "http://[" its URL check builds for an IPv6 host. functions.js
 *   carries zod/mini only (cell values, src/core/numbers/cellValues.ts): the bundled rubrics are checked at
 *   build time (scripts/build/shippedData.ts).
 */
const OWN_ALLOWED = new Set([
  // in charts.js (the 汇总 tab's charts, loaded on demand), from d3-selection: the namespaces it names
  // elements and attributes by
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'https://react.dev/errors/',
  'https://json-schema.org/draft/2020-12/schema',
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-04/schema#',
  'http://[',
]);

/**
 * Addresses allowed in the office.js files, copied unmodified from @microsoft/office-js (its licence
 * allows distribution in original form only). Each is exact; a new one fails the test until reviewed.
 * - "http://", "https://": bare scheme prefixes its URL checks compare against;
 * - document.localhost: Office's in-document pseudo-origin, resolved inside the host, never on a network;
 * - the two patterns: regular expressions recognising Office on the web's own frames;
 * - support.microsoft.com / docs.microsoft.com: link text inside error messages Office shows;
 * - //ajax.aspnetcdn.com/…/MicrosoftAjax.js: office.js loads it only under a flag that is constant false
 *   in this build, and the host files only in loadMsAjaxFull, which nothing calls;
 * - alcdn.msauth.net/…/msal-browser.min.js: loaded only by Office's single sign-on (Office.auth /
 *   OfficeRuntime.auth), which this add-in never calls (asserted below).
 */
const VENDOR_ALLOWED = new Set([
  'http://',
  'https://',
  'http://document.localhost',
  'http://document.localhost/',
  'http://document.localhost/_api/',
  'https://document.localhost',
  '//document.localhost',
  'https://[a-z0-9-]+.',
  'https://[^/?#]+',
  'https://support.microsoft.com/en-us/help/17479/windows-internet-explorer-11-change-security-privacy-settings',
  'https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins',
  '//ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js',
  'https://alcdn.msauth.net/browser/2.21.0/js/msal-browser.min.js',
]);

/**
 * Addresses in collect.worker.js (and collect.js, its stand-in where no Worker exists): the collector's reader
 * of submitted .xlsx files (src/sheet/xlsx/xlsxCells.ts), which the pane's 收集报送表 loads on demand. Each is
 * data, never fetched: the names of the OOXML format (namespaces, relationship and content types under
 * schemas.openxmlformats.org, schemas.microsoft.com and purl.org/dc, and Strict's under purl.oclc.org/ooxml:
 * src/sheet/xlsx/xmlNames.ts), and the XML ones of the W3C that saxes knows.
 */
const XLSX_NAMES = /^http:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com\/office|purl\.org\/dc|purl\.oclc\.org\/ooxml)\//;
const XLSX_ALLOWED = new Set(['http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);

describe('production build', () => {
  it('functions.json holds SCORE, ITEM, GRADE and REFUND, and the manifest puts them in namespace MIB', () => {
    const ids = json('functions.json').functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['SCORE', 'ITEM', 'GRADE', 'REFUND', 'COMPOSITE', 'FLAGS']));
    expect(read('manifest.xml')).toContain('<bt:String id="Functions.Namespace" DefaultValue="MIB"/>');
  });

  it('functions.zh-CN.json is the English metadata with the zh-CN translations, exactly', () => {
    expect(json('functions.zh-CN.json')).toEqual(localizeMetadata(json('functions.json'), zhCNFunctions));
  });

  it('functions.json and functions.zh-CN.json name no Excel built-in and set no flag beyond the manifest’s CustomFunctionsRuntime', () => {
    const runtime = declaredSet(read('manifest.xml'), 'CustomFunctionsRuntime');
    expect(runtime).toBe('1.3');
    for (const file of ['functions.json', 'functions.zh-CN.json']) {
      const metadata = json(file);
      expect(flagsBeyond(metadata, runtime!)).toEqual([]);
      expect(metadata).not.toHaveProperty('allowCustomDataForDataTypeAny');
      expect(metadata.functions.flatMap((f) => [f.id, f.name]).filter((name) => EXCEL_FUNCTIONS.includes(name.toUpperCase()))).toEqual([]);
    }
  });

  it('the manifest names MIB_PUBLIC_URL everywhere, passes the offline checks, and every URL is a built file', () => {
    const manifest = read('manifest.xml');
    expect(manifest).not.toContain('localhost');
    expect(checkManifest(manifest, { base: PUBLIC_URL })).toEqual([]);
    const parsed = parseManifest(manifest);
    if (!('root' in parsed)) throw new Error(parsed.error);
    const built = new Set(files());
    for (const url of manifestUrls(parsed.root)) {
      expect(url.startsWith(PUBLIC_URL)).toBe(true);
      expect(built.has(url.slice(PUBLIC_URL.length)), url).toBe(true);
    }
  });

  it('one shared-runtime page loads office.js from the add-in itself, then the functions, and the pane once its frame is painted', () => {
    const html = read('taskpane.html');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([`${OFFICE_JS_DIR}/office.js`, 'functions.js']);
    // taskpane.js: fetched from the start, run by the page's own loader after the first paint
    expect(html).toMatch(/<link rel="?preload"? href="?taskpane\.js"? as="?script"?\s*\/?>/);
    expect(html).toMatch(/\.src\s*=\s*["']taskpane\.js["']/);
    for (const src of [...scripts, 'taskpane.js']) expect(files()).toContain(src);
  });

  it('the page holds the pane’s frame prerendered (title, the six tabs; no demo notice, false in Excel) and the CSS it needs', () => {
    const html = read('taskpane.html');
    const root = html.slice(html.indexOf('<div id=root>'));
    expect(root).toContain('>MIB 考核助手</h1>');
    expect(root).not.toContain('未连接 Excel');
    const tabs = [...root.matchAll(/role=tab [^>]*>\s*<span[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(tabs).toEqual(['新建考核表', '检查', '说明', '填报', '导入', '汇总']);
    // every class the frame names that Griffel makes (f… atoms) has its rule in <head>
    const head = html.slice(0, html.indexOf('</head>'));
    const atoms = new Set([...root.matchAll(/class="?([^">]+)"?/g)].flatMap((m) => m[1]!.split(' ')).filter((c) => /^f[0-9a-z]{5,8}$/.test(c)));
    expect(atoms.size).toBeGreaterThan(50);
    expect([...atoms].filter((atom) => !head.includes(`.${atom}`))).toEqual([]);
  });

  it('copies only the office.js files the supported Excel clients need, as shipped, and our stand-in for the Office 2013 table', () => {
    const office = files().filter((f) => f.startsWith(`${OFFICE_JS_DIR}/`));
    expect(office.sort()).toEqual([...OFFICE_JS_FILES, ...Object.keys(OFFICE_JS_STAND_INS)].map((f) => `${OFFICE_JS_DIR}/${f}`).sort());
    expect(OFFICE_JS_FILES).toEqual(
      expect.arrayContaining([
        'office.js',
        'custom-functions-runtime.js',
        'excel-web-16.00.js',
        'excel-win32-16.01.js',
        'excel-mac-16.00.js',
        'zh-cn/office_strings.js',
      ]),
    );
    // these open a Microsoft telemetry frame as they load, and no client that can run the add-in needs them
    expect(OFFICE_JS_FILES).not.toContain('o15apptofilemappingtable.js');
    expect(office).not.toContain(`${OFFICE_JS_DIR}/excel-win32-16.00.js`);
    for (const file of OFFICE_JS_FILES) {
      expect(read(`${OFFICE_JS_DIR}/${file}`), file).toBe(readFileSync(path.join(officeJsDist(), file), 'utf8'));
    }
    // office.js asks for the table outside Office: what it gets is ours, not Microsoft's Office 2013 library
    const table = read(`${OFFICE_JS_DIR}/o15apptofilemappingtable.js`);
    expect(table).toBe(readFileSync(OFFICE_JS_STAND_INS['o15apptofilemappingtable.js']!, 'utf8'));
    expect(table).not.toBe(readFileSync(path.join(officeJsDist(), 'o15apptofilemappingtable.js'), 'utf8'));
  });

  it('opened in a plain browser, the page logs no error or warning, fails no request, asks no other origin, and Office.onReady resolves without a host', async () => {
    const server = await serve(out);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(`${server.origin}/`) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await page.goto(`${server.origin}/taskpane.html`);
      const host = await page.evaluate(() => new Promise((resolve) => void Office.onReady((info) => resolve(info.host))));
      expect(host).toBeNull();
      await page.getByRole('tab').first().waitFor();
      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('no served HTML, JS, JSON or manifest holds an address outside the add-in’s own origin', () => {
    const served = files().filter((f) => /\.(html|js|json|xml)$/.test(f));
    const seenAllowed = new Set<string>();
    const outside: string[] = [];
    for (const file of served) {
      const vendor = file.startsWith(`${OFFICE_JS_DIR}/`);
      const xlsx = file === 'collect.js' || file === 'collect.worker.js';
      for (const address of addressesInFile(file, read(file))) {
        // a worker that reads workbooks carries the core too: its own addresses and the XML parser's
        const allowed = vendor ? VENDOR_ALLOWED.has(address) : OWN_ALLOWED.has(address) || (xlsx && XLSX_ALLOWED.has(address));
        if (allowed) seenAllowed.add(address);
        else if (xlsx && XLSX_NAMES.test(address)) continue;
        else if (!address.startsWith(`${ORIGIN}/`)) outside.push(`${file}: ${address}`);
      }
    }
    expect(outside).toEqual([]);
    // an allowance nothing needs any more is removed, so the lists stay a true account
    expect([...OWN_ALLOWED, ...VENDOR_ALLOWED, ...XLSX_ALLOWED].filter((a) => !seenAllowed.has(a))).toEqual([]);
  });

  it('functions.js carries no rubric schema (zod/mini only); the pane carries it to check imported files', () => {
    expect(read('functions.js')).not.toContain('json-schema.org');
    // in views.js, the chunk that follows the pane's frame (taskpane.js)
    expect(read('views.js')).toContain('json-schema.org');
  });

  it('functions.js carries the rubrics without the verbatim text only the pane shows; the pane keeps it', () => {
    const definition = '被当地医保经办机构拒付的医疗费用'; // 威海 C10 挂账处理, 指标释义
    expect(read('functions.js')).not.toContain(definition);
    expect(read('views.js')).toContain(definition);
    expect(read('functions.js')).toContain('挂账处理');
  });

  it('the add-in never calls Office single sign-on (the only path that loads MSAL from a CDN)', () => {
    const bundles = files().filter((f) => f.endsWith('.js') && !f.startsWith(`${OFFICE_JS_DIR}/`));
    expect(bundles).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js', 'views.js', 'score.worker.js']));
    for (const bundle of bundles) expect(read(bundle)).not.toMatch(/getAccessToken|OfficeRuntime\.auth|Office\.auth/);
  });

  it('the built functions.js registers every function of functions.json and scores outside Office', () => {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class StandInError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const context: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
        Error: StandInError,
        ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
      },
    };
    context.self = context;
    context.window = context;
    vm.runInNewContext(read('functions.js'), context);
    expect([...associated.keys()].sort()).toEqual(
      json('functions.json')
        .functions.map((f) => f.id)
        .sort(),
    );
    const { ids, values } = sheet(EXAMPLE);
    expect(associated.get('SCORE')?.(JIANGBEI, ids, values)).toBe(EXAMPLE_TOTAL);
    expect(associated.get('SCORE')?.(JIANGBEI, [['18.1']], [[1.5]])).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('18.1') });
  });
});
