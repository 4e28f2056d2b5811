// 江北 2025 hospital table (江医保中心发〔2024〕16号 附件2, seed 000_292b48499498f231.txt):
// one test per input id, named after the 计分方法 sentence it implements, then whole-table cases.
import { describe, expect, it } from 'vitest';
import hospitalJson from '../../rubrics/cq-jiangbei-2025-hospital.json';
import { type Dec, evaluate, inputIndex, type RawValue, type Result, RubricSchema } from '../../src/core';

const rubric = RubricSchema.parse(hospitalJson);

/** Every fact clean: no veto, no finding, every earning achieved (ratios comfortably past their bounds). */
const CLEAN: Record<string, RawValue> = {
  '1.1': false,
  '2.1': false,
  '2.2': false,
  '3.1': false,
  '4.1': false,
  '4.2': 0,
  '5.1': true,
  '5.2': true,
  '6.1': 0,
  '7.1': false,
  '7.2': 0,
  '8.1': false,
  '9.1': false,
  '9.2': false,
  '10.1': false,
  '11.1': false,
  '12.1': false,
  '12.2': false,
  '13.1': false,
  '13.2': false,
  '14.1': false,
  '14.2': false,
  '15.1': false,
  '16.1': false,
  '17.1': false,
  '17.2': 0,
  '18.1': 0.8,
  '18.2': false,
  '19.1': 0,
  '19.2': 0,
  '20.1': 0.95,
  '21.1': 0.4,
  '22.1': 0.3,
  '22.2': 0.6,
  '23.1': 1,
  '23.2': 2,
  '24.1': true,
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
  // the sheet's 是 means the same as true
  expect(run({ [id]: '是' }).vetoItems).toEqual([itemNo]);
  // a missing fact is no finding
  const blank = run({ [id]: null });
  expect(blank.veto).toBe(false);
  expect(blank.missing).toEqual([id]);
}

