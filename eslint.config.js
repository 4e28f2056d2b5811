// `npm run lint`: ESLint 9 (flat config) with typescript-eslint, the Office add-in rules of
// eslint-plugin-office-addins, React's hooks rules, and the direction of our dependencies (README, Layout):
// core ← sheet ← excel / functions / taskpane / cli.
//
// eslint-plugin-office-addins' own `configs.recommended` is not spread in: it runs Prettier as an ESLint
// rule (formatting is `npm run format:check`'s job, not the linter's) and brings its own older copy of the
// typescript-eslint parser. Its Office rules are enabled below at the levels that preset gives them.
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, by the names and the `node:` prefix an import may use. */
const NODE_MODULES = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'url',
  'module',
  'crypto',
  'http',
  'https',
  'net',
  'zlib',
  'stream',
  'util',
  'vm',
  'worker_threads',
];
const UI_MODULES = ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'];
const OFFICE_MODULES = [
  '@microsoft/office-js',
  '@microsoft/office-js/*',
  'office-addin-*',
  '@types/office-js',
  '@types/office-runtime',
  '@types/custom-functions-runtime',
];

/** A relative import into one of the project's folders, from any depth below src/<folder>/. */
const intoFolder = (folder) => [
  `../${folder}`,
  `../${folder}/*`,
  `../../${folder}`,
  `../../${folder}/*`,
  `../../../${folder}`,
  `../../../${folder}/*`,
];

/** `no-restricted-imports` for a folder: the module groups it must not import, each with the reason. */
function boundary(groups) {
  return ['error', { patterns: groups.map(({ modules, why }) => ({ group: modules, message: why })) }];
}

const OFFICE_RULES = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'warn',
  'office-addins/no-empty-load': 'warn',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/no-office-initialize': 'warn',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'test-output/', '.tmp/', 'rubrics/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // what scripts/lint.ts checked with TypeScript's noUnusedLocals / noUnusedParameters: an unused
      // name is an error; `_` marks a parameter kept for its position
      '@typescript-eslint/no-unused-vars': ['error', { args: 'all', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Office.js code: the add-in's Excel writer and reader, the pane and the custom functions
    files: ['src/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/functions/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: OFFICE_RULES,
  },
  {
    // one sync per batch is the point: Excel refuses a request beyond its size limit (REQUEST_LIMIT)
    files: ['src/excel/writer.ts', 'src/excel/sheetValues.ts'],
    rules: { 'office-addins/no-context-sync-in-loop': 'off' },
  },
  {
    // tests build broken files and Office mocks on purpose: JSON mutated into shapes no type describes
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'test/pane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // esbuild keeps the whole of zod (its 40-odd locales among it) in the compiled `mib` that every command
    // loads when one file takes `z` by name; as a namespace, only what is used (scripts/build/cliBundle.mjs)
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message: "import * as z from 'zod': esbuild bundles all of zod for `import { z }` (see scripts/build/cliBundle.mjs).",
        },
      ],
    },
  },
  // The direction of dependencies, folder by folder.
  {
    // the pure folders: no Office or Node types by reference, no Office or Node globals
    files: ['src/core/**/*.{ts,tsx}', 'src/sheet/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/triple-slash-reference': ['error', { types: 'never', path: 'never', lib: 'never' }],
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension', 'CustomFunctions', 'process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'src/core and src/sheet are pure: no Office, no Node.',
        })),
      ],
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': boundary([
        { modules: NODE_MODULES, why: 'src/core is pure: no Node or files (it runs in Excel, in the pane and in mib alike).' },
        { modules: UI_MODULES, why: 'src/core is pure: no React or Fluent UI.' },
        { modules: OFFICE_MODULES, why: 'src/core is pure: no Office.' },
        {
          modules: ['sheet', 'excel', 'functions', 'taskpane', 'cli'].flatMap(intoFolder),
          why: 'dependencies point one way: core ← sheet ← excel / functions / taskpane / cli.',
        },
      ]),
    },
  },
  {
    files: ['src/sheet/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': boundary([
        { modules: NODE_MODULES, why: 'src/sheet is pure data, shared by the add-in and mib: no Node or files.' },
        { modules: UI_MODULES, why: 'src/sheet knows no React or Fluent UI.' },
        { modules: OFFICE_MODULES, why: 'src/sheet knows no Office: src/excel writes what it plans.' },
        {
          modules: ['excel', 'functions', 'taskpane', 'cli'].flatMap(intoFolder),
          why: 'dependencies point one way: core ← sheet ← excel / functions / taskpane / cli.',
        },
      ]),
    },
  },
  {
    files: ['src/functions/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        { modules: NODE_MODULES, why: 'the custom functions run in Excel: no Node.' },
        { modules: UI_MODULES, why: 'the custom functions run without React.' },
        { modules: ['taskpane', 'cli'].flatMap(intoFolder), why: 'dependencies point one way: core ← sheet ← excel / functions / taskpane / cli.' },
      ]),
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': boundary([
        { modules: NODE_MODULES, why: 'the pane runs in Excel: no Node.' },
        { modules: ['cli'].flatMap(intoFolder), why: 'dependencies point one way: the pane does not use the command line.' },
      ]),
    },
  },
  {
    files: ['src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        { modules: NODE_MODULES, why: 'src/excel runs in Excel: no Node.' },
        { modules: UI_MODULES, why: 'src/excel writes the workbook; the pane is React.' },
        {
          modules: ['functions', 'taskpane', 'cli'].flatMap(intoFolder),
          why: 'dependencies point one way: core ← sheet ← excel / functions / taskpane / cli.',
        },
      ]),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        { modules: UI_MODULES, why: 'the command line has no UI.' },
        { modules: OFFICE_MODULES, why: 'the command line writes .xlsx with ExcelJS, not Office.js.' },
        {
          modules: ['excel', 'functions', 'taskpane'].flatMap(intoFolder),
          why: 'dependencies point one way: core ← sheet ← excel / functions / taskpane / cli.',
        },
      ]),
    },
  },
);
