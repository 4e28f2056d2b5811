// Tiny rubrics for the rule-kind tests: one item (序号 1, so input ids are 1.1, 1.2, …) or a few,
// checked by the same RubricSchema the official tables go through.
import {
  type BlankMeaning,
  blankMeaningOf,
  type ClauseResult,
  type Dec,
  evaluate,
  getRubric,
  type ItemResult,
  type RawValue,
  type Result,
  type Rubric,
  RubricSchema,
} from '../../../src/core';

export interface TestItem {
  rules: unknown[];
  /** the item's printed points; null for a veto-only item printed "/" */
  points?: number | null;
  bonus?: boolean;
}

export interface TestRubricOptions {
  partialSteps?: 'proportional' | 'whole';
  bonusCap?: number;
}

/** Several items, numbered 1, 2, 3 … in order. */
export function rubricOfItems(items: TestItem[], options: TestRubricOptions = {}): Rubric {
  const regular = items.filter((i) => !i.bonus).reduce((acc, i) => acc + (i.points ?? 0), 0);
  return RubricSchema.parse({
    kind: 'rubric',
    id: 'test-rule',
    title: '规则测试表',
    region: '测试',
    year: 2025,
    institution: 'hospital',
    layout: 'jiangbei',
    provenance: {
      issuer: '测试',
      documentNumber: '测试〔2025〕1号',
      attachment: '附件',
      title: '规则测试',
      date: '2025-01-01',
      seedFile: 'test.txt',
    },
    total: regular > 0 ? regular : 100,
    sections: [{ name: '测试' }],
    vetoEffect: 'zero',
    ...(options.partialSteps ? { partialSteps: options.partialSteps } : {}),
    ...(options.bonusCap !== undefined ? { bonusCap: options.bonusCap } : {}),
    items: items.map((item, k) => ({
      no: String(k + 1),
      section: '测试',
      indicator: `测试指标${k + 1}`,
      definition: '测试',
      method: '测试',
      category: item.bonus ? '加分项' : '测试',
      points: item.points === undefined ? 10 : item.points,
      ...(item.bonus ? { bonus: true } : {}),
      rules: item.rules,
    })),
  });
}

/** One item (序号 1) holding these rules. */
export function rubricOf(rules: unknown[], points: number | null = 10, options: TestRubricOptions & { bonus?: boolean } = {}): Rubric {
  return rubricOfItems([{ rules, points, ...(options.bonus ? { bonus: true } : {}) }], options);
}

/** Evaluates and returns the whole result and the first item. */
export function run(rubric: Rubric, inputs: Record<string, RawValue>): { result: Result; item: ItemResult } {
  const result = evaluate(rubric, inputs);
  const item = result.items[0];
  if (!item) throw new Error('rubric without items');
  return { result, item };
}

export const num = (d: Dec): number => d.toNumber();

/** score, raw deductions, over-cap deductions of the first item */
export function sdo(rubric: Rubric, inputs: Record<string, RawValue>): [number, number, number] {
  const { item } = run(rubric, inputs);
  return [num(item.score), num(item.deducted), num(item.overCap)];
}

/** The first item's score. */
export function score(rubric: Rubric, inputs: Record<string, RawValue>): number {
  return num(run(rubric, inputs).item.score);
}

/** The problems reported for these inputs, as [field, Chinese message]. */
export function problems(rubric: Rubric, inputs: Record<string, RawValue>): [string, string][] {
  return evaluate(rubric, inputs).invalid.map((p) => [p.field, p.message]);
}

/** A fact of a bundled table left blank: what its clause says a blank means, and the clause's trace with
 * every fact of the table blank. */
export function blankOf(rubricId: string, id: string): { means: BlankMeaning; clause: ClauseResult; item: ItemResult } {
  const rubric = getRubric(rubricId);
  const item = evaluate(rubric, {}).items.find((i) => i.clauses.some((c) => c.inputs.includes(id)));
  const clause = item?.clauses.find((c) => c.inputs.includes(id));
  const means = blankMeaningOf(rubric, id);
  if (!item || !clause || !means) throw new Error(`no input ${id} in ${rubricId}`);
  return { means, clause, item };
}
