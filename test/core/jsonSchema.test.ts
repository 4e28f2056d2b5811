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
    for (const kind of ['veto', 'perOccurrence', 'condition', 'discretionary', 'threshold', 'allOf', 'proportional', 'linear', 'band', 'choice', 'rankTop', 'table', 'bestOf', 'manual']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });
});
