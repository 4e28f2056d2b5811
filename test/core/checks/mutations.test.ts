// Property: every mutation of a bundled rubric or policy that `mib check` accepts still scores sensibly.
// The bundled files are mutated as a person writing a region's file could slip (test/support/mutations.ts);
// each mutant `checkFile` accepts is scored on random facts (factsOf) or graded at random scores, and must
// keep the invariants (test/support/invariants.ts). Seeds are fixed, so the counts below are reproducible.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPolicyIds, bundledRubricIds, checkFile, PolicySchema, RubricSchema } from '../../../src/core';
import { policyBroken, rubricBroken } from '../../support/invariants';
import { mutated, mutationsOf } from '../../support/mutations';

const MUTANTS = 250;
const files = [...bundledRubricIds.map((id) => `rubrics/${id}.json`), ...bundledPolicyIds.map((id) => `rubrics/policies/${id}.json`)];

interface Tally {
  generated: number;
  refused: number;
  broken: { what: string; invariants: string[] }[];
}

function run(path: string): Tally {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const tally: Tally = { generated: 0, refused: 0, broken: [] };
  fc.sample(mutationsOf(file), { numRuns: MUTANTS, seed: 13 }).forEach((mutations, n) => {
    tally.generated++;
    const mutant = mutated(file, mutations);
    if (checkFile(mutant).errors.length > 0) {
      tally.refused++;
      return;
    }
    const invariants = mutant.kind === 'rubric' ? rubricBroken(RubricSchema.parse(mutant), 4, n) : policyBroken(PolicySchema.parse(mutant), 40, n);
    if (invariants.length > 0) tally.broken.push({ what: mutations.map((m) => m.what).join('；'), invariants });
  });
  return tally;
}

describe('mib check accepts only mutants that keep the invariants', () => {
  it('the bundled files themselves keep them', () => {
    for (const path of files) {
      const file = JSON.parse(readFileSync(path, 'utf8'));
      const broken = file.kind === 'rubric' ? rubricBroken(RubricSchema.parse(file), 20, 1) : policyBroken(PolicySchema.parse(file), 200, 1);
      expect(broken, path).toEqual([]);
    }
  });

  it.each(files)(
    '%s',
    (path) => {
      const tally = run(path);
      const byInvariant: Record<string, number> = {};
      for (const b of tally.broken) for (const i of b.invariants) byInvariant[i] = (byInvariant[i] ?? 0) + 1;
      // the counts the report quotes (generated, refused, accepted, accepted but broken, by invariant)
      console.log(
        JSON.stringify({
          path,
          generated: tally.generated,
          refused: tally.refused,
          accepted: tally.generated - tally.refused,
          broken: tally.broken.length,
          byInvariant,
        }),
      );
      expect(tally.generated).toBe(MUTANTS);
      expect(tally.refused).toBeGreaterThan(0);
      expect(tally.broken.slice(0, 5)).toEqual([]);
    },
    120_000,
  );
});
