// evaluate with `trace: false` (a roster scoring thousands of institutions) leaves out the words and
// nothing else: the same figures, vetoes, missing and invalid facts as with the trace, for every
// bundled table; the default keeps every line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledRubricIds, type EvaluateOptions, evaluate, getRubric, type Result, type Rubric } from '../../src/core';
import { factsOf } from '../support/randomFacts';

/** Everything a result says but its words, as text (Decimals compared digit for digit, sign included). */
function figures(result: Result) {
  const text = (d: { toString(): string; isNegative(): boolean; isZero(): boolean }) => (d.isZero() && d.isNegative() ? '-0' : d.toString());
  return {
    total: text(result.total),
    totalBeforeVeto: text(result.totalBeforeVeto),
    max: text(result.max),
    bonus: text(result.bonus),
    bonusMax: text(result.bonusMax),
    veto: result.veto,
    vetoItems: result.vetoItems,
    missing: result.missing,
    invalid: result.invalid,
    ownership: result.ownership,
    ownershipMissing: result.ownershipMissing,
    items: result.items.map((i) => ({
      id: i.id,
      code: i.code,
      score: text(i.score),
      max: text(i.max),
      deducted: text(i.deducted),
      overCap: text(i.overCap),
      clauseCapped: text(i.clauseCapped),
      earned: text(i.earned),
      earnedOverCap: text(i.earnedOverCap),
      veto: i.veto,
      missing: i.missing,
      clauses: i.clauses.map((c) => ({
        kind: c.kind,
        inputs: c.inputs,
        deduct: text(c.deduct),
        earn: text(c.earn),
        veto: c.veto,
        cap: c.cap && text(c.cap),
        capped: text(c.capped),
        zeroes: c.zeroes,
      })),
    })),
  };
}

/** Facts as a person may give them, now and then a value the table refuses or text the quick readers
 * leave to zod ("45 ％", " 是 ", "1,000", "abc", −1, 2.5 for a count). */
function factsWithSlips(rubric: Rubric): fc.Arbitrary<Record<string, unknown>> {
  const slip = fc.constantFrom<unknown>('abc', -1, 2.5, '1,000', ' 45 ％ ', ' 是 ', 'TRUE', Infinity, '', '  ', null, '0x10', '1e3', 3, '2');
  return fc.tuple(factsOf(rubric), fc.array(fc.tuple(fc.nat(), slip), { maxLength: 4 })).map(([facts, slips]) => {
    const ids = Object.keys(facts);
    const next = { ...facts };
    for (const [at, value] of slips) next[ids[at % ids.length]!] = value;
    return next;
  });
}

const ownerships = fc.constantFrom<EvaluateOptions['ownership']>(undefined, 'public', 'private');

describe('evaluate with trace: false', () => {
  it.each(bundledRubricIds)('%s: the same scores, over-caps, vetoes, missing and invalid facts as with the trace', (id) => {
    const rubric = getRubric(id);
    fc.assert(
      fc.property(factsWithSlips(rubric), ownerships, (facts, ownership) => {
        const options = ownership ? { ownership } : {};
        const traced = evaluate(rubric, facts, options);
        const bare = evaluate(rubric, facts, { ...options, trace: false });
        expect(figures(bare)).toEqual(figures(traced));
        expect(bare.items.every((i) => i.trace.length === 0 && i.clauses.every((c) => c.lines.length === 0))).toBe(true);
      }),
      { numRuns: 150, seed: 14 },
    );
  });

  it.each(bundledRubricIds)('%s: the default (and trace: true) keeps a line for every clause and the arithmetic of every item', (id) => {
    const rubric = getRubric(id);
    for (const facts of fc.sample(factsOf(rubric), { numRuns: 20, seed: 8 })) {
      for (const result of [evaluate(rubric, facts), evaluate(rubric, facts, { trace: true })]) {
        for (const item of result.items) {
          expect(item.clauses.every((c) => c.lines.length > 0)).toBe(true);
          // the clauses' lines, then the item's arithmetic
          expect(item.trace).toEqual([...item.clauses.flatMap((c) => c.lines), expect.any(String)]);
        }
      }
    }
  });

  it('威海 二级 C13.4 for a private hospital: skipped without its words, its points the same', () => {
    const rubric = getRubric('weihai-2021-hospital-l2');
    const traced = evaluate(rubric, {}, { ownership: 'private' });
    const bare = evaluate(rubric, {}, { ownership: 'private', trace: false });
    const skipped = traced.items.flatMap((i) => i.clauses).find((c) => c.lines.some((l) => l.includes('本条不适用')));
    expect(skipped).toBeDefined();
    expect(bare.total.toString()).toBe(traced.total.toString());
    expect(bare.items.flatMap((i) => i.clauses).every((c) => c.lines.length === 0)).toBe(true);
  });
});
