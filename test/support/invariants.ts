// What a file that `mib check` accepts must never do when it scores, grades or refunds: the invariants of
// issue 13. Each returns the broken invariants' names (empty when all hold), evaluated through the core.
import fc from 'fast-check';
import { bonusMaxOf, D, type Dec, definitionOf, evaluate, gradeOf, type Policy, refundOf, type Rubric } from '../../src/core';
import { type InputSpec, type InputValue, parseInputValue } from '../../src/core/scoring/inputs';
import type { Rule, RuleContext } from '../../src/core/rules';
import { compare } from '../../src/core/rules/shared';
import { factsOf } from './randomFacts';

export type Broken = string[];

/** Values worth trying for an input: the domain's ends and common values, the clause's own numbers
 * (bounds, reference, discretionary min and max) and the points between them. */
function candidates(spec: InputSpec, numbers: number[]): unknown[] {
  switch (spec.type) {
    case 'boolean':
      return [true, false];
    case 'band':
    case 'choice':
      return (spec.options ?? []).map((_, i) => i + 1);
    default: {
      const base = [
        0,
        0.01,
        0.02,
        0.1,
        0.5,
        0.9,
        0.99,
        1,
        2,
        5,
        10,
        40,
        100,
        -0.02,
        -0.5,
        -1,
        spec.min ?? 0,
        spec.max ?? 0,
        ...numbers,
        ...numbers.map((n) => n * 2),
      ];
      const marks = [...new Set(base)].sort((a, b) => a - b);
      return [...marks, ...marks.slice(1).map((m, i) => (m + marks[i]!) / 2)];
    }
  }
}

/** The values of a clause's input that a person can enter: parsed as the input's kind and range, and
 * within the clause's own printed range (a discretionary total). */
function enterable(rule: Rule, spec: InputSpec, numbers: number[]): InputValue[] {
  return candidates(spec, numbers).flatMap((raw) => {
    const parsed = parseInputValue(spec, raw);
    if (!('value' in parsed)) return [];
    return definitionOf(rule).checkValue?.(rule, spec, parsed.value) ? [] : [parsed.value];
  });
}

function numbersOf(rule: any): number[] {
  if (rule.kind === 'threshold') return [rule.when.value];
  if (rule.kind === 'table') return rule.rows.map((r: any) => r.value);
  if (rule.kind === 'linear') return [rule.reference, rule.reference + rule.step, rule.reference - rule.step];
  if (rule.kind === 'discretionary') return [rule.min, rule.max];
  // a rank just past the top (前13名 → 14): a rank input without a max can always be entered beyond it
  if (rule.kind === 'rankTop') return [rule.top, rule.top + 1];
  return [];
}

/** A clause scores differently for some two values a person can enter: one that never can (a ratio bound
 * written 90, a discretionary range with its minimum above its maximum, an input whose min is above its
 * max) does not score what the table prints. Single-input clauses through their own evaluate; an all-of
 * clause part by part (each must be able both to hold and to fail). */
function answersToItsFacts(rule: Rule, itemPoints: Dec): boolean {
  if (rule.kind === 'allOf') {
    return rule.parts.every((part) => {
      if (part.input.type === 'boolean') return true;
      const held = enterable(rule, part.input, [part.value ?? 0]).map((v) => compare(v as Dec, part.op ?? '>=', part.value ?? 0));
      return held.includes(true) && held.includes(false);
    });
  }
  const inputs = definitionOf(rule).inputs(rule);
  if (rule.kind === 'bestOf' || inputs.length !== 1) return true;
  const spec = inputs[0]!;
  const outcomes = enterable(rule, spec, numbersOf(rule)).map((v) => {
    const ctx: RuleContext = { value: () => v, itemPoints, partialSteps: 'proportional' };
    const out = definitionOf(rule).evaluate(rule, ctx);
    return `${out.earn ?? 0}|${out.deduct ?? 0}|${out.veto ?? false}`;
  });
  return new Set(outcomes).size > 1;
}

export function rubricBroken(rubric: Rubric, runs: number, seed: number): Broken {
  const broken = new Set<string>();
  const top = new D(rubric.total).plus(bonusMaxOf(rubric));
  // a blank sheet too: no finding on any deduction, so a deduction-heavy table (江北) scores near its top
  for (const facts of [{}, ...fc.sample(factsOf(rubric), { numRuns: runs, seed })]) {
    const result = evaluate(rubric, facts);
    for (const item of result.items) {
      if (item.score.lt(0) || item.score.gt(item.max)) broken.add('每项得分在 [0, 分值] 之内');
    }
    if (result.total.lt(0) || result.total.gt(top)) broken.add('总分在 [0, 合计 + 加分] 之内');
  }
  for (const item of rubric.items) {
    for (const rule of item.rules.flatMap((r) => (r.kind === 'bestOf' ? r.methods : [r]))) {
      if (!answersToItsFacts(rule, new D(item.points ?? 0))) {
        broken.add('每条条款随可填的值计分（比例门槛不写成 90，下限不高于上限）');
      }
    }
  }
  return [...broken];
}

/** Scores across the policy's scale: the random ones given, each band's bounds and just below them. */
function scoresOf(policy: Policy, random: number[]): Dec[] {
  const top = new D(policy.scale.points).plus(policy.scale.bonus);
  const edges = policy.grades
    .flatMap((g) => [g.min, g.max])
    .filter((b): b is number => b !== undefined)
    .flatMap((b) => [new D(b), new D(b).minus(0.01)]);
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
  // issue 19: a veto is never better than no veto, for any score (grade no better, score no higher)
  guard('否决不好于不否决', () => {
    for (const s of scores) {
      const plain = gradeOf(policy, s);
      const vetoed = gradeOf(policy, s, { veto: true });
      if (policy.grades.indexOf(vetoed.band) < policy.grades.indexOf(plain.band) || vetoed.score.gt(s)) broken.add('否决不好于不否决');
    }
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
    for (const s of scores)
      if (refundOf(policy, s, deposit, { veto: true }).ratio.gt(refundOf(policy, s, deposit).ratio)) broken.add('否决后的返还不多于不否决');
  });
  return [...broken];
}
