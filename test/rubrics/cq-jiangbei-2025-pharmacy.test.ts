// 江北 2025 pharmacy table (江医保中心发〔2024〕16号 附件4, seed 002_599872d6fd28ab10.txt):
// one test per input id, named after the 计分方法 sentence it implements, then whole-table cases.
import { describe, expect, it } from 'vitest';
import pharmacyJson from '../../rubrics/cq-jiangbei-2025-pharmacy.json';
import { type Dec, evaluate, inputIndex, type RawValue, type Result, RubricSchema } from '../../src/core';

const rubric = RubricSchema.parse(pharmacyJson);

/** Every fact clean: no veto, no finding, every earning achieved. */
const CLEAN: Record<string, RawValue> = {
  '1.1': false,
  '2.1': false,
  '2.2': false,
  '3.1': false,
  '3.2': 0,
  '4.1': true,
  '4.2': true,
  '5.1': 0,
  '6.1': false,
  '7.1': false,
  '7.2': false,
  '8.1': false,
  '9.1': false,
  '10.1': false,
  '10.2': false,
  '11.1': 0.8,
  '11.2': false,
  '12.1': 0,
  '12.2': 0,
  '12.3': 0,
  '13.1': true,
  '14.1': true,
  '14.2': 0.9,
  '14.3': 0.8,
  '15.1': 1,
  '15.2': 2,
  '16.1': true,
};

const n = (d: Dec): number => d.toNumber();

/** Scores the clean facts with some replaced (null = left blank, i.e. missing). */
function run(over: Record<string, RawValue> = {}): Result {
  const result = evaluate(rubric, { ...CLEAN, ...over });
  expect(result.invalid).toEqual([]);
  return result;
}

function item(result: Result, no: string) {
  const found = result.items.find((i) => i.id === no);
  if (!found) throw new Error(`no item ${no}`);
  return found;
}

/** score, raw deductions and over-cap deductions of one item */
function sdo(result: Result, no: string): [number, number, number] {
  const i = item(result, no);
  return [n(i.score), n(i.deducted), n(i.overCap)];
}

const score = (result: Result, no: string): number => n(item(result, no).score);

const tested = new Set<string>();

/** One clause test: the name quotes the clause sentence, and the rubric's clause must say it. */
function clause(id: string, sentence: string, body: () => void): void {
  tested.add(id);
  it(`${id} “${sentence}”`, () => {
    const entry = inputIndex(rubric).byId.get(id);
    expect(entry, `${id} is an input of the table`).toBeDefined();
    expect(entry?.rule.text).toContain(sentence);
    body();
  });
}

/** A veto id: clean → no veto and 100; the fact alone → veto, total 0, the item named. */
function expectVeto(id: string, itemNo: string): void {
  const clean = run();
  expect(clean.veto).toBe(false);
  expect(n(clean.total)).toBe(100);
  const vetoed = run({ [id]: true });
  expect(vetoed.veto).toBe(true);
  expect(n(vetoed.total)).toBe(0);
  expect(n(vetoed.totalBeforeVeto)).toBe(100);
  expect(vetoed.vetoItems).toEqual([itemNo]);
  expect(item(vetoed, itemNo).veto).toBe(true);
  expect(run({ [id]: '是' }).vetoItems).toEqual([itemNo]);
  const blank = run({ [id]: null });
  expect(blank.veto).toBe(false);
  expect(blank.missing).toEqual([id]);
}

