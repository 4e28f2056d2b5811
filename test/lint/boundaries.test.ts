// The direction of dependencies (core ← sheet ← excel / functions / taskpane / cli) is enforced by
// eslint.config.js's no-restricted-imports rules. Here each rule is shown to catch the import it is
// meant to, on a line of code linted as if it lived in that folder, and to let the allowed ones through.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` placed at `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const uses = (specifier: string) => `import * as used from '${specifier}';\nexport const touch = used;\n`;

describe('eslint.config.js: the direction of dependencies', () => {
  it.each([
    ['src/core/rules/x.ts', 'node:fs', 'no Node or files'],
    ['src/core/x.ts', 'path', 'no Node or files'],
    ['src/core/x.ts', 'react', 'no React'],
    ['src/core/x.ts', '@fluentui/react-components', 'no React'],
    ['src/core/x.ts', '@microsoft/office-js', 'no Office'],
    ['src/core/policy/x.ts', '../../sheet/plan', 'dependencies point one way'],
    ['src/core/x.ts', '../cli/commands', 'dependencies point one way'],
    ['src/sheet/clauses/x.ts', '../../excel/writer', 'dependencies point one way'],
    ['src/sheet/x.ts', 'node:path', 'no Node or files'],
    ['src/functions/x.ts', 'react', 'without React'],
    ['src/functions/x.ts', 'node:crypto', 'no Node'],
    ['src/functions/x.ts', '../taskpane/App', 'dependencies point one way'],
    ['src/taskpane/views/x.tsx', 'node:fs', 'no Node'],
    ['src/taskpane/x.ts', '../cli/commands', 'the pane does not use the command line'],
    ['src/excel/x.ts', 'react', 'the pane is React'],
    ['src/cli/x.ts', '../taskpane/App', 'dependencies point one way'],
  ])('%s may not import %s', async (file, specifier, why) => {
    const found = await problems(file, uses(specifier));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: /);
    expect(found[0]).toContain(why);
  });

  it.each([
    ['src/core/x.ts', 'decimal.js'],
    ['src/core/x.ts', 'zod'],
    ['src/sheet/x.ts', '../core'],
    ['src/functions/x.ts', '../sheet/plan'],
    ['src/taskpane/x.tsx', 'react'],
    ['src/taskpane/x.tsx', '../excel/workbook'],
    ['src/cli/x.ts', 'node:fs'],
    ['src/cli/x.ts', '../sheet/plan'],
    ['scripts/x.ts', 'node:fs'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await problems(file, uses(specifier))).toEqual([]);
  });

  it('the pure folders take no Office or Node types by reference and use no Office or Node globals', async () => {
    expect(await problems('src/core/x.ts', '/// <reference types="office-js" />\nexport const a = 1;\n')).toEqual([
      expect.stringMatching(/^@typescript-eslint\/triple-slash-reference: /),
    ]);
    expect(await problems('src/sheet/x.ts', 'export const host = () => Office.context;\n')).toEqual([
      expect.stringMatching(/^no-restricted-globals: .*no Office, no Node/),
    ]);
    expect(await problems('src/core/x.ts', 'export const env = () => process.env.HOME;\n')).toEqual([
      expect.stringMatching(/^no-restricted-globals: /),
    ]);
  });

  it('an unused local or parameter is an error (what TypeScript’s noUnused* checks did in scripts/lint.ts)', async () => {
    expect(await problems('src/core/x.ts', 'export function f(a: number, b: number) {\n  const c = 1;\n  return b;\n}\n')).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-unused-vars: 'a'/),
      expect.stringMatching(/^@typescript-eslint\/no-unused-vars: 'c'/),
    ]);
    expect(await problems('src/core/x.ts', 'export function f(_a: number, b: number) {\n  return b;\n}\n')).toEqual([]);
  });

  it('Office.js code gets the office-addins rules: a property read before load and sync', async () => {
    const code =
      'export async function f(context: Excel.RequestContext) {\n  const range = context.workbook.worksheets.getItem("a").getRange("A1");\n  return range.values;\n}\n';
    const found = await problems('src/excel/x.ts', code);
    expect(found.some((p) => p.startsWith('office-addins/'))).toBe(true);
  });
});
