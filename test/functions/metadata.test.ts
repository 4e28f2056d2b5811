// The custom functions' metadata: the English functions.json that custom-functions-metadata generates from
// the JSDoc in src/functions/functions.ts, and the zh-CN translation kept as data in
// src/functions/metadata/zh-CN.ts. Both must stay in step: every function and parameter translated, in
// the same order, nothing translated that does not exist.
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionsMetadata, localizeMetadata, translationProblems } from '../../src/functions/metadata/localize';
import { type FunctionTranslation, zhCNFunctions } from '../../src/functions/metadata/zh-CN';

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
      'MAX',
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
