import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema, rubricJsonSchema } from '../../src/core';

describe('JSON Schemas shipped in rubrics/', () => {
  it('rubric.schema.json is generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(readFileSync('rubrics/rubric.schema.json', 'utf8'))).toEqual(rubricJsonSchema());
  });
  it('policy.schema.json is generated from the zod schema', () => {
    expect(JSON.parse(readFileSync('rubrics/policy.schema.json', 'utf8'))).toEqual(policyJsonSchema());
  });
  it('the rubric schema knows every rule kind', () => {
    const text = JSON.stringify(rubricJsonSchema());
    for (const kind of [
      'veto',
      'perOccurrence',
      'condition',
      'discretionary',
      'threshold',
      'allOf',
      'proportional',
      'linear',
      'band',
      'choice',
      'rankTop',
      'table',
      'bestOf',
      'manual',
    ]) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });
});

/** Every property of every object in a JSON Schema, by path, that carries no description. */
function undescribed(node: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => undescribed(child, path, out));
  else if (typeof node === 'object' && node !== null) {
    const { properties } = node as { properties?: Record<string, { description?: string; $ref?: string }> };
    for (const [name, property] of Object.entries(properties ?? {})) {
      if (property.description === undefined && property.$ref === undefined) out.push(`${path}.${name}`);
    }
    for (const [key, child] of Object.entries(node)) undescribed(child, `${path}/${key}`, out);
  }
  return out;
}

describe('the JSON Schemas explain every field in Chinese (an editor shows it on hover)', () => {
  it('every field of a rubric and a policy has a zh-CN description', () => {
    expect(undescribed(rubricJsonSchema())).toEqual([]);
    expect(undescribed(policyJsonSchema())).toEqual([]);
  });
  it('a clause kind, a refund tier kind and an input type say what they are', () => {
    const rubric = JSON.stringify(rubricJsonSchema());
    expect(rubric).toContain('"description":"类型：perOccurrence（按次数扣分或得分，如 每次扣1分）"');
    expect(rubric).toContain('ratio = 比例 0–1（45% 写 0.45）');
    expect(JSON.stringify(policyJsonSchema())).toContain('"description":"较基准分每低1分扣除保证金的一定比例"');
  });
  it('the fields only our transcriptions need are optional: provenance.seedFile, layout (default jiangbei)', () => {
    const schema = rubricJsonSchema() as { required: string[]; properties: { layout: { default: string }; provenance: { required: string[] } } };
    expect(schema.required).not.toContain('layout');
    expect(schema.properties.layout.default).toBe('jiangbei');
    expect(schema.properties.provenance.required).not.toContain('seedFile');
  });
});