describe('江北 2025 定点医疗机构协议签订考核表: each clause', () => {
  clause('1.1', '未缴纳罚金的不签订协议。', () => expectVeto('1.1', '1'));
  clause('2.1', '未按时整改到位的不签订协议', () => expectVeto('2.1', '2'));
  clause('2.2', '因投诉举报造成重大社会影响的不签订协议', () => expectVeto('2.2', '2'));
  clause('3.1', '总额控制协议落实不到位、严重超出总额控制相关指标的不签订协议。', () => expectVeto('3.1', '3'));
  clause('4.1', '未提供相关人员贯标编码的不签订协议；', () => expectVeto('4.1', '4'));

  clause('4.2', '未能完整、准确、及时备案相关人员变更情况的，发现一次扣1分，扣完为止。', () => {
    expect(sdo(run(), '4')).toEqual([5, 0, 0]);
    expect(sdo(run({ '4.2': 1 }), '4')).toEqual([4, 1, 0]);
    expect(sdo(run({ '4.2': 5 }), '4')).toEqual([0, 5, 0]);
    // 扣完为止: 7 findings on a 5-point item
    expect(sdo(run({ '4.2': 7 }), '4')).toEqual([0, 7, 2]);
  });

  clause('5.1', '1.提交影像资料佐证参保政策宣传情况得2分；', () => {
    expect(n(item(run(), '5').score)).toBe(4);
    expect(n(item(run({ '5.1': false }), '5').score)).toBe(2);
    const blank = run({ '5.1': null });
    expect(n(item(blank, '5').score)).toBe(2); // missing = not achieved
    expect(blank.missing).toEqual(['5.1']);
  });

  clause('5.2', '2.提交影像资料佐证待遇政策宣传情况得2分。', () => {
    expect(n(item(run({ '5.2': false }), '5').score)).toBe(2);
    expect(n(item(run({ '5.1': false, '5.2': false }), '5').score)).toBe(0);
  });

  clause('6.1', '超支付标准销售谈判药品的，发现一次扣1分，扣完为止。', () => {
    expect(sdo(run({ '6.1': 3 }), '6')).toEqual([2, 3, 0]);
    expect(sdo(run({ '6.1': 6 }), '6')).toEqual([0, 6, 1]);
  });

  clause('7.1', '1.未建立特殊疾病、谈判药品管理办法，拒不配合执行相关政策的，不得分；', () => {
    expect(sdo(run({ '7.1': true }), '7')).toEqual([0, 4, 0]);
    // 不得分 zeroes the item by the text: the 2 findings of 7.2 are not "扣分超过单项分值"
    expect(sdo(run({ '7.1': true, '7.2': 2 }), '7')).toEqual([0, 6, 0]);
    // findings that alone exceed the 4 points still are
    expect(sdo(run({ '7.1': true, '7.2': 6 }), '7')).toEqual([0, 10, 2]);
  });

  clause('7.2', '2.对参保人造成恶劣影响的，发现一次扣1分，扣完为止。', () => {
    expect(sdo(run({ '7.2': 1 }), '7')).toEqual([3, 1, 0]);
    expect(sdo(run({ '7.2': 5 }), '7')).toEqual([0, 5, 1]);
  });

  clause('8.1', '未如实填报相关数据的不得分。', () => {
    expect(sdo(run({ '8.1': true }), '8')).toEqual([0, 2, 0]);
  });
  clause('9.1', '未如实填报相关数据的不得分。（职工医保）', () => {
    expect(sdo(run({ '9.1': true }), '9')).toEqual([0, 2, 0]);
    expect(sdo(run({ '9.1': true, '9.2': true }), '9')).toEqual([0, 4, 0]);
  });
  clause('9.2', '未如实填报相关数据的不得分。（居民医保）', () => {
    expect(sdo(run({ '9.2': true }), '9')).toEqual([0, 2, 0]);
  });
  clause('10.1', '未如实填报相关数据的不得分。', () => {
    expect(sdo(run({ '10.1': true }), '10')).toEqual([0, 2, 0]);
  });
  clause('11.1', '未如实填报相关数据的不得分。', () => {
    expect(sdo(run({ '11.1': true }), '11')).toEqual([0, 2, 0]);
  });
  clause('12.1', '未如实填报相关数据的不得分。（职工医保）', () => {
    expect(sdo(run({ '12.1': true }), '12')).toEqual([0, 2, 0]);
  });
  clause('12.2', '未如实填报相关数据的不得分。（居民医保）', () => {
    expect(sdo(run({ '12.2': true }), '12')).toEqual([0, 2, 0]);
  });
  clause('13.1', '未如实填报相关数据的不得分。（职工医保）', () => {
    expect(sdo(run({ '13.1': true }), '13')).toEqual([0, 2, 0]);
  });
  clause('13.2', '未如实填报相关数据的不得分。（居民医保）', () => {
    expect(sdo(run({ '13.2': true }), '13')).toEqual([0, 2, 0]);
  });

  clause('14.1', '未按要求上传“进销存”……的不签订协议。', () => expectVeto('14.1', '14'));
  clause('14.2', '未按要求上传……“全量数据”的不签订协议。', () => expectVeto('14.2', '14'));
  clause('15.1', '未接入智能监管系统的不签订协议。', () => expectVeto('15.1', '15'));
  clause('16.1', '规定日期前未完成相关工作的不签订协议。', () => expectVeto('16.1', '16'));
  clause('17.1', '1.拒不按政策签订总额协议的不签订协议；', () => expectVeto('17.1', '17'));

  clause('17.2', '2.总额协议签订超规定期限的，每超一个工作日扣5分，扣完为止。', () => {
    expect(sdo(run({ '17.2': 1 }), '17')).toEqual([5, 5, 0]);
    expect(sdo(run({ '17.2': 2 }), '17')).toEqual([0, 10, 0]);
    expect(sdo(run({ '17.2': 3 }), '17')).toEqual([0, 15, 5]);
  });

  clause('18.1', '1.医保码结算笔数占总结算笔数未达到50%的扣10分；', () => {
    // 未达到50% is below 0.5: 50% exactly is no finding
    expect(sdo(run({ '18.1': 0.5 }), '18')).toEqual([20, 0, 0]);
    expect(sdo(run({ '18.1': '50%' }), '18')).toEqual([20, 0, 0]);
    expect(sdo(run({ '18.1': 0.4999 }), '18')).toEqual([10, 10, 0]);
    // a missing rate is not achieved: the deduction applies
    const blank = run({ '18.1': null });
    expect(sdo(blank, '18')).toEqual([10, 10, 0]);
    expect(blank.missing).toEqual(['18.1']);
  });

  clause('18.2', '2.2024年12月底未实现医保码全流程应用的扣10分。', () => {
    expect(sdo(run({ '18.2': true }), '18')).toEqual([10, 10, 0]);
    expect(sdo(run({ '18.1': 0.2, '18.2': true }), '18')).toEqual([0, 20, 0]);
  });

  clause('19.1', '1.每1个批次未获得扣1分，扣完为止；', () => {
    expect(sdo(run({ '19.1': 4 }), '19')).toEqual([6, 4, 0]);
    expect(sdo(run({ '19.1': 12 }), '19')).toEqual([0, 12, 2]);
  });

  clause('19.2', '2.结清时间不超过交货验收合格后的次月底。', () => {
    // the table prints no points for this clause: by default the fact is recorded and shown, nothing deducted
    const recorded = run({ '19.2': 2 });
    expect(sdo(recorded, '19')).toEqual([10, 0, 0]);
    expect(item(recorded, '19').trace.join('\n')).toMatch(/19\.2：原文本条未写分值.*只记录、不扣分/);
    expect(sdo(run({ '19.1': 6, '19.2': 6 }), '19')).toEqual([4, 6, 0]);
    expect(rubric.unpricedClauses).toBe('record');
    // an agency that chooses to score it like clause 1 ("每1个批次……扣1分，扣完为止") sets unpricedClauses: score
    const scored = RubricSchema.parse({ ...hospitalJson, unpricedClauses: 'score' });
    expect(sdo(evaluate(scored, { ...CLEAN, '19.2': 2 }), '19')).toEqual([8, 2, 0]);
    expect(sdo(evaluate(scored, { ...CLEAN, '19.1': 6, '19.2': 6 }), '19')).toEqual([0, 12, 2]);
  });

  clause('20.1', '药品网采率未达到90%的不得分', () => {
    expect(sdo(run({ '20.1': 0.9 }), '20')).toEqual([10, 0, 0]);
    expect(sdo(run({ '20.1': 0.89 }), '20')).toEqual([0, 10, 0]);
    expect(sdo(run({ '20.1': 0.8999 }), '20')).toEqual([0, 10, 0]);
    expect(sdo(run({ '20.1': null }), '20')).toEqual([0, 10, 0]);
  });

  clause('21.1', '医保移动支付结算笔数占总结算笔数30%的，得5分。', () => {
    expect(n(item(run({ '21.1': 0.3 }), '21').score)).toBe(5);
    expect(n(item(run({ '21.1': 0.2999 }), '21').score)).toBe(0);
    expect(n(item(run({ '21.1': null }), '21').score)).toBe(0);
  });

  clause('22.1', '外购处方中电子处方开方量占总开方量20%、电子处方结算量占总结算量50%的，得5分。', () => {
    expect(n(item(run({ '22.1': 0.2, '22.2': 0.5 }), '22').score)).toBe(5);
    expect(n(item(run({ '22.1': 0.1999, '22.2': 0.5 }), '22').score)).toBe(0);
    expect(n(item(run({ '22.1': null, '22.2': 0.9 }), '22').score)).toBe(0);
  });

  clause('22.2', '外购处方中电子处方开方量占总开方量20%、电子处方结算量占总结算量50%的，得5分。', () => {
    expect(n(item(run({ '22.1': 0.2, '22.2': 0.4999 }), '22').score)).toBe(0);
    expect(n(item(run({ '22.1': 0.9, '22.2': null }), '22').score)).toBe(0);
    expect(n(item(run({ '22.1': 0.9, '22.2': 1 }), '22').score)).toBe(5);
  });

  clause('23.1', '1.医保业务办理量排名前3加3分（以月报为准，未及时报送不纳入统计）；', () => {
    expect(n(item(run({ '23.1': 3, '23.2': 0 }), '23').score)).toBe(3);
    expect(n(item(run({ '23.1': 4, '23.2': 0 }), '23').score)).toBe(0);
    // 未及时报送不纳入统计: no rank
    expect(n(item(run({ '23.1': null, '23.2': 0 }), '23').score)).toBe(0);
  });

  clause('23.2', '2.正面形象2分（受到群众书面表扬、接待医保相关部门调研等，每次1分）。', () => {
    expect(n(item(run({ '23.1': null, '23.2': 1 }), '23').score)).toBe(1);
    const three = item(run({ '23.1': null, '23.2': 3 }), '23');
    expect(n(three.score)).toBe(2);
    expect(n(three.earned)).toBe(3);
    expect(n(three.earnedOverCap)).toBe(1);
    expect(n(item(run({ '23.1': 2, '23.2': 3 }), '23').score)).toBe(5);
  });

  clause('24.1', '参加得5分。', () => {
    expect(n(item(run(), '24').score)).toBe(5);
    expect(n(item(run({ '24.1': false }), '24').score)).toBe(0);
    expect(n(item(run({ '24.1': null }), '24').score)).toBe(0);
  });

  it('every input id of the table has its own clause test', () => {
    expect([...tested].sort()).toEqual([...inputIndex(rubric).byId.keys()].sort());
  });
});

