// Shared by the two 威海 table tests: clean facts, scoring with overrides, and the clause-test helper
// that checks the rubric's clause really says the sentence the test is named after.
import { expect, it } from 'vitest';
import { evaluate, inputIndex, type RawValue, type Result, type Rubric } from '../../src/core';

/** No finding anywhere, and every earning at its best: the facts a model institution reports. */
export function cleanFacts(rubric: Rubric, best: Record<string, RawValue>): Record<string, RawValue> {
  const facts: Record<string, RawValue> = {};
  for (const [id, { spec }] of inputIndex(rubric).byId) {
    if (spec.type === 'boolean') facts[id] = false;
    else if (spec.type === 'count' || spec.type === 'points') facts[id] = 0;
    else if (spec.type === 'band' || spec.type === 'choice' || spec.type === 'rank') facts[id] = 1;
    else facts[id] = 0;
  }
  return { ...facts, ...best };
}

export function harness(rubric: Rubric, clean: Record<string, RawValue>) {
  const tested = new Set<string>();
  const run = (over: Record<string, RawValue> = {}): Result => {
    const result = evaluate(rubric, { ...clean, ...over });
    expect(result.invalid).toEqual([]);
    return result;
  };
  const item = (result: Result, no: string) => {
    const found = result.items.find((i) => i.id === no);
    if (!found) throw new Error(`no item ${no}`);
    return found;
  };
  /** [score, raw deductions, over-cap] of the item the input belongs to */
  const sdo = (over: Record<string, RawValue>, no: string): [number, number, number] => {
    const i = item(run(over), no);
    return [i.score.toNumber(), i.deducted.toNumber(), i.overCap.toNumber()];
  };
  const score = (over: Record<string, RawValue>, no: string): number => item(run(over), no).score.toNumber();
  function clause(id: string, sentence: string, body: () => void): void {
    tested.add(id);
    it(`${id} “${sentence}”`, () => {
      const entry = inputIndex(rubric).byId.get(id);
      expect(entry, `${id} is an input of the table`).toBeDefined();
      expect(JSON.stringify(entry?.rule)).toContain(JSON.stringify(sentence).slice(1, -1));
      body();
    });
  }
  /** A fixed deduction on a yes/no fact: clean keeps the item's points, the fact takes `points` off. */
  function fixed(id: string, sentence: string, points: number): void {
    const no = id.split('.')[0]!;
    clause(id, sentence, () => {
      const full = score({}, no);
      expect(sdo({ [id]: true }, no)).toEqual([full - points, points, 0]);
      expect(sdo({ [id]: '是' }, no)[1]).toBe(points);
      const blank = run({ [id]: null });
      expect(item(blank, no).score.toNumber()).toBe(full); // missing = no finding
      expect(blank.missing).toEqual([id]);
    });
  }
  /** A deduction per occurrence: n findings take n × points, never below 0 (excess reported over cap). */
  function each(id: string, sentence: string, points: number, itemPoints: number): void {
    const no = id.split('.')[0]!;
    clause(id, sentence, () => {
      expect(sdo({ [id]: 1 }, no)).toEqual([itemPoints - points, points, 0]);
      if (2 * points <= itemPoints) expect(sdo({ [id]: 2 }, no)).toEqual([itemPoints - 2 * points, 2 * points, 0]);
      const n = Math.floor(itemPoints / points) + 1;
      expect(sdo({ [id]: n }, no)).toEqual([0, n * points, n * points - itemPoints]);
      // a negative count is refused, naming the id
      expect(evaluate(rubric, { ...clean, [id]: -1 }).invalid.map((p) => p.field)).toEqual([id]);
    });
  }
  return { run, item, sdo, score, clause, fixed, each, tested };
}
