// The scale a table counts in against the scale a policy grades on (吉林 第八条 "扣分项总分 100 分，加分项原则上
// 不超过 10 分"; 宁德 "考核采取百分制"; 江北 "总分为100分"; 威海 795 / 715 points).
import { describe, expect, it } from 'vitest';
import { assess, conversionFor, evaluate, getPolicy, getRubric, gradeOf, listPolicies, MibError, scaleFits } from '../../../src/core';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const weihai = getRubric('weihai-2021-hospital-l2');
const jilin = getPolicy('jilin-2025');
const ningde = getPolicy('ningde-2025-hospital');

describe('scale', () => {
  it('江北 (100) fits every bundled 百分制 policy; 威海 (795 + 60, 715 + 60) fits none', () => {
    for (const policy of listPolicies()) {
      expect(scaleFits(jiangbei, policy)).toBe(true);
      expect(scaleFits(weihai, policy)).toBe(false);
      expect(scaleFits(getRubric('weihai-2021-hospital-l1'), policy)).toBe(false);
    }
  });

  it('a pairing of different scales is refused, naming both scales and asking for 折算', () => {
    let error: unknown;
    try {
      conversionFor(weihai, jilin, false, listPolicies());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MibError);
    expect((error as MibError).message).toContain('795 分（另有加分最多 60 分）');
    expect((error as MibError).message).toContain('100 分（另有加分最多 10 分）');
    expect((error as MibError).message).toContain('得分 × 100 / 795');
  });

  it('a blank 威海 二级 sheet (650 / 795) is not 优: converted 650 × 100 / 795 = 81.76 is 良 under 吉林', () => {
    const result = evaluate(weihai, {});
    expect(result.total.toNumber()).toBe(650);
    expect(() => assess(weihai, result, jilin)).toThrow(/分制不同/);
    const assessed = assess(weihai, result, jilin, { convert: true, complete: true, deposit: 50000 });
    expect(assessed.score.toFixed(6)).toBe('81.761006');
    expect(assessed.gradeText).toBe('良');
    expect(assessed.trace[0]).toBe('折算为百分制：650 × 100 / 795 = 81.761006');
    // 1 − (90 − 81.761006)×2% = 83.522% → 83.52% (保留两位小数) of 50000
    expect(assessed.refund!.amount.toFixed(2)).toBe('41760.00');
  });

  it('a score above the policy’s scale is refused, never graded', () => {
    expect(() => gradeOf(jilin, 650)).toThrow(
      /不在政策“吉林省医疗保障定点医药机构考核暂行办法”的分制内（100 分（另有加分最多 10 分），即 0 到 110 分）/,
    );
    expect(gradeOf(jilin, 110).label).toBe('优'); // 100 + the 10 bonus points 第八条 allows
    expect(() => gradeOf(ningde, 100.5)).toThrow(/即 0 到 100 分/);
  });

  it('威海 with its bonus, converted under 宁德 (no bonus), can pass 100: shown as not graded', () => {
    // every 威海 二级 bonus item full: 795 + 60 → 107.5 after 折算, beyond 宁德's 100
    const plain = evaluate(weihai, {});
    const full = { ...plain, total: plain.total.plus(205), totalBeforeVeto: plain.totalBeforeVeto.plus(205) };
    const assessed = assess(weihai, full, ningde, { convert: true, complete: true, deposit: 1000 });
    expect(assessed.gradeText).toBe('超出政策分制，不予评定');
    expect(assessed.refund).toBeUndefined();
  });
});

describe('grade status', () => {
  it('while any fact is invalid: 暂不评定（N 项无效）, no grade, no refund', () => {
    const result = evaluate(jiangbei, { '4.1': '三次', '20.1': 1.5 });
    const assessed = assess(jiangbei, result, jilin, { deposit: 10000 });
    expect(assessed.status.kind).toBe('withheld');
    expect(assessed.gradeText).toBe('暂不评定（2 项无效）');
    expect(assessed.grade).toBeUndefined();
    expect(assessed.refund).toBeUndefined();
  });

  it('while facts are missing: 暂评 with the count, until marked complete', () => {
    const result = evaluate(jiangbei, {});
    const provisional = assess(jiangbei, result, jilin);
    expect(result.missing.length).toBe(37);
    expect(result.ownershipMissing).toBe(true); // 江北 19 applies to public institutions only
    expect(provisional.gradeText).toBe(`暂评 ${provisional.grade!.label}（尚有 38 项未填）`);
    expect(assess(jiangbei, result, jilin, { complete: true }).gradeText).toBe(provisional.grade!.label);
  });
});