describe('江北 2025 定点医疗机构协议签订考核表: whole table', () => {
  it('the printed points add up to the printed total of 100', () => {
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

  it('a typical mixed case, computed by hand, scores 58', () => {
    // item 4: 5 − 2 (4.2 two late filings)                         = 3
    // item 5: 5.1 yes, 5.2 no                                      = 2
    // item 6: 5 − 1                                                = 4
    // item 7: 4 − 5 (7.2 five findings), 扣完为止                   = 0 (1 over cap)
    // items 8–13: 2 each, but 9.2 未如实填报                        = 2+0+2+2+2+2 = 10
    // item 17: 10 − 5 (one working day late)                       = 5
    // item 18: 20 − 10 (rate 45% 未达到50%), 18.2 no               = 10
    // item 19: 10 − 3 (19.2 printed without points: recorded only) = 7
    // item 20: 92% ≥ 90%                                           = 10
    // item 21: 25% < 30%                                           = 0
    // item 22: 20% reached, 49% < 50%                              = 0
    // item 23: rank 5 (not top 3) + 3 praises capped at 2         = 2
    // item 24: 参加                                                = 5
    // 3+2+4+0+10+5+10+7+10+0+0+2+5 = 58
    const r = run({
      '4.2': 2,
      '5.2': false,
      '6.1': 1,
      '7.2': 5,
      '9.2': true,
      '17.2': 1,
      '18.1': 0.45,
      '19.1': 3,
      '19.2': 1,
      '20.1': 0.92,
      '21.1': 0.25,
      '22.1': 0.2,
      '22.2': 0.49,
      '23.1': 5,
      '23.2': 3,
    });
    expect(n(r.total)).toBe(58);
    expect(r.veto).toBe(false);
    expect(sdo(r, '7')).toEqual([0, 5, 1]);
    expect(n(item(r, '23').earnedOverCap)).toBe(1);
  });

  it('the same mixed case with one veto scores 0, the veto named', () => {
    const r = run({ '4.2': 2, '7.2': 5, '20.1': 0.5, '16.1': '是' });
    expect(r.veto).toBe(true);
    expect(n(r.total)).toBe(0);
    expect(r.vetoItems).toEqual(['16']);
    expect(n(r.totalBeforeVeto)).toBe(100 - 2 - 4 - 10);
  });

  it('no facts at all: vetoes and deductions find nothing, earnings and measured rates are not achieved', () => {
    // deduction items keep their points (4:5, 6:5, 7:4, 8–13:12, 17:10, 19:10 = 46),
    // 18 loses 10 for the missing rate (20 − 10 = 10), 20 scores 0 for the missing rate, earnings 0
    const r = evaluate(rubric, {});
    expect(r.veto).toBe(false);
    expect(n(r.total)).toBe(56);
    expect(r.missing.sort()).toEqual([...inputIndex(rubric).byId.keys()].sort());
  });
});