describe('江北 2025 定点零售药店协议签订考核表: each clause', () => {
  clause('1.1', '未缴纳罚金的不签订协议。', () => expectVeto('1.1', '1'));
  clause('2.1', '未按时整改到位的不签订协议', () => expectVeto('2.1', '2'));
  clause('2.2', '因投诉举报造成重大社会影响的不签订协议。', () => expectVeto('2.2', '2'));
  clause('3.1', '1.未提供相关人员贯标编码的不签订协议；', () => expectVeto('3.1', '3'));

  clause('3.2', '2.未能完整、准确、及时备案相关人员变更情况的，发现一次扣1分，扣完为止。', () => {
    expect(sdo(run(), '3')).toEqual([5, 0, 0]);
    expect(sdo(run({ '3.2': 3 }), '3')).toEqual([2, 3, 0]);
    expect(sdo(run({ '3.2': 7 }), '3')).toEqual([0, 7, 2]);
  });

  clause('4.1', '1.提交影像资料佐证参保政策宣传情况得2分；', () => {
    expect(score(run(), '4')).toBe(4);
    expect(score(run({ '4.1': false }), '4')).toBe(2);
    const blank = run({ '4.1': null });
    expect(score(blank, '4')).toBe(2);
    expect(blank.missing).toEqual(['4.1']);
  });

  clause('4.2', '2.提交影像资料佐证宣传待遇政策情况得2分。', () => {
    expect(score(run({ '4.2': false }), '4')).toBe(2);
    expect(score(run({ '4.1': false, '4.2': '否' }), '4')).toBe(0);
  });

  clause('5.1', '超支付标准销售谈判药品的，发现一次扣1分，扣完为止。', () => {
    expect(sdo(run({ '5.1': 1 }), '5')).toEqual([9, 1, 0]);
    expect(sdo(run({ '5.1': 10 }), '5')).toEqual([0, 10, 0]);
    expect(sdo(run({ '5.1': 12 }), '5')).toEqual([0, 12, 2]);
  });

  clause('6.1', '未如实填报相关数据的不得分。', () => {
    expect(sdo(run({ '6.1': true }), '6')).toEqual([0, 5, 0]);
  });

  clause('7.1', '未如实填报相关数据的不得分。（职工医保）', () => {
    expect(sdo(run({ '7.1': true }), '7')).toEqual([0, 6, 0]);
    expect(sdo(run({ '7.1': true, '7.2': true }), '7')).toEqual([0, 12, 0]);
  });

  clause('7.2', '未如实填报相关数据的不得分。（居民医保）', () => {
    expect(sdo(run({ '7.2': true }), '7')).toEqual([0, 6, 0]);
  });

  clause('8.1', '未按要求上传“进销存”的不签订协议。', () => expectVeto('8.1', '8'));
  clause('9.1', '未接入智能监管系统的不签订协议。', () => expectVeto('9.1', '9'));
  clause('10.1', '规定日期前未完成相关工作的不签订协议。（1.2024年10月31日前完成接口改造工作和门诊发药环节追溯码全量采集上传）', () =>
    expectVeto('10.1', '10'));
  clause('10.2', '规定日期前未完成相关工作的不签订协议。（2.2025年6月30日前完成入库环节追溯码全量采集上传工作）', () =>
    expectVeto('10.2', '10'));

  clause('11.1', '1.医保码结算笔数占总结算笔数未达到50%的扣10分；', () => {
    expect(sdo(run({ '11.1': 0.5 }), '11')).toEqual([20, 0, 0]);
    expect(sdo(run({ '11.1': 0.4999 }), '11')).toEqual([10, 10, 0]);
    expect(sdo(run({ '11.1': '49.99%' }), '11')).toEqual([10, 10, 0]);
    const blank = run({ '11.1': null });
    expect(sdo(blank, '11')).toEqual([10, 10, 0]);
    expect(blank.missing).toEqual(['11.1']);
  });

  clause('11.2', '2.2024年12月底未实现医保码全流程应用的扣10分。', () => {
    expect(sdo(run({ '11.2': true }), '11')).toEqual([10, 10, 0]);
    expect(sdo(run({ '11.1': 0.3, '11.2': true }), '11')).toEqual([0, 20, 0]);
  });

  clause('12.1', '1.风险品种销售价格高于监测价格，且不及时进行整改或整改不到位的，每1个风险品种存在此种情况扣1分，扣完为止；', () => {
    expect(sdo(run({ '12.1': 3 }), '12')).toEqual([17, 3, 0]);
    expect(sdo(run({ '12.1': 21 }), '12')).toEqual([0, 21, 1]);
  });

  clause('12.2', '2.同一定点药店风险品种线下销售价格高于网络售药平台展示价格15%以上，且不及时进行整改或整改不到位的，每1个风险品种存在此种情况扣1分，扣完为止；', () => {
    expect(sdo(run({ '12.2': 4 }), '12')).toEqual([16, 4, 0]);
    expect(sdo(run({ '12.1': 10, '12.2': 8 }), '12')).toEqual([2, 18, 0]);
  });

  clause('12.3', '3.纳入医保支付结算的售价高于非医保支付结算的售价，且不及时进行整改或整改不到位的，每1个风险品种存在此种情况扣1分，扣完为止。', () => {
    expect(sdo(run({ '12.3': 1 }), '12')).toEqual([19, 1, 0]);
    // the three clauses share the item's 20 points: 10 + 8 + 5 = 23, 扣完为止
    expect(sdo(run({ '12.1': 10, '12.2': 8, '12.3': 5 }), '12')).toEqual([0, 23, 3]);
  });

  clause('13.1', '参加得10分。', () => {
    expect(score(run(), '13')).toBe(10);
    expect(score(run({ '13.1': false }), '13')).toBe(0);
    expect(score(run({ '13.1': null }), '13')).toBe(0);
  });

  clause('14.1', '接入医保电子处方流转平台，电子处方开方量占总开方量85%以上，电子处方结算量占总结算量70%以上的得5分。', () => {
    expect(score(run(), '14')).toBe(5);
    expect(score(run({ '14.1': false }), '14')).toBe(0);
    expect(score(run({ '14.1': null }), '14')).toBe(0);
  });

  clause('14.2', '接入医保电子处方流转平台，电子处方开方量占总开方量85%以上，电子处方结算量占总结算量70%以上的得5分。', () => {
    // 85%以上 includes 85%
    expect(score(run({ '14.2': 0.85 }), '14')).toBe(5);
    expect(score(run({ '14.2': '85%' }), '14')).toBe(5);
    expect(score(run({ '14.2': 0.8499 }), '14')).toBe(0);
    expect(score(run({ '14.2': null }), '14')).toBe(0);
  });

  clause('14.3', '接入医保电子处方流转平台，电子处方开方量占总开方量85%以上，电子处方结算量占总结算量70%以上的得5分。', () => {
    // 70%以上 includes 70%
    expect(score(run({ '14.3': 0.7 }), '14')).toBe(5);
    expect(score(run({ '14.3': 0.6999 }), '14')).toBe(0);
    expect(score(run({ '14.2': 0.85, '14.3': 0.7 }), '14')).toBe(5);
    expect(score(run({ '14.3': null }), '14')).toBe(0);
  });

  clause('15.1', '医保业务办理量排名前3加3分（以月报为准，未及时报送不纳入统计）；', () => {
    expect(score(run({ '15.1': 3, '15.2': 0 }), '15')).toBe(3);
    expect(score(run({ '15.1': 4, '15.2': 0 }), '15')).toBe(0);
    expect(score(run({ '15.1': null, '15.2': 0 }), '15')).toBe(0);
  });

  clause('15.2', '正面形象2分（受到群众书面表扬、接待医保相关部门调研等，每次1分）。', () => {
    expect(score(run({ '15.1': null, '15.2': 1 }), '15')).toBe(1);
    const three = item(run({ '15.1': null, '15.2': 3 }), '15');
    expect(n(three.score)).toBe(2);
    expect(n(three.earned)).toBe(3);
    expect(n(three.earnedOverCap)).toBe(1);
    expect(score(run({ '15.1': 1, '15.2': 3 }), '15')).toBe(5);
  });

  clause('16.1', '接入得10分。', () => {
    expect(score(run(), '16')).toBe(10);
    expect(score(run({ '16.1': false }), '16')).toBe(0);
    expect(score(run({ '16.1': null }), '16')).toBe(0);
  });

  it('every input id of the table has its own clause test', () => {
    expect([...tested].sort()).toEqual([...inputIndex(rubric).byId.keys()].sort());
  });
});

