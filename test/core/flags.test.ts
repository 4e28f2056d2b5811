import { describe, expect, it } from 'vitest';
import { evaluate, flagsOf, getRubric } from '../../src/core';

const rubric = getRubric('cq-jiangbei-2025-hospital');

describe('flagsOf: what a reviewer must see, vetoes first', () => {
  const result = evaluate(rubric, { '15.1': '是', '4.2': 7, '17.2': 3, '23.2': 4, '18.1': '150%', '99.9': 1 });
  const flags = flagsOf(rubric, result);

  it('veto names the item in the table’s words and the clause', () => {
    expect(flags[0]).toMatchObject({ kind: 'veto', itemId: '15', inputIds: ['15.1'] });
    expect(flags[0]?.message).toBe('否决项：第15项“定点医药机构接入智能监管系统”——未接入智能监管系统（15.1）');
  });
  it('over-cap deductions: 4.2 seven times against 5 points leaves 2 not applied; 17.2 three days × 5 against 10', () => {
    const over = flags.filter((f) => f.kind === 'overCap');
    expect(over.map((f) => [f.itemId, f.kind === 'overCap' && f.notApplied])).toEqual([
      ['4', 2],
      ['17', 5],
    ]);
    expect(over[0]?.message).toContain('共扣 7 分，本项 5 分，2 分未计入');
  });
  it('earnings beyond a cap: 正面形象 每次1分 at most 2', () => {
    expect(flags.find((f) => f.kind === 'earnedOverCap')).toMatchObject({ itemId: '23', earned: 4, notApplied: 2 });
  });
  it('invalid and unknown inputs', () => {
    const invalid = flags.filter((f) => f.kind === 'invalid');
    expect(invalid.map((f) => f.kind === 'invalid' && f.inputId)).toEqual(['18.1', '99.9']);
    expect(invalid[0]?.message).toContain('0% 到 100%');
  });
  it('missing facts name the id, its label and the item', () => {
    const missing = flags.filter((f) => f.kind === 'missing');
    expect(missing.some((f) => f.message === '未填写：20.1 药品网采率（第20项“药品网采率”）')).toBe(true);
    expect(missing.some((f) => f.kind === 'missing' && f.inputId === '4.2')).toBe(false);
  });
  it('a bad value is flagged once, as invalid, not again as missing', () => {
    expect(result.invalid.map((p) => p.field)).toContain('18.1');
    expect(result.missing).not.toContain('18.1');
    expect(result.missing).toContain('20.1');
    expect(flags.filter((f) => f.kind === 'missing' && f.inputId === '18.1')).toEqual([]);
  });
  it('the order is veto, over-cap, earned over cap, invalid, missing', () => {
    const kinds = flags.map((f) => f.kind);
    const firstOf = (k: string) => kinds.indexOf(k as never);
    expect(firstOf('veto')).toBeLessThan(firstOf('overCap'));
    expect(firstOf('overCap')).toBeLessThan(firstOf('invalid'));
    expect(firstOf('invalid')).toBeLessThan(firstOf('missing'));
  });
});
