// `npm run lint`: what the type check does not catch.
//  1. TypeScript's unused-code checks (unused locals and parameters, missing returns) over the project.
//  2. The direction of dependencies (DESIGN.md): the core knows nothing of Excel, React, Node or files;
//     the custom functions know no React and no Node; the pane knows no Node.
// No network and no extra packages: the TypeScript compiler the project already pins does both.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Boundary {
  folder: string;
  /** module specifiers this folder must not import */
  forbidden: RegExp[];
  why: string;
}

const NODE = /^(node:|fs$|path$|os$|child_process$|url$|module$|crypto$)/;
const UI = /^(react|react-dom|@fluentui\/)/;
const OFFICE = /^(@microsoft\/office-js|office-addin-|@types\/office)/;

const BOUNDARIES: Boundary[] = [
  {
    folder: 'src/core',
    forbidden: [NODE, UI, OFFICE, /^\.\.\/(cli|functions|taskpane|commands|sheet|excel)(\/|$)/],
    why: 'the core knows nothing of Excel, React, Node or files',
  },
  { folder: 'src/functions', forbidden: [NODE, UI, /^\.\.\/(cli|taskpane)(\/|$)/], why: 'the custom functions run in Excel, without React or Node' },
  { folder: 'src/taskpane', forbidden: [NODE, /^\.\.\/cli(\/|$)/], why: 'the pane runs in Excel, without Node' },
];

function sourceFiles(folder: string): string[] {
  const absolute = path.join(ROOT, folder);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(absolute, name);
    if (statSync(full).isDirectory()) return sourceFiles(path.join(folder, name));
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Relative imports are checked from the folder's root: "../functions" from src/core/rules is "../../functions". */
function normalise(file: string, specifier: string, folder: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = path.relative(path.join(ROOT, folder), path.resolve(path.dirname(file), specifier));
  return target.startsWith('..') ? target.split(path.sep).join('/') : `./${target.split(path.sep).join('/')}`;
}

function boundaryProblems(): string[] {
  const problems: string[] = [];
  for (const boundary of BOUNDARIES) {
    for (const file of sourceFiles(boundary.folder)) {
      const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const specifiers = [...imports.importedFiles.map((f) => f.fileName), ...imports.typeReferenceDirectives.map((t) => `@types/${t.fileName}`)];
      for (const specifier of specifiers) {
        const target = normalise(file, specifier, boundary.folder);
        if (boundary.forbidden.some((rule) => rule.test(target) || rule.test(specifier))) {
          problems.push(`${path.relative(ROOT, file)}: imports "${specifier}" — ${boundary.why}`);
        }
      }
    }
  }
  return problems;
}

function unusedCodeProblems(): string[] {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(parsed.fileNames, {
    ...parsed.options,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noEmit: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const file = d.file ? `${path.relative(ROOT, d.file.fileName)}:${(where?.line ?? 0) + 1}:${(where?.character ?? 0) + 1}` : 'tsconfig';
    return `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const problems = [...boundaryProblems(), ...unusedCodeProblems()];
for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error(`\nlint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: dependency directions and unused-code checks pass');
