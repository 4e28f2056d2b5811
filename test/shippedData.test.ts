// The add-in's bundles carry the rubric and policy files as parsed at build time (no zod at run time):
// the build-time parse must give exactly what the core's registry gives, and a bad file must stop it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, policyIds, rubricIds } from '../src/core';
import { validateShipped } from '../scripts/build/shippedData';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('build-time validation of the shipped files', () => {
  it.each(rubricIds)('rubrics/%s.json parses to what getRubric gives', (id) => {
    expect(JSON.parse(JSON.stringify(validateShipped(`rubrics/${id}.json`, read(`rubrics/${id}.json`))))).toEqual(JSON.parse(JSON.stringify(getRubric(id))));
  });
  it.each(policyIds)('rubrics/policies/%s.json parses to what getPolicy gives', (id) => {
    expect(validateShipped(`rubrics/policies/${id}.json`, read(`rubrics/policies/${id}.json`))).toEqual(getPolicy(id));
  });
  it('a malformed rubric stops the build, naming the field in Chinese', () => {
    const broken = read('rubrics/cq-jiangbei-2025-hospital.json');
    (broken.items as Record<string, unknown>[])[3]!.points = -5;
    expect(() => validateShipped('rubrics/cq-jiangbei-2025-hospital.json', broken)).toThrow(/items\.3\.points/);
  });
  it('a malformed policy is checked as a policy', () => {
    expect(() => validateShipped('rubrics/policies/jilin-2025.json', { kind: 'policy' })).toThrow(/不符合政策格式/);
  });
});
