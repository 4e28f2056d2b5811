import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the add-in serves office.js from, relative to its own address (no CDN: an isolated intranet
 * must work). */
export const OFFICE_JS_DIR = 'office-js';

/**
 * The office.js files this add-in needs, out of the 729 in @microsoft/office-js/dist: the loader, the
 * host scripts of the Excel clients that meet the manifest's requirement sets (SharedRuntime 1.1,
 * CustomFunctionsRuntime 1.3: Excel on Windows, on the Mac and on the web; the "-core" variants are the
 * same hosts' lighter builds), the custom-functions runtime and the zh-CN / en-US strings. Debug builds
 * are left out, and so are, on purpose:
 * - the hosts that cannot run a shared runtime or custom functions (Office 2013 "excel-15*",
 *   Office 2016's first Windows build "excel-win32-16.00", iPad/iPhone, Android, Windows RT): the manifest
 *   never loads there;
 * - Microsoft's o15apptofilemappingtable.js, which office.js loads only when it finds no host information
 *   (Office 2013, or a plain browser outside Office): a stand-in of ours is served under its name
 *   (OFFICE_JS_STAND_INS).
 * Both left-out kinds open a telemetry frame on a Microsoft server as they load
 * (telemetryservice.firstpartyapps.oaspapps.com), which an isolated intranet must not be asked for.
 */
export const OFFICE_JS_FILES = [
  'office.js',
  'excel-web-16.00.js',
  'excel-web-16.00-core.js',
  'excel-win32-16.01.js',
  'excel-win32-16.01-core.js',
  'excel-mac-16.00.js',
  'excel-mac-16.00-core.js',
  'custom-functions-runtime.js',
  'zh-cn/office_strings.js',
  'en-us/office_strings.js',
];

/**
 * Our own files served among office.js's, by the name office.js requests. o15apptofilemappingtable.js:
 * outside Office office.js asks for it on every load; the stand-in (scripts/build/o15StandIn.js, which
 * explains itself) keeps the console free of a 404 and of the error office.js throws later without it,
 * and lets Office.onReady resolve with no host, without Microsoft's telemetry frame.
 */
export const OFFICE_JS_STAND_INS: Record<string, string> = {
  'o15apptofilemappingtable.js': path.join(path.dirname(fileURLToPath(import.meta.url)), 'o15StandIn.js'),
};

export function officeJsDist(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

/** copy-webpack-plugin patterns. The files are copied as they ship, marked already minimised so that
 * Terser leaves them alone (otherwise the build takes minutes). */
export function officeJsCopyPatterns() {
  const context = officeJsDist();
  const vendor = OFFICE_JS_FILES.map((from) => ({
    from,
    context,
    to: path.posix.join(OFFICE_JS_DIR, path.posix.dirname(from), '[name][ext]'),
    info: { minimized: true },
  }));
  const standIns = Object.entries(OFFICE_JS_STAND_INS).map(([name, from]) => ({
    from,
    to: path.posix.join(OFFICE_JS_DIR, name),
    info: { minimized: true },
  }));
  return [...vendor, ...standIns];
}
