// The features × faces generator (test/support/ownFiles.ts) draws every field and every choice the JSON
// Schemas of a region's own files allow (src/core/files/jsonSchema.ts), among the pairs `mib check` passes: a
// field added to the schemas fails this test until the generator draws it, or it is listed below with why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema, rubricJsonSchema } from '../../src/core/files/jsonSchema';
import { AVOID_KNOWN_SEAMS, ownPair } from '../support/ownFiles';
import { documentPaths, schemaPaths } from '../support/schemaPaths';

/** Fields no drawn pair needs, and why. */
const notDrawn: [RegExp, string][] = [
  [/^\$schema$/, 'an editor hint, read by nothing'],
  [/^provenance\.seedFile$/, 'only the bundled transcriptions keep their seed text'],
  [
    /\.bestOf\.methods\[\]\.(linear|threshold)\.effect=deduct$|\.bestOf\.methods\[\]\.linear\.cap$/,
    'bestOf takes earning methods only (its refinement)',
  ],
  [/\.input\.(options|min|max|unit)$/, 'an input field its type does not read (options of a count, min of a boolean): checked per type elsewhere'],
  [
    /^rosterRules|\.previousYear(\.|$)/,
    'issue 23: decided by the roster alone (名单规则; --previous); a one-institution face shows only the rule’s reading, no number to agree on: test/docs/guideRosterRules.test.ts, test/core/roster/rosterRules.test.ts, test/cli/rosterPrevious.test.ts',
  ],
  ...(AVOID_KNOWN_SEAMS ? [[/^extraWithholding/, 'AVOID_KNOWN_SEAMS: extraWithholdingTemplate, rosterCircumstances'] as [RegExp, string]] : []),
];

describe('the generator covers the schemas', () => {
  it('every field, clause kind and enum value of a rubric and a policy file appears in 500 drawn pairs that mib check passes', () => {
    const rubrics = new Set<string>();
    const policies = new Set<string>();
    for (const pair of fc.sample(ownPair, { numRuns: 500, seed: 19 })) {
      documentPaths(pair.rubricJson, rubrics);
      documentPaths(pair.policyJson, policies);
    }
    const missing = (schema: object, drawn: Set<string>) =>
      [...schemaPaths(schema)].filter((path) => !drawn.has(path) && !notDrawn.some(([pattern]) => pattern.test(path)));
    expect(missing(rubricJsonSchema(), rubrics)).toEqual([]);
    expect(missing(policyJsonSchema(), policies)).toEqual([]);
    // the walk is not empty-handed: the kinds themselves are named
    expect(schemaPaths(rubricJsonSchema())).toContain('items[].rules[].bestOf.methods[].table.otherwise');
    expect(rubrics).toContain('items[].rules[].choice.peer.tiers.fail');
  });
});
