// Issue 19, deliver 2, the LibreOffice face: a sample of drawn own tables and policies (as in ownFiles.test.ts),
// each made into a template by `mib template --input` and recalculated by LibreOffice in one run, shows the
// total, grade and refund of `mib score --json`. MIB_FACES_SOFFICE_RUNS sets the sample (default 4).
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mibOnDisk } from '../support/mibOnDisk';
import { asForm, expectSame, mibScoreJson, onSheet, planOf, registered, type Shown, shownOfScore } from '../support/ownFaces';
import { caseText, type OwnCase, ownCase } from '../support/ownFiles';
import { scratch } from '../support/rosterFiles';
import { recalculate, sofficeVersion } from '../support/sofficeRecalc';

const RUNS = Number(process.env.MIB_FACES_SOFFICE_RUNS ?? 4);

/** `mib template` of the case with its facts, on disk. */
async function template(c: OwnCase, dir: (name: string) => string): Promise<string> {
  const [table, policy, facts, file] = ['table.json', 'policy.json', 'facts.json', 'template.xlsx'].map(dir) as [string, string, string, string];
  writeFileSync(table, JSON.stringify(c.rubricJson));
  writeFileSync(policy, JSON.stringify(c.policyJson));
  writeFileSync(facts, JSON.stringify(c.facts));
  const argv = ['template', table, '--policy', policy, '--input', facts, '--convert', '--deposit', c.deposit, '-o', file];
  if (c.complete) argv.push('--complete');
  if (c.ownership) argv.push('--ownership', c.ownership);
  if (c.circumstances.length > 0) argv.push('--circumstance', c.circumstances.join(','));
  const made = await mibOnDisk(...argv);
  if (made.code !== 0) throw new Error(`mib template exited ${made.code}: ${made.err}`);
  return file;
}

describe.skipIf(!sofficeVersion())('a region’s own table and policy: LibreOffice recalculates the template as mib score', () => {
  it(`on ${RUNS} drawn pairs`, async () => {
    const dir = scratch('mib-own-soffice-');
    const cases = fc.sample(
      ownCase.filter((c) => onSheet(c)),
      { numRuns: RUNS, ...(process.env.MIB_FACES_SEED !== undefined && { seed: Number(process.env.MIB_FACES_SEED) }) },
    );
    const files = await Promise.all(cases.map((c, i) => template(c, (name) => dir(`${i}-${name}`))));
    const computed = await recalculate(files);
    for (const [i, c] of cases.entries()) {
      const plan = await registered(c, () => planOf(c));
      const cell = computed.get(files[i]!)!;
      const refund = plan.fields.refund ? cell(plan.fields.refund) : null;
      const shown: Shown = {
        total: cell(plan.fields.total) as number,
        grade: String(cell(plan.fields.grade!)),
        refund: typeof refund === 'number' ? refund.toFixed(2) : refund === null || refund === '' ? null : String(refund),
      };
      // (the form shows 待填报 where mib score grades provisionally)
      const json = mibScoreJson(c);
      const reference = asForm(shownOfScore(json, c), json);
      expect(() => expectSame(`LibreOffice, case ${caseText(c)}`, shown, reference)).not.toThrow();
    }
  }, 300_000);
});
