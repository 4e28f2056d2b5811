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

// issue 12 point 8: 【扣分超过单项分值】 only when an item's deductions exceed its points
describe('labels that mean what they say', () => {
  const weihai = getRubric('weihai-2021-hospital-l2');
  const item = (result: ReturnType<typeof evaluate>, id: string) => result.items.find((i) => i.id === id)!;

  it('威海 A1 “每高于该区间1个百分点扣0.5分，最多扣5分”: 14 points above takes 7, counted as 5 — the clause’s cap, not the item’s 10', () => {
    const result = evaluate(weihai, { '25.1': 0.14, '25.2': 0 });
    const a1 = item(result, '25');
    expect([a1.score, a1.deducted, a1.overCap, a1.clauseCapped].map((d) => d.toNumber())).toEqual([5, 7, 0, 2]);
    expect(a1.clauses.map((c) => c.capped.toNumber())).toEqual([2, 0]);
    const flags = flagsOf(weihai, result).filter((f) => f.itemId === '25');
    expect(flags.map((f) => f.kind)).toEqual(['clauseCap']);
    expect(flags[0]).toMatchObject({ clause: 1, inputIds: ['25.1'], cap: 5, deducted: 7, notApplied: 2 });
    expect(flags[0]!.message).toBe('条款扣分封顶：第25项（A1）“医保政策范围内住院医疗费用基金的支付比例”第1条“最多扣5分”：扣 7 分，按 5 分计');
  });

  it('威海 A1 with both clauses at their caps: 5 + 5 = the item’s 10, still no over-cap', () => {
    const a1 = item(evaluate(weihai, { '25.1': 0.2, '25.2': 0.3 }), '25');
    expect([a1.score, a1.deducted, a1.overCap, a1.clauseCapped].map((d) => d.toNumber())).toEqual([0, 25, 0, 15]);
  });

  it('江北 7 “…不得分” with 2 findings of 7.2: 0 by the text, not over cap', () => {
    const result = evaluate(rubric, { '7.1': true, '7.2': 2 });
    expect([item(result, '7').score.toNumber(), item(result, '7').overCap.toNumber()]).toEqual([0, 0]);
    expect(flagsOf(rubric, result).filter((f) => f.kind === 'overCap' || f.kind === 'clauseCap')).toEqual([]);
    expect(item(result, '7').trace.at(-1)).toBe('4 − 6 = 0；按第1条“不得分”计 0 分，不属扣分超过单项分值');
  });

  it('江北 9 both rows 未如实填报 (不得分 twice): 0, not over cap', () => {
    const result = evaluate(rubric, { '9.1': true, '9.2': true });
    expect(flagsOf(rubric, result).filter((f) => f.kind === 'overCap')).toEqual([]);
  });

  it('江北 4 (5 points), 7 findings: a true over-cap, and no clause cap', () => {
    const flags = flagsOf(rubric, evaluate(rubric, { '4.2': 7 }));
    expect(flags.filter((f) => f.kind === 'overCap').map((f) => [f.itemId, f.kind === 'overCap' && f.notApplied])).toEqual([['4', 2]]);
    expect(flags.filter((f) => f.kind === 'clauseCap')).toEqual([]);
  });

  it('江北 7 with findings that alone exceed the 4 points: over cap by what the findings exceed', () => {
    const flags = flagsOf(rubric, evaluate(rubric, { '7.1': true, '7.2': 6 }));
    const over = flags.find((f) => f.kind === 'overCap');
    expect(over).toMatchObject({ itemId: '7', deducted: 6, notApplied: 2 });
    expect(over!.message).toBe('扣分超过单项分值：第7项“门诊慢特病病种、国家医保谈判药品资格认定服务情况”共扣 6 分，本项 4 分，2 分未计入');
  });
});
