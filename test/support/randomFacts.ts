// Random facts for property tests: every input of a rubric valid or blank, as a user could enter them.
import fc from 'fast-check';
import { type InputSpec, inputIndex, type Rule, type Rubric } from '../../src/core';

/** n / scale as a user's sheet may hold it: typed (the nearest double), or computed by a formula that
 * leaves binary noise (n × 0.001 is 0.9000000000000001 for 900; n / 3000 × 3 is 0.8999999999999999
 * for 900). Excel shows all three alike, and the core reads all three at 15 significant digits. */
const decimal = (n: fc.Arbitrary<number>, scale: number) =>
  fc
    .tuple(n, fc.constantFrom('typed', 'times', 'thirds'))
    .map(([k, how]) => (how === 'typed' ? k / scale : how === 'times' ? k * (1 / scale) : (k / (3 * scale)) * 3));

/** Whole numbers in [low, high] rounded inwards (a hand-written file may give min 0.05 or max 2.5), or
 * none when no whole number lies there. */
const whole = (low: number, high: number): fc.Arbitrary<number>[] =>
  Math.ceil(low) <= Math.floor(high) ? [fc.integer({ min: Math.ceil(low), max: Math.floor(high) })] : [];

/** An arbitrary valid (or blank) value for one input spec of a rule. */
function valueOf(spec: InputSpec, rule: Rule): fc.Arbitrary<unknown> {
  const blank = fc.constant(undefined);
  switch (spec.type) {
    case 'boolean':
      return fc.oneof(blank, fc.boolean(), fc.constantFrom('是', '否'));
    case 'count':
      return fc.oneof(blank, ...whole(0, spec.max ?? 30));
    case 'rank':
      return fc.oneof(blank, fc.integer({ min: 1, max: 40 }));
    case 'ratio':
      return fc.oneof(blank, decimal(fc.integer({ min: 0, max: 1000 }), 1000));
    case 'signedRatio':
      return fc.oneof(blank, decimal(fc.integer({ min: -1000, max: 1000 }), 1000));
    case 'number':
      return fc.oneof(blank, ...whole((spec.min ?? 0) * 10, (spec.max ?? 100) * 10).map((n) => decimal(n, 10)));
    case 'points': {
      if (rule.kind !== 'discretionary') return fc.oneof(blank, ...whole(0, (spec.max ?? 60) * 10).map((n) => n.map((k) => k / 10)));
      // a total that k occurrences of [min, max] reach (one occurrence without perOccurrence), in half points
      const most = rule.perOccurrence ? 4 : 1;
      const { min, max } = rule;
      return fc.oneof(
        blank,
        fc.integer({ min: 0, max: most }).chain((k) => whole(k * min * 2, k * max * 2)[0]?.map((h) => h / 2) ?? blank),
      );
    }
    case 'band':
    case 'choice':
      return fc.oneof(blank, fc.integer({ min: 1, max: spec.options?.length ?? 2 }));
  }
}

export function factsOf(rubric: Rubric): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [id, entry] of inputIndex(rubric).byId) shape[id] = valueOf(entry.spec, entry.rule);
  return fc.record(shape);
}
