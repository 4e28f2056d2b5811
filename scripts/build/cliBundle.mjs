// The `mib` command as compiled JavaScript. Compiling the TypeScript sources through tsx on every call
// cost about 1.9 s of CPU (17× a bare `node -e 0`); the bundle starts in a fraction of that.
//
// esbuild bundles src/cli/bin.ts with the tables, the policies, zod and decimal.js into build/mib-cli/,
// split into chunks so that ExcelJS, csv-parse and iconv-lite (left as packages in node_modules) load
// only in the commands that read or write those files (template, collect, roster). The build runs at
// `npm ci` / `npm install` (the `prepare` script) and again, by bin/mib.js, whenever a source file it
// was built from has changed, so a developer's edit is never run stale and `npm ci && npx mib …` needs
// nothing more.
//
// As in the add-in's bundles (webpack.config.js), the shipped tables and policies are parsed by their zod
// schemas while the bundle is built (scripts/build/shippedData.ts: a bad file stops the build) and the
// bundle holds the parsed data (src/core/files/shipped.prevalidated.ts), so no call parses them again.
// Here each is a JSON file beside the bundle's, read when a command first names it (see prevalidated below).
//
// Start-up (bench/startup.ts: `mib grade`, `refund` and `score` beside `node -e 0`): the chunk that every
// command loads is read, decoded and compiled whole on every call, so it should hold only what the small
// commands need. zod is imported as a namespace (`import * as z from 'zod'`, held by ESLint): with
// `import { z }` esbuild keeps zod's whole API, its 40-odd locales among it (about 430 KB of the 1.2 MB
// that each call compiled).
//
// Plain JavaScript (not TypeScript), because bin/mib.js loads it before anything can compile TypeScript.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'build', 'mib-cli');
const CURRENT = path.join(OUT, 'current.json');
/** the command, and the worker threads `mib collect` reads files in (src/cli/collect/readSources.ts) */
const ENTRIES = ['src/cli/bin.ts', 'src/cli/collect/collectWorker.ts'];

/** Packages read from node_modules as they are, each loaded where a command first needs it. */
const EXTERNAL = ['exceljs', 'csv-parse', 'iconv-lite', 'jszip', 'cli-progress'];

/** The bundle's entry file when it was built from the sources as they are now, else undefined. */
export function freshBundle() {
  let current;
  try {
    current = JSON.parse(readFileSync(CURRENT, 'utf8'));
  } catch {
    return undefined;
  }
  // every call stats the 350-odd files: joined by hand, as path.join's normalising of each cost twice the stats
  // (about 13 ms of CPU on a cold start); the metafile names them with "/", which Windows reads as well
  try {
    for (const [file, mtime] of Object.entries(current.inputs)) {
      if (statSync(`${ROOT}/${file}`, { throwIfNoEntry: false })?.mtimeMs !== mtime) return undefined;
    }
  } catch {
    return undefined;
  }
  return path.join(OUT, current.dir, 'bin.js');
}

/** The build-time check of the shipped files (scripts/build/shippedData.ts, TypeScript), compiled by
 * esbuild into a module of its own and loaded. */
async function shippedDataChecker(esbuild) {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `shippedData-${process.pid}.mjs`);
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['scripts/build/shippedData.ts'],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  try {
    return (await import(pathToFileURL(file).href)).shippedModuleData;
  } finally {
    rmSync(file, { force: true });
  }
}

/** esbuild plugin: shipped files enter the bundle parsed, and the core takes them as they are. Each is
 * written as JSON beside the bundle's files (`tables/<name>.json` in `outdir`) and the bundle holds a function
 * that reads it, which shipped.prevalidated.ts calls when a command first names that file: the tables
 * (about 300 KB) are then neither decoded nor compiled by every command, `mib grade` too, as they were
 * when the bundle held them. */
function prevalidated(shippedModuleData, outdir) {
  return {
    name: 'shipped-prevalidated',
    setup(build) {
      build.onResolve({ filter: /^\.\/shipped$/ }, (args) =>
        args.resolveDir.endsWith(path.join('src', 'core', 'files')) ? { path: path.join(args.resolveDir, 'shipped.prevalidated.ts') } : undefined,
      );
      build.onLoad({ filter: /[\\/]rubrics[\\/].*\.json$/ }, (args) => {
        const data = shippedModuleData(args.path, JSON.parse(readFileSync(args.path, 'utf8')), false);
        // rubrics/x.json and rubrics/policies/y.json: the folder keeps the names apart
        const name = path.relative(path.join(ROOT, 'rubrics'), args.path).split(path.sep).join('-');
        mkdirSync(path.join(outdir, 'tables'), { recursive: true });
        writeFileSync(path.join(outdir, 'tables', name), JSON.stringify(data));
        // every chunk sits in outdir, so the chunk that holds this reads the file beside it
        return {
          contents: `import { readFileSync } from 'node:fs';\nexport default () => readFileSync(new URL(${JSON.stringify(`./tables/${name}`)}, import.meta.url), 'utf8');`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * Bundles the command into a new folder of build/mib-cli/ and points current.json at it (written to a
 * temporary name and renamed, so two commands building at once never see half a pointer). Earlier
 * folders are kept an hour: a command already running may still load a chunk from one. Returns the entry file.
 */
export async function buildBundle() {
  const esbuild = await import('esbuild');
  const dir = `${Date.now().toString(36)}-${process.pid}`;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: path.join(OUT, dir),
    // both beside the chunks: readSources.ts finds the worker as ./collectWorker.js
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    metafile: true,
    logLevel: 'error',
    plugins: [prevalidated(await shippedDataChecker(esbuild), path.join(OUT, dir))],
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    if (file.startsWith('node_modules/')) continue;
    inputs[file] = statSync(path.join(ROOT, file)).mtimeMs;
  }
  // package.json decides which package versions are bundled
  inputs['package-lock.json'] = statSync(path.join(ROOT, 'package-lock.json')).mtimeMs;
  // what went into each file (esbuild's metafile): test/cli/bundle.test.ts reads what start-up loads
  writeFileSync(path.join(OUT, dir, 'metafile.json'), JSON.stringify(result.metafile));
  mkdirSync(OUT, { recursive: true });
  const temporary = `${CURRENT}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ dir, inputs }));
  renameSync(temporary, CURRENT);
  removeOldBuilds(dir);
  return path.join(OUT, dir, 'bin.js');
}

/** Removes the builds an hour old or more, but the current one: a command still running from an older
 * build may yet load a chunk of it, none runs for an hour. */
function removeOldBuilds(current) {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(OUT, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const folder = path.join(OUT, entry.name);
    if (statSync(folder).mtimeMs < hourAgo) rmSync(folder, { recursive: true, force: true });
  }
}

/** The entry to import: the bundle, built first where it is missing or stale; undefined when it cannot
 * be built (esbuild missing, a read-only install), and the caller falls back to compiling the sources. */
export async function bundleEntry() {
  const fresh = freshBundle();
  if (fresh) return pathToFileURL(fresh).href;
  try {
    return pathToFileURL(await buildBundle()).href;
  } catch {
    return undefined;
  }
}

// `node scripts/build/cliBundle.mjs` (the `prepare` script): build now, and say where a failure lies.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildBundle().then(
    (entry) => console.log(`mib: ${path.relative(ROOT, entry)}`),
    (error) => {
      console.error(
        `mib: the command could not be bundled (${error instanceof Error ? error.message : error}); it will compile its sources on each call instead`,
      );
    },
  );
}
