// The add-in's bundles carry the rubric and policy files as parsed at build time (no rubric schema at run time):
// the build-time parse must give exactly what the core's registry gives, and a bad file must stop it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, getPolicy, getRubric, policyIds, type Rubric, rubricIds } from '../src/core';
import { leanForFunctions, shippedModuleData, validateShipped } from '../scripts/build/shippedData';
import { factsOf } from './support/randomFacts';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('build-time validation of the shipped files', () => {
  it.each(rubricIds)('rubrics/%s.json parses to what getRubric gives', (id) => {
    expect(JSON.parse(JSON.stringify(validateShipped(`rubrics/${id}.json`, read(`rubrics/${id}.json`))))).toEqual(
      JSON.parse(JSON.stringify(getRubric(id))),
    );
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

describe('the lean rubrics functions.js carries', () => {
  it.each(rubricIds)('%s: scores exactly as the full rubric for random facts, traces included', (id) => {
    const full = getRubric(id);
    const lean = leanForFunctions(full);
    fc.assert(
      fc.property(factsOf(full), (facts) => {
        expect(JSON.stringify(evaluate(lean, facts))).toBe(JSON.stringify(evaluate(full, facts)));
      }),
      { numRuns: 40 },
    );
  });

  it('drops the verbatim columns only the sheet and the pane show, and keeps what messages name', () => {
    const full = getRubric('weihai-2021-hospital-l2');
    const lean = leanForFunctions(full);
    const c10 = lean.items.find((item) => item.code === 'C10')!;
    expect(c10).toMatchObject({ indicator: '挂账处理', points: 3, definition: '', method: '' });
    expect(c10).not.toHaveProperty('departments');
    expect(c10.rules[0]).toEqual(full.items.find((item) => item.code === 'C10')!.rules[0]);
    expect(JSON.stringify(lean)).not.toContain('被当地医保经办机构拒付的医疗费用');
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(full).length * 0.8);
  });

  it('the loader makes only rubrics lean, never policies', () => {
    const file = 'rubrics/policies/jilin-2025.json';
    expect(shippedModuleData(file, read(file), true)).toEqual(getPolicy('jilin-2025'));
    const rubric = shippedModuleData('rubrics/cq-jiangbei-2025-hospital.json', read('rubrics/cq-jiangbei-2025-hospital.json'), true) as Rubric;
    expect(rubric.items.every((item) => item.definition === '')).toBe(true);
  });
});
