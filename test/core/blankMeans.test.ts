// What a blank fact means, for every input of every bundled table: the words each clause kind gives
// (blankMeans) say what evaluate does with the blank, and the trace says the same words.
import { describe, expect, it } from 'vitest';
import { blankMeaningOf, evaluate, getRubric, inputIndex, rubricIds } from '../../src/core';

describe.each(rubricIds)('%s: a blank means what its words say', (rubricId) => {
  const rubric = getRubric(rubricId);
  const blank = evaluate(rubric, {});
  const ids = [...inputIndex(rubric).byId.keys()];

  it.each(ids)('%s', (id) => {
    const means = blankMeaningOf(rubric, id)!;
    const clause = blank.items.flatMap((i) => i.clauses).find((c) => c.inputs.includes(id))!;
    const trace = clause.lines.join('\n');
    // short enough for an Excel validation title (32 characters)
    expect(means.zh.length).toBeLessThanOrEqual(32);
    if (means.zh.startsWith('不填视为未发现')) {
      expect([clause.deduct.toNumber(), clause.earn.toNumber(), clause.veto]).toEqual([0, 0, false]);
      expect(trace).toContain('按未发现计');
    } else if (means.zh.startsWith('不填视为未达到') || means.zh.startsWith('不填视为此方法未达到')) {
      expect(clause.earn.toNumber()).toBe(0);
      expect(trace).toContain('按未达到计');
      const deducts = /扣(\d+(?:\.\d+)?)分|扣满本项分值|不得分$/.exec(means.zh);
      if (clause.deduct.gt(0)) expect(deducts).not.toBeNull();
    } else if (means.zh.startsWith('不填按最后一档')) {
      expect(trace).toMatch(/按第.+计/);
      expect(means.zh).toContain(clause.deduct.isZero() ? '不扣分' : `扣${clause.deduct.toString()}分`);
    } else if (means.zh === '不填按0分计') {
      expect(clause.earn.toNumber()).toBe(0);
      expect(trace).toContain('按0分计');
    } else {
      // 未被抽取电话回访 left blank: the hospital was drawn, the rate decides
      expect(means.zh).toBe('不填视为已被抽取，按满意度计分');
    }
  });
});