describe('江北 2025 定点零售药店协议签订考核表: whole table', () => {
  it('cites 附件4 of 江医保中心发〔2024〕16号 and the 16 items add up to the printed 100', () => {
    expect(rubric.id).toBe('cq-jiangbei-2025-pharmacy');
    expect(rubric.institution).toBe('pharmacy');
    expect(rubric.provenance.documentNumber).toBe('江医保中心发〔2024〕16号');
    expect(rubric.provenance.attachment).toBe('附件4');
    expect(rubric.items.map((i) => i.no)).toEqual(Array.from({ length: 16 }, (_, k) => String(k + 1)));
    expect(rubric.items.reduce((acc, i) => acc + (i.points ?? 0), 0)).toBe(100);
    expect(rubric.total).toBe(100);
  });

  it('every fact clean (no finding, every earning achieved) scores 100', () => {
    const r = run();
    expect(n(r.total)).toBe(100);
    expect(r.veto).toBe(false);
    expect(r.missing).toEqual([]);
    for (const i of r.items) expect(n(i.score)).toBe(n(i.max));
  });

  it('a typical mixed case, computed by hand, scores 50', () => {
    // item 3:  5 − 2 (3.2 two late filings)                          = 3
    // item 4:  4.1 yes, 4.2 no                                       = 2
    // item 5:  10 − 12, 扣完为止                                      = 0 (2 over cap)
    // item 6:  如实填报                                               = 5
    // item 7:  居民医保 未如实填报                                     = 0
    // item 11: 60% ≥ 50%, but 12月底未实现全流程应用: 20 − 10        = 10
    // item 12: 20 − 3 − 0 − 1                                        = 16
    // item 13: 参加                                                   = 10
    // item 14: 接入, 90% ≥ 85%, but 69% < 70%                         = 0
    // item 15: rank 2 (top 3) 3 + 1 praise                            = 4
    // item 16: 未接入                                                 = 0
    // 3+2+0+5+0+10+16+10+0+4+0 = 50
    const r = run({
      '3.2': 2,
      '4.2': false,
      '5.1': 12,
      '7.2': true,
      '11.1': 0.6,
      '11.2': true,
      '12.1': 3,
      '12.3': 1,
      '14.2': 0.9,
      '14.3': 0.69,
      '15.1': 2,
      '15.2': 1,
      '16.1': false,
    });
    expect(n(r.total)).toBe(50);
    expect(r.veto).toBe(false);
    expect(sdo(r, '5')).toEqual([0, 12, 2]);
  });

  it('the same mixed case with a veto on 10.2 scores 0, item 10 named', () => {
    const r = run({ '5.1': 12, '16.1': false, '10.2': true });
    expect(r.veto).toBe(true);
    expect(n(r.total)).toBe(0);
    expect(r.vetoItems).toEqual(['10']);
    expect(n(r.totalBeforeVeto)).toBe(80);
  });

  it('no facts at all: vetoes and deductions find nothing, earnings and measured rates are not achieved', () => {
    // deduction items keep their points (3:5, 5:10, 6:5, 7:6, 12:20 = 46), 11 loses 10 for the
    // missing rate (20 − 10 = 10), earnings 0
    const r = evaluate(rubric, {});
    expect(r.veto).toBe(false);
    expect(n(r.total)).toBe(56);
    expect(r.missing.sort()).toEqual([...inputIndex(rubric).byId.keys()].sort());
  });
});
