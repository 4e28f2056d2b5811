// The three faces a user meets agree on every bundled table and policy: the sheet's own formulas (in a
// spreadsheet engine), the MIB functions and `mib score` give the same total, grade and refund, on random
// facts that arrive as the doubles a sheet holds (0.8999999999999999 for 90%), blanks included (暂评),
// and with the total handed to MIB.GRADE as the double the sheet computed. LibreOffice repeats the
// sheet's side on templates (test/sheet/templateLibreOffice.test.ts).
import { formGrade, formRefund } from '../../src/sheet/formStatus';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, gradeStatusOf, inputIndex, policyIds, type RawValue, rubricIds, scaleFits } from '../../src/core';
import { isFailure } from '../../src/functions/failure';
import { gradeLabel, refundAmount } from '../../src/functions/grade';
import { scoreTotal } from '../../src/functions/score';
import { planSheet } from '../../src/sheet/planSheet';
import { computePlan } from '../support/hyperformula';
import { mibWith } from '../support/mibRunner';
import { factsOf } from '../support/randomFacts';

const DEPOSIT = '123456.78';

/** `mib score … --json` on the facts, without touching the disk. */
function mibScore(rubricId: string, policyId: string, facts: Record<string, RawValue>, complete: boolean) {
  const argv = [
    'score',
    rubricId,
    '--input',
    'facts.json',
    '--policy',
    policyId,
    '--deposit',
    DEPOSIT,
    '--convert',
    '--json',
    ...(complete ? ['--complete'] : []),
  ];
  const r = mibWith({ 'facts.json': JSON.stringify(facts) })(...argv);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as { total: number; gradeText: string; refund?: number; veto: boolean; missing: string[] };
}

describe.each(rubricIds)('%s: sheet, functions and mib agree', (rubricId) => {
  const rubric = getRubric(rubricId);
  const ids = [...inputIndex(rubric).byId.keys()];
  it.each(policyIds)('under %s', (policyId) => {
    const policy = getPolicy(policyId);
    fc.assert(
      fc.property(factsOf(rubric), fc.boolean(), (drawn, complete) => {
        const facts = Object.fromEntries(Object.entries(drawn).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
        const plan = planSheet(rubric, { policyId, deposit: DEPOSIT, inputs: facts, convert: true, complete });
        const sheet = computePlan(plan);
        const cli = mibScore(rubricId, policyId, facts, complete);

        // MIB.SCORE over the id and value columns, with the policy, as the sheet's add-in cell passes them
        const total = scoreTotal(
          rubricId,
          ids.map((id) => [id]),
          ids.map((id) => [facts[id] ?? null]),
          null,
          policyId,
        );
        if (isFailure(total)) throw new Error(total.message);
        expect(total).toBeCloseTo(cli.total, 9);
        expect(sheet(plan.fields.total)).toBeCloseTo(cli.total, 9);

        // MIB.GRADE / MIB.REFUND of the total the sheet computed (a double), with the sheet's counts
        const args = {
          veto: cli.veto,
          scale: scaleFits(rubric, policy) ? null : rubricId,
          invalid: sheet(plan.fields.invalidCount),
          missing: complete ? 0 : sheet(plan.fields.missingCount),
        };
        const shownTotal = sheet(plan.fields.total);
        // the form shows 待填报 where mib score grades provisionally (暂评 …, facts blank)
        const status = gradeStatusOf({ invalid: args.invalid as number, missing: args.missing as number });
        expect(sheet(plan.fields.grade!)).toBe(formGrade(status, cli.gradeText));
        expect(gradeLabel(shownTotal, policyId, args)).toBe(cli.gradeText);
        if (policy.refund) {
          const expected = cli.refund ?? cli.gradeText; // no amount when the score is beyond the policy's scale
          expect(sheet(plan.fields.refund!)).toBe(formRefund(status, expected));
          if (cli.refund !== undefined) expect(refundAmount(shownTotal, DEPOSIT, policyId, args)).toBe(cli.refund);
        }
      }),
      { numRuns: 15 },
    );
  });
});
