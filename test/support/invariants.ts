// What a file that `mib check` accepts must never do when it scores, grades or refunds: the invariants of
// issue 13. Each returns the broken invariants' names (empty when all hold), evaluated through the core.
import fc from 'fast-check';
import { bonusMaxOf, D, type Dec, definitionOf, evaluate, gradeOf, type Policy, refundOf, type Rubric } from '../../src/core';
import type { InputSpec } from '../../src/core/inputs';
import type { RuleContext } from '../../src/core/rules';
import { factsOf } from './randomFacts';

export type Broken = string[];

/** A numeric clause's outcome over its input's values: the same for every value is a clause that does
 * not score (a ratio bound written 90, a "< 0" on a ratio). Probed at the domain's ends, its bounds and
 * between them, directly through the clause's own evaluate. */
function respondsToItsInput(rule: any, itemPoints: Dec): boolean {
  const spec: InputSpec = rule.input;
  const low = spec.type === 'ratio' ? 0 : spec.type === 'signedRatio' ? -1 : (spec.min ?? 0);
  const high = spec.type === 'ratio' || spec.type === 'signedRatio' ? 1 : (spec.max ?? low + 1000);
  const bounds: number[] = rule.kind === 'threshold' ? [rule.when.value] : rule.kind === 'table' ? rule.rows.map((r: any) => r.value) : [rule.reference];
  const marks = [...new Set([low, high, ...bounds.filter((b) => b >= low && b <= high)])].sort((a, b) => a - b);
  const values = [...marks, ...marks.slice(1).map((m, i) => (m + marks[i]!) / 2)];
  const outcomes = values.map((v) => {
    const ctx: RuleContext = { value: () => new D(v), itemPoints, partialSteps: 'proportional' };
    const out = definitionOf(rule).evaluate(rule, ctx);
    return `${out.earn ?? 0}|${out.deduct ?? 0}`;
  });
  return new Set(outcomes).size > 1;
}

export function rubricBroken(rubric: Rubric, runs: number, seed: number): Broken {
  const broken = new Set<string>();
  const top = new D(rubric.total).plus(bonusMaxOf(rubric));
  for (const facts of fc.sample(factsOf(rubric), { numRuns: runs, seed })) {
    const result = evaluate(rubric, facts);
    for (const item of result.items) {
      if (item.score.lt(0) || item.score.gt(item.max)) broken.add('每项得分在 [0, 分值] 之内');
    }
    if (result.total.lt(0) || result.total.gt(top)) broken.add('总分在 [0, 合计 + 加分] 之内');
  }
  for (const item of rubric.items) {
    for (const rule of item.rules.flatMap((r) => (r.kind === 'bestOf' ? r.methods : [r]))) {
      if ((rule.kind === 'threshold' || rule.kind === 'table' || rule.kind === 'linear') && !respondsToItsInput(rule, new D(item.points ?? 0))) {
        broken.add('数值条款随填报值计分（比例门槛不写成 90）');
      }
    }
  }
  return [...broken];
}

/** Scores across the policy's scale: the random ones given, each band's bounds and just below them. */
function scoresOf(policy: Policy, random: number[]): Dec[] {
  const top = new D(policy.scale.points).plus(policy.scale.bonus);
  const edges = policy.grades.flatMap((g) => [g.min, g.max]).filter((b): b is number => b !== undefined).flatMap((b) => [new D(b), new D(b).minus(0.01)]);
  return [...random.map((r) => top.times(r)), ...edges, new D(0), top].filter((s) => s.gte(0) && s.lte(top)).sort((a, b) => a.comparedTo(b));
}

export function policyBroken(policy: Policy, runs: number, seed: number): Broken {
  const broken = new Set<string>();
  const random = fc.sample(fc.integer({ min: 0, max: 10000 }), { numRuns: runs, seed }).map((n) => n / 10000);
  const scores = scoresOf(policy, random);
  const lowest = policy.grades[policy.grades.length - 1]!;
  const guard = (name: string, f: () => void) => {
    try {
      f();
    } catch {
      broken.add(`${name}（计算出错）`);
    }
  };
  guard('否决不好于最低等次', () => {
    for (const s of scores) if (gradeOf(policy, s, { veto: true }).label !== lowest.label) broken.add('否决不好于最低等次');
  });
  if (!policy.refund) return [...broken];
  const deposit = new D(12345.67);
  guard('返还在 [0, 保证金] 之内且不随得分升高而减少', () => {
    let previous: Dec | undefined;
    let lowestOwn = new D(0);
    for (const s of scores) {
      const { amount, ratio } = refundOf(policy, s, deposit);
      if (amount.lt(0) || amount.gt(deposit)) broken.add('返还在 [0, 保证金] 之内');
      if (previous && ratio.lt(previous)) broken.add('得分越高返还不越少');
      previous = previous ? D.max(previous, ratio) : ratio;
      if (gradeOf(policy, s).label === lowest.label) lowestOwn = D.max(lowestOwn, ratio);
    }
    for (const s of scores) if (refundOf(policy, s, deposit, { veto: true }).ratio.gt(lowestOwn)) broken.add('否决后的返还不多于最低等次');
  });
  return [...broken];
}
