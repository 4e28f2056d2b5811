import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionOf, evaluate, getRubric, listPolicies, refundOf, rubricIds, type Rubric } from '../../src/core';
import { inputIndex } from '../../src/core/scoring/evaluate';
import { factsOf } from '../support/randomFacts';

/** The same facts with one more finding on a clause that deducts or vetoes. */
function worsen(rubric: Rubric, facts: Record<string, unknown>, pick: number): Record<string, unknown> | null {
  const candidates = [...inputIndex(rubric).byId.values()].filter(({ rule }) => {
    const role = definitionOf(rule).role(rule);
    return role === 'veto' || (role === 'deduct' && ['perOccurrence', 'condition', 'discretionary', 'band'].includes(rule.kind));
  });
  if (candidates.length === 0) return null;
  const { spec, rule } = candidates[pick % candidates.length]!;
  const next = { ...facts };
  const current = facts[spec.id];
  switch (spec.type) {
    case 'boolean':
      next[spec.id] = true;
      break;
    case 'count':
      next[spec.id] = Math.min(spec.max ?? Infinity, (typeof current === 'number' ? current : 0) + 1);
      break;
    case 'points': {
      if (rule.kind !== 'discretionary') return null;
      const total = typeof current === 'number' ? current : 0;
      // one more occurrence; a single judgement (no perOccurrence) can only grow up to its max
      const more = total + Math.max(rule.min, 1);
      if (!rule.perOccurrence && total >= rule.max) return null;
      next[spec.id] = rule.perOccurrence ? more : Math.min(rule.max, more);
      break;
    }
    case 'band':
      // a missing band already counts as the last one
      if (current === undefined) return null;
      next[spec.id] = Math.min(spec.options?.length ?? 1, (current as number) + 1);
      break;
    default:
      return null;
  }
  return next;
}

describe.each(rubricIds)('invariants of %s over random facts', (id) => {
  const rubric = getRubric(id);
  it('every item within [0, its points]; total within [0, max + bonus]; no invalid facts', () => {
    fc.assert(
      fc.property(factsOf(rubric), (facts) => {
        const r = evaluate(rubric, facts);
        expect(r.invalid).toEqual([]);
        for (const item of r.items) {
          expect(item.score.gte(0)).toBe(true);
          expect(item.score.lte(item.max)).toBe(true);
          expect(item.overCap.gte(0)).toBe(true);
          expect(item.deducted.gte(item.overCap)).toBe(true);
        }
        expect(r.total.gte(0)).toBe(true);
        expect(r.total.lte(r.max.plus(r.bonusMax))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('any veto wins: the total is 0', () => {
    fc.assert(
      fc.property(factsOf(rubric), (facts) => {
        const r = evaluate(rubric, facts);
        if (r.veto) expect(r.total.toNumber()).toBe(0);
        else expect(r.total.eq(r.totalBeforeVeto)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('adding a finding never raises a score', () => {
    fc.assert(
      fc.property(factsOf(rubric), fc.nat(), (facts, pick) => {
        const worse = worsen(rubric, facts, pick);
        fc.pre(worse !== null);
        const before = evaluate(rubric, facts);
        const after = evaluate(rubric, worse!);
        expect(after.invalid).toEqual([]);
        expect(after.total.lte(before.total)).toBe(true);
        before.items.forEach((item, i) => expect(after.items[i]!.score.lte(item.score)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(
  listPolicies()
    .filter((p) => p.refund)
    .map((p) => [p.id, p] as const),
)('refund invariants of %s', (_id, policy) => {
  // every score the policy's scale allows (吉林 100 + 10, 宁德 100), to the hundredth
  const top = (policy.scale.points + policy.scale.bonus) * 100;
  const score = fc.integer({ min: 0, max: top }).map((n) => n / 100);
  const deposit = fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100);
  it('refund within [0, deposit]', () => {
    fc.assert(
      fc.property(score, deposit, (s, d) => {
        const r = refundOf(policy, s, d);
        expect(r.amount.gte(0)).toBe(true);
        expect(r.amount.lte(d)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('never decreasing as the score rises', () => {
    fc.assert(
      fc.property(score, score, deposit, (a, b, d) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(refundOf(policy, low, d).amount.lte(refundOf(policy, high, d).amount)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
