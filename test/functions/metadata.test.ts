// The custom functions' metadata: the English functions.json that custom-functions-metadata generates from
// the JSDoc in src/functions/functions.ts, and the zh-CN translation kept as data in
// src/functions/metadata/zh-CN.ts. Both must stay in step: every function and parameter translated, in
// the same order, nothing translated that does not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionsMetadata, localizeMetadata, translationProblems } from '../../src/functions/metadata/localize';
import { declaredSet, flagsBeyond, forRuntime } from '../../src/functions/metadata/runtime';
import { type FunctionTranslation, zhCNFunctions } from '../../src/functions/metadata/zh-CN';
import { EXCEL_FUNCTIONS } from './excelBuiltins';

let english: FunctionsMetadata;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(['src/functions/functions.ts'], false);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson) as FunctionsMetadata;
});

const CHINESE = /[\u4e00-\u9fff]/;

describe('functions.json from the JSDoc', () => {
  it('declares the MIB functions with ids as Excel calls them', () => {
    expect(english.functions.map((f) => f.id)).toEqual([
      'SCORE',
      'ITEM',
      'GRADE',
      'REFUND',
      'COMPOSITE',
      'FLAGS',
      'POINTS',
      'INPUTS',
      'RUBRICS',
      'POLICIES',
    ]);
    for (const f of english.functions) expect(f.name).toBe(f.id);
  });

  it('ranges are matrices; the optional arguments are marked optional', () => {
    const score = english.functions.find((f) => f.id === 'SCORE');
    expect(score?.parameters.map((p) => [p.name, p.dimensionality ?? 'scalar', p.optional === true])).toEqual([
      ['rubric', 'scalar', false],
      ['ids', 'matrix', false],
      ['values', 'matrix', true],
      ['ownership', 'scalar', true],
      ['policy', 'scalar', true],
    ]);
    const grade = english.functions.find((f) => f.id === 'GRADE');
    expect(grade?.parameters.find((p) => p.name === 'downgrade')?.optional).toBe(true);
  });

  it('the spilling functions return matrices, the others one value', () => {
    const spills = english.functions.filter((f) => (f.result as { dimensionality?: string }).dimensionality === 'matrix').map((f) => f.id);
    expect(spills).toEqual(['FLAGS', 'INPUTS', 'RUBRICS', 'POLICIES']);
  });
});

/** Excel's localized function names in HyperFormula's 17 language packs (see excelBuiltins.ts). */
function localizedBuiltins(): Set<string> {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('hyperformula')), 'i18n', 'languages');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js')) {
    const pack = (require(path.join(dir, file)) as { default: { functions: Record<string, string> } }).default;
    for (const [english, local] of Object.entries(pack.functions)) names.add(english.toUpperCase()).add(local.toUpperCase());
  }
  return names;
}

/** Every name a function is known by in the metadata: its id and its name. */
const namesOf = (metadata: FunctionsMetadata) => metadata.functions.flatMap((f) => [f.id.toUpperCase(), f.name.toUpperCase()]);

describe('functions.json as Excel documents it', () => {
  const manifest = readFileSync('manifest.xml', 'utf8');
  const runtime = declaredSet(manifest, 'CustomFunctionsRuntime')!;

  it('no function takes the name of an Excel built-in, in English or in any language HyperFormula carries', () => {
    const builtins = new Set([...EXCEL_FUNCTIONS, ...localizedBuiltins()]);
    expect(builtins.has('MAX')).toBe(true); // the name MIB.POINTS had until issue 20
    expect(builtins.has('SUMME')).toBe(true); // German SUM: the localized names are in
    expect(namesOf(english).filter((name) => builtins.has(name))).toEqual([]);
    expect(namesOf(localizeMetadata(english, zhCNFunctions)).filter((name) => builtins.has(name))).toEqual([]);
  });

  it('the generator writes allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4); for the declared 1.3 the build drops it', () => {
    expect(runtime).toBe('1.3');
    expect(english.allowCustomDataForDataTypeAny).toBe(true);
    expect(flagsBeyond(english, runtime)).toEqual(['allowCustomDataForDataTypeAny (needs CustomFunctionsRuntime 1.4, the manifest declares 1.3)']);
    const built = forRuntime(english, runtime);
    expect(flagsBeyond(built, runtime)).toEqual([]);
    expect(built).not.toHaveProperty('allowCustomDataForDataTypeAny');
    expect(built.functions).toEqual(english.functions);
    // a manifest declaring 1.4 would keep it; allowErrorForDataTypeAny is never kept (manual metadata only)
    expect(forRuntime(english, '1.4').allowCustomDataForDataTypeAny).toBe(true);
    expect(flagsBeyond({ ...english, allowErrorForDataTypeAny: true }, '1.5')).toEqual([
      'allowErrorForDataTypeAny (needs manually written metadata, the manifest declares 1.5)',
    ]);
  });
});

describe('the zh-CN metadata', () => {
  it('the translations are in step with the functions', () => {
    expect(translationProblems(english, zhCNFunctions)).toEqual([]);
  });

  it('keeps ids, names, types and options, and replaces every description and parameter name with Chinese', () => {
    const zh = localizeMetadata(english, zhCNFunctions);
    expect(zh.functions.map((f) => [f.id, f.name, f.result])).toEqual(english.functions.map((f) => [f.id, f.name, f.result]));
    zh.functions.forEach((fn, i) => {
      const en = english.functions[i];
      expect(fn.description).toMatch(CHINESE);
      fn.parameters.forEach((p, j) => {
        const { name: _n, description: _d, ...rest } = p;
        const { name: _en, description: _ed, ...englishRest } = en?.parameters[j] ?? { name: '' };
        expect(rest).toEqual(englishRest);
        expect(p.name).toMatch(CHINESE);
        expect(p.description).toMatch(CHINESE);
      });
    });
    expect(zh.allowCustomDataForDataTypeAny).toBe(english.allowCustomDataForDataTypeAny);
  });

  it('a function added without a translation, a parameter renamed, or a stale translation is reported', () => {
    const { SCORE: _dropped, ...withoutScore } = zhCNFunctions;
    expect(translationProblems(english, withoutScore)).toEqual(['SCORE: no zh-CN translation']);
    const renamed: Record<string, FunctionTranslation> = {
      ...zhCNFunctions,
      GRADE: {
        ...(zhCNFunctions.GRADE as FunctionTranslation),
        parameters: { score: { name: '得分', description: '得分' }, policy: { name: '政策', description: '政策' } },
      },
      TOTAL: { description: '总分', parameters: {} },
    };
    expect(translationProblems(english, renamed)).toEqual([
      'GRADE: parameters are (score, policy, downgrade, veto, specialCase, scale, invalid, missing), zh-CN translates (score, policy)',
      'TOTAL: translated but no such custom function',
    ]);
    expect(() => localizeMetadata(english, renamed)).toThrow(/out of step/);
  });
});
