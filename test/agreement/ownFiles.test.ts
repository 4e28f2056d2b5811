// Issue 19, deliver 2: a region's own table and policy, drawn from the schemas (test/support/ownFiles.ts;
// ownFilesCoverage.test.ts holds the generator to every field of the JSON Schemas) and kept when `mib check`
// passes them, score the same on every face (test/support/ownFaces.ts): the total, the grade as shown and
// the refund of `mib score --json` are those of the template's formulas in HyperFormula, of the add-in's
// Office.js writer, of MIB.SCORE + MIB.GRADE/MIB.REFUND, of a one-row and a many-row `mib roster --json`
// (and a 第十一条 parent against `mib composite`), of the pane's workbook and of `mib collect` of the
// filled `mib template`. LibreOffice recalculates a sample in ownFilesLibreOffice.test.ts; the seams found
// are named cases in ownSeams.test.ts. MIB_FACES_RUNS=500 runs longer; MIB_FACES_SEED=<seed> replays a run.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectEveryFaceAgrees } from '../support/ownFaces';
import { ownCase } from '../support/ownFiles';
import { scratch } from '../support/rosterFiles';

const RUNS = Number(process.env.MIB_FACES_RUNS ?? 25);
const SEED = process.env.MIB_FACES_SEED === undefined ? {} : { seed: Number(process.env.MIB_FACES_SEED) };

describe('a region’s own table and policy: every face agrees', () => {
  it(`on ${RUNS} drawn pairs, facts and options`, async () => {
    const dir = scratch('mib-own-faces-');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(ownCase, async (c) => {
        run += 1;
        await expectEveryFaceAgrees(c, (name) => dir(`${run}-${name}`));
      }),
      { numRuns: RUNS, endOnFailure: true, ...SEED },
    );
  }, 600_000);
});
