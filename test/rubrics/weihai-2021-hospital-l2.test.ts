// 威海 2021 定点医疗机构考核评分标准（二级及以上）(seed 001_456dfb984910d0d8.txt, lines 1–881):
// one test per input id, named after the 评分标准 sentence it implements, then whole-table cases.
import { describe, expect, it } from 'vitest';
import json from '../../rubrics/weihai-2021-hospital-l2.json';
import { evaluate, inputIndex, RubricSchema } from '../../src/core';
import { cleanFacts, harness } from './weihaiHarness';

const rubric = RubricSchema.parse(json);
const CLEAN = cleanFacts(rubric, {
  '15.1': true, // 指标控制符合要求
  '21.1': 1, '21.2': 0.2, '21.3': 1, // 满意度 100%, 20% sampled, 好评率 100%
  '24.1': 100, // 医保工作站考核 100 分
  '30.1': 0.15, '30.2': -0.03,
  '34.1': 20, // 信用评价满分
  '46.1': true, // CMI 纳入绩效
});
const { run, item, sdo, score, clause, fixed, each, tested } = harness(rubric, CLEAN);
const total = (over: Record<string, unknown> = {}) => run(over as never).total.toNumber();

describe('威海 2021 二级及以上: each clause', () => {
  each('1.1', '制度齐全（20项）得满分，每缺少一项扣4分。', 4, 40);

  each('2.1', '迟到一次扣1分', 1, 15);
  each('2.2', '缺席一次扣3分', 3, 15);
  fixed('2.3', '未按制度要求，落实宣传培训工作的扣2分。', 2);
  fixed('2.4', '未按要求做好的扣2分。', 2);
  fixed('2.5', '未做好政策解读、宣传的扣1分', 1);
  fixed('2.6', '未设置政策宣传栏的扣1分', 1);
  fixed('2.7', '全年未编印医保宣传资料的扣2分', 2);
  fixed('3.1', '未按规定及时办理变更备案手续扣2分。', 2);
  each('4.1', '未按时提交审核备案的，每次扣1分', 1, 5);
  each('4.2', '未按时做出对应维护的，每次扣1分。', 1, 5);

  fixed('5.1', '未优先配备使用集采药品扣2分', 2);
  fixed('5.2', '未按规定配备谈判药品的扣2分', 2);
  each('5.3', '医保药品未按限定支付范围使用的，每例扣1分', 1, 10);
  fixed('5.4', '未按规定的差价政策销扣2分', 2);
  fixed('5.5', '未执行明码标价规定扣2分', 2);
  each('5.6', '相关药品突破最高定价的，每种扣1分', 1, 10);
  fixed('5.7', '无正当理由价格不稳定的扣1分。', 1);
  it('C4 all fixed findings together: 2+2+2+2+1 = 9 of 10, plus 2 cases = 11 → 0 with 1 over cap', () => {
    expect(sdo({ '5.1': true, '5.2': true, '5.4': true, '5.5': true, '5.7': true, '5.3': 2 }, '5')).toEqual([0, 11, 1]);
  });

  fixed('6.1', '未取消耗材加成的扣2分', 2);
  fixed('6.2', '未执行明码标价规定扣2分', 2);
  fixed('6.3', '未执行医用耗材相关临床规定的扣1分。', 1);
  each('7.1', '未及时申报医疗费用的，每次扣1分', 1, 5);
  each('7.2', '未协助医保经办机构复核的，每次扣1分。', 1, 5);

  // "第1、3项达不到要求扣2分，第2项达不到要求扣1分": 2 + 2 + 1 = the item's 5 points
  fixed('8.1', '第1、3项达不到要求扣2分', 2);
  fixed('8.2', '第1、3项达不到要求扣2分', 2);
  fixed('8.3', '第2项达不到要求扣1分。', 1);
  it('C7 all three requirements missed: 2 + 2 + 1 = 5 → 0, nothing over cap', () => {
    expect(sdo({ '8.1': true, '8.2': true, '8.3': true }, '8')).toEqual([0, 5, 0]);
  });

  each('9.1', '未按照国家、省和本统筹地区医疗服务项目和价格标准等规定进行收费，每例扣2分；', 2, 10);
  fixed('9.2', '未公示医药价格与收费标准的扣2分；', 2);
  fixed('9.3', '未做好市场调节价和自主定价项目收费知情告知的扣3分。', 3);
  fixed('10.1', '每一项达不到要求扣1分。', 1);
  fixed('10.2', '每一项达不到要求扣1分。', 1);
  fixed('10.3', '每一项达不到要求扣1分。', 1);
  fixed('11.1', '未及时做处理的扣3分。', 3);
  each('12.1', '随机抽取病历，达不到要求的每例扣3分。', 3, 20);

  clause('13.1', '拖欠药耗货款的，根据拖欠时间长短扣1-5分', () => {
    expect(sdo({}, '13')).toEqual([10, 0, 0]); // 按时结算药耗货款的得10分
    expect(sdo({ '13.1': 3 }, '13')).toEqual([7, 3, 0]);
    expect(sdo({ '13.1': 5, '13.2': true }, '13')).toEqual([4, 6, 0]);
    // outside 1–5 is refused, naming the id
    expect(evaluate(rubric, { ...CLEAN, '13.1': 6 }).invalid.map((p) => p.field)).toEqual(['13.1']);
    expect(evaluate(rubric, { ...CLEAN, '13.1': 0.5 }).invalid.map((p) => p.field)).toEqual(['13.1']);
  });
  fixed('13.2', '延长回款时间扣1分。', 1);

  fixed('14.1', '未按时按要求完成集采工作的扣5分', 5);
  fixed('14.2', '未完成约定采购量的扣3分', 3);
  fixed('14.3', '未完善内部考核办法的扣2分。', 2);
  clause('14.4', '超过1%的，扣5分。', () => {
    expect(sdo({ '14.4': 0.01 }, '14')).toEqual([10, 0, 0]); // exactly 1% is not 超过
    expect(sdo({ '14.4': 0.0101 }, '14')).toEqual([5, 5, 0]);
    // 5 + 3 + 2 + 5 = 15 on a 10-point item
    expect(sdo({ '14.1': true, '14.2': true, '14.3': true, '14.4': 0.02 }, '14')).toEqual([0, 15, 5]);
    expect(evaluate(rubric, { ...CLEAN, '14.4': 1.5 }).invalid.map((p) => p.field)).toEqual(['14.4']);
  });

  clause('15.1', '符合要求的得5分。', () => {
    expect(score({}, '15')).toBe(5);
    expect(score({ '15.1': false }, '15')).toBe(0);
    expect(score({ '15.1': null }, '15')).toBe(0); // missing = not achieved
  });
  each('16.1', '未按规定报送的，每次扣1分。', 1, 5);
  fixed('17.1', '就医流程和标识不明确的扣3分', 3);
  fixed('17.2', '无专用服务窗口或专用窗口不能满足需求扣2分。', 2);

  each('18.1', '未及时为符合条件的参保人办理转诊转院手续的，每例扣1分。', 1, 70);
  fixed('18.2', '少于2种举报途径的，扣2分。', 2);
  each('18.3', '无正当理由，拒绝参保人员持卡就医的，查实一例扣2分。', 2, 70);
  each('18.4', '未按要求配备相关药品（含特药），影响参保人员用药享受医疗保险待遇的，每例扣2分。', 2, 70);
  each('18.5', '未告知本机构的医疗保险服务范围，造成参保人未享受相关医疗保险待遇的，每例扣2分。', 2, 70);
  each('18.6', '对符合收治住院标准的，不收治入院，长期在急诊观察室留观，每例扣2分。', 2, 70);
  each('18.7', '不按要求纳入当次住院费用，每例扣2分。（特殊情况除外）', 2, 70);
  each('18.8', '未达出院标准，要求参保人员中途出院，转外院收住院，每例扣2分。', 2, 70);
  each('18.9', '未按规定执行的，查实一例扣1分。', 1, 70);
  each('18.10', '存在服务态度差、接待用语不合规、敷衍推诿病人的，造成投诉的每项扣2分。', 2, 70);
  clause('18.11', '未执行处方外配制度的查实一例扣1分-2分。', () => {
    expect(sdo({ '18.11': 2 }, '18')).toEqual([68, 2, 0]); // one case at 2, or two at 1
    expect(sdo({ '18.11': 3.5 }, '18')).toEqual([66.5, 3.5, 0]); // two cases (1.5 + 2)
    expect(evaluate(rubric, { ...CLEAN, '18.11': 0.5 }).invalid.map((p) => p.field)).toEqual(['18.11']);
  });
  each('18.12', '存在不允许代拿药和外检外治的，每例扣1分', 1, 70);
  fixed('18.13', '未登记备案的扣1分', 1);
  fixed('18.14', '登记备案不全的扣1分。', 1);
  each('18.15', '未及时受理、解决参保人员投诉的，每例扣1分', 1, 70);
  each('18.16', '因定点医疗机构违反医保政策或协议引起的投诉举报事项，每例扣5分', 5, 70);
  each('18.17', '因定点医疗机构违反医保政策或协议引起的集体信访、各类舆情件，每例扣10分。', 10, 70);

  clause('19.1', '使用比例控制不良的视情况扣分。', () => {
    expect(sdo({ '19.1': 3 }, '19')).toEqual([2, 3, 0]);
    expect(evaluate(rubric, { ...CLEAN, '19.1': 6 }).invalid.map((p) => p.field)).toEqual(['19.1']);
  });
  fixed('20.1', '未在2021年3月31日前完成异地支付系统注册的扣2分', 2);
  fixed('20.2', '未在2021年6月30日前完成接口改造和机具升级改造的扣6分', 6);
  each('20.3', '其他事项每项未完成扣1分。', 1, 10);

  clause('21.1', '评分分值=满意度×10分', () => {
    expect(score({}, '21')).toBe(14); // 1 × 10 + 1 × 4: the 20 printed points are not reachable
    expect(score({ '21.1': 0.9 }, '21')).toBe(13);
  });
  clause('21.2', '评价人数占住院参保患者总数的15%视为有效', () => {
    expect(score({ '21.1': 0.9, '21.2': 0.15 }, '21')).toBe(13);
    expect(score({ '21.1': 0.9, '21.2': 0.12 }, '21')).toBe(4.5 + 4); // 10%-15%: ×50%
    expect(score({ '21.1': 0.9, '21.2': 0.0999 }, '21')).toBe(4); // 10%以下的不得分
  });
  clause('21.3', '2.电话回访：评分分值=好评率×4分', () => {
    expect(score({ '21.3': 0.75 }, '21')).toBe(10 + 3);
  });
  clause('21.4', '未被抽取电话回访的医院得4分', () => {
    expect(score({ '21.3': null, '21.4': true }, '21')).toBe(14);
    expect(score({ '21.3': null, '21.4': false }, '21')).toBe(10);
  });

  fixed('22.1', '未配备专人负责的扣1分', 1);
  each('22.2', '未做好慢特病资格认定和信息备案工作的查实一例扣1分。', 1, 5);
  each('23.1', '未按规定执行身份验证的，每例扣1分。', 1, 5);
  clause('24.1', '所得分数的百分数×30分', () => {
    expect(score({ '24.1': 85 }, '24')).toBe(25.5); // 例：得分85，最终分数为：85%×30=25.5
    expect(score({ '24.1': 0 }, '24')).toBe(0);
    expect(evaluate(rubric, { ...CLEAN, '24.1': 101 }).invalid.map((p) => p.field)).toEqual(['24.1']);
  });

  clause('25.1', '每高于该区间1个百分点扣0.5分，最多扣5分。', () => {
    expect(sdo({ '25.1': 0.03 }, '25')).toEqual([8.5, 1.5, 0]);
    expect(sdo({ '25.1': 0.025 }, '25')).toEqual([8.75, 1.25, 0]); // part of a point counts in proportion
    // 最多扣5分: 14 points above → 7, of which 2 not applied (a clause cap, not the item's)
    const r = item(run({ '25.1': 0.14 }), '25');
    expect(r.score.toNumber()).toBe(5);
  });
  clause('25.2', '（得满分），每高于该区间1个百分点扣0.5分，最多扣5分。', () => {
    expect(score({ '25.1': 0.2, '25.2': 0.2 }, '25')).toBe(0); // 5 + 5 = the item's 10
    expect(score({ '25.2': 0.01 }, '25')).toBe(9.5);
  });
  clause('26.1', '每高于该区间1个百分点扣1分，扣完为止。', () => {
    expect(sdo({ '26.1': 0.02 }, '26')).toEqual([3, 2, 0]);
    expect(sdo({ '26.1': 0.07 }, '26')).toEqual([0, 7, 2]);
  });
  clause('27.1', '第一区间得满分；第二区间扣2分；第三区间扣4分；', () => {
    expect(sdo({ '27.1': 2 }, '27')).toEqual([8, 2, 0]);
    expect(sdo({ '27.1': '第三区间' }, '27')).toEqual([6, 4, 0]);
  });
  clause('27.2', '1.各统筹区根据本地同级定点医疗机构增长率分布情况，从低到高依次平均划分为三个区间', () => {
    expect(sdo({ '27.1': 3, '27.2': 3 }, '27')).toEqual([2, 8, 0]);
  });
  clause('28.1', '第一区间得满分；第二区间扣2分；第三区间扣4分；（受政策影响较大的酌情扣分）', () => {
    expect(sdo({ '28.1': 2 }, '28')).toEqual([3, 2, 0]);
    expect(sdo({ '28.1': 3 }, '28')).toEqual([1, 4, 0]);
    expect(evaluate(rubric, { ...CLEAN, '28.1': 4 }).invalid.map((p) => p.field)).toEqual(['28.1']);
  });
  clause('29.1', '从低到高依次平均划分为四个区间，第一区间得满分；第二区间扣3分；第三区间扣5分，第四区间扣8分。', () => {
    expect([1, 2, 3, 4].map((b) => score({ '29.1': b }, '29'))).toEqual([10, 7, 5, 2]);
  });
  clause('30.1', '低位区间占比20%，每高于该区间1个百分点扣1分；', () => {
    // the other method scores 0 (增幅 3% > 2%): the first decides
    expect(score({ '30.1': 0.2, '30.2': 0.03 }, '30')).toBe(10);
    expect(score({ '30.1': 0.23, '30.2': 0.03 }, '30')).toBe(7);
    expect(score({ '30.1': 0.35, '30.2': 0.03 }, '30')).toBe(0);
  });
  clause('30.2', '2、比上年同期下降≥2%的，得10分；与去年持平的、得7分，检查、化验费用占总费用比例的增幅≤2%的，得5分,大于2%的不得分；', () => {
    // the first method scores 0 (占比 40%): the second decides
    expect([-0.02, 0, 0.01, 0.02, 0.021].map((d) => score({ '30.1': 0.4, '30.2': d }, '30'))).toEqual([10, 7, 5, 5, 0]);
    // 按高分计算: 占比 26% gives 4, 持平 gives 7 → 7
    expect(score({ '30.1': 0.26, '30.2': 0 }, '30')).toBe(7);
  });

  each('31.1', '没有造成医保基金损失的，每例扣10分。', 10, 200);
  each('31.2', '造成医保基金损失的，5万元以下扣20分', 20, 200);
  each('31.3', '5万元以上扣30分', 30, 200);
  each('31.4', '骗取医保基金，5万元以下扣40分', 40, 200);
  each('31.5', '5万元以上扣50分', 50, 200);
  each('32.1', '符合《服务协议》第七章 第六十七条情形之一扣5分。', 5, 100);
  each('32.2', '符合《服务协议》第七章 第六十九条情形之一扣10分。', 10, 100);
  each('32.3', '符合《服务协议》第七章 第七十条情形之一扣15分。', 15, 100);
  each('32.4', '符合《服务协议》第七章 第七十一条情形之一扣20分。', 20, 100);
  clause('33.1', '未按时核查、处理、反馈的，视情节轻重每次扣5-10分。', () => {
    expect(sdo({ '33.1': 8 }, '33')).toEqual([2, 8, 0]);
    expect(sdo({ '33.1': 15 }, '33')).toEqual([0, 15, 5]); // two times
    // 4 is less than one time's 5; 21 is more than two times' 20 and less than three times' 15…30? 21 fits three
    expect(evaluate(rubric, { ...CLEAN, '33.1': 4 }).invalid.map((p) => p.field)).toEqual(['33.1']);
  });
  clause('34.1', '按当年度医保信用评价指标体系标准确定。', () => {
    expect(score({ '34.1': 17.5 }, '34')).toBe(17.5);
    expect(evaluate(rubric, { ...CLEAN, '34.1': 21 }).invalid.map((p) => p.field)).toEqual(['34.1']);
  });

  each('35.1', '参保人员基本信息和结算信息不准确，发现一例扣2分', 2, 5);
  each('35.2', '泄露参保人员个人信息、参保及就医信息每例扣3分。', 3, 5);
  fixed('36.1', '未制定应急预案的扣2分', 2);
  fixed('36.2', '未及时启动的扣2分', 2);
  fixed('36.3', '未及时通知医保部门扣1分', 1);
  fixed('37.1', '医院信息系统未与医疗保险信息系统对接的扣1分；', 1);
  fixed('37.2', '出现串换、错误代码的扣1分；', 1);
  fixed('37.3', 'HIS数据在医疗服务行为发生后8小时内未上传的扣1分；', 1);
  fixed('37.4', '提供的HIS数据不准确的扣1分；', 1);
  fixed('37.5', '医院信息系统未实现与互联网物理隔离的扣5分；', 5);
  fixed('37.6', '重新安装信息系统未备案、验收的扣5分。', 5);
  fixed('37.7', '参保人员医疗费用信息上传不真实、准确、及时的扣1分', 1);
  fixed('37.8', '数据未备份扣1分。', 1);
  fixed('38.1', '未安排工作人员负责医疗保险信息管理的扣3分。', 3);
  fixed('38.2', '拒不配合医保信息化工作扣10分', 10);
  fixed('38.3', '未按期完成医保信息化工作扣5分。', 5);
  it('C27 all three: 3 + 10 + 5 = 18 on 15 → 0, 3 over cap', () => {
    expect(sdo({ '38.1': true, '38.2': true, '38.3': true }, '38')).toEqual([0, 18, 3]);
  });
  fixed('39.1', '新增刷卡机不主动联系医保部门扣7分', 7);
  fixed('39.2', 'PSAM卡未妥善保管扣1分', 1);
  fixed('39.3', '未按期完成刷卡机具升级改造工作扣15分。', 15);
  it('C28 all three: 7 + 1 + 15 = 23 on 20 → 0, 3 over cap', () => {
    expect(sdo({ '39.1': true, '39.2': true, '39.3': true }, '39')).toEqual([0, 23, 3]);
  });
  clause('40.1', '按期完成工作得10分，按期完成工作但效果较差的得5分，其余情况不得分。', () => {
    expect([1, 2, 3].map((c) => score({ '40.1': c }, '40'))).toEqual([10, 5, 0]);
    expect(score({ '40.1': '按期完成工作但效果较差' }, '40')).toBe(5);
  });
  clause('41.1', '全市率先完成院端编码映射及应用工作的前13家定点医疗机构得10分，其余情况不得分。', () => {
    expect(score({ '41.1': 13 }, '41')).toBe(10);
    expect(score({ '41.1': 14 }, '41')).toBe(0);
    expect(score({ '41.1': null }, '41')).toBe(0);
  });
  fixed('42.1', '不能实现以医保电子凭证为介质进行医保结算的扣10分。', 10);
  fixed('42.2', '新注册的定点机构未同步提交医保电子凭证开通申请的扣5分。', 5);

  clause('43.1', '获得市级以上表彰的，每项加5分。', () => {
    expect(score({ '43.1': 1 }, '43')).toBe(5);
    expect(score({ '43.1': 3 }, '43')).toBe(10); // the item's 10 points cap it
  });
  clause('44.1', '每次加1-5分，最高20分。', () => {
    expect(score({ '44.1': 12 }, '44')).toBe(12);
    expect(score({ '44.1': 24 }, '44')).toBe(20); // 最高20分
  });
  clause('44.2', '每次加2分，最高10分。', () => {
    expect(score({ '44.2': 3 }, '44')).toBe(6);
    expect(score({ '44.1': 24, '44.2': 7 }, '44')).toBe(30); // 20 + 10
  });
  clause('45.1', '根据具体情况，每次加1-5分。', () => {
    expect(score({ '45.1': 4 }, '45')).toBe(4);
    expect(score({ '45.1': 14 }, '45')).toBe(10);
  });
  clause('46.1', '已建立院内绩效评价体系，并将CMI纳入的，得10分；否则不得分。', () => {
    expect(score({}, '46')).toBe(10);
    expect(score({ '46.1': false }, '46')).toBe(0);
  });

  it('covers every input of the table', () => {
    expect([...tested].sort()).toEqual([...inputIndex(rubric).byId.keys()].sort());
  });
});

describe('威海 2021 二级及以上: whole table', () => {
  it('a model institution scores 789 of 795 (B3 reaches 14 of its 20) plus its 10 bonus for CMI', () => {
    const r = run();
    expect(r.max.toNumber()).toBe(795);
    expect(r.total.toNumber()).toBe(789 + 10);
    expect(r.missing).toEqual([]);
    expect(r.veto).toBe(false);
  });
  it('bonus items add on top, each within its own cap: D1 10 + D2 30 + D3 10 + D5 10 = 60', () => {
    expect(total({ '43.1': 5, '44.1': 40, '44.2': 9, '45.1': 30 })).toBe(789 + 60);
  });
  it('a mixed case worked by hand', () => {
    // B1 40 − 2×4 = 32 (−8); C1 15 − 1 − 3 = 11 (−4); C16 70 − 5 − 10 = 55 (−15);
    // A1 10 − 1.5 − 0 = 8.5 (−1.5); A3 第二/第三区间 10 − 2 − 4 = 4 (−6); C21 200 − 20 − 50 = 130 (−70);
    // C23 two times 15 on 10 → 0 (−10); B4 85 → 25.5 (−4.5); B3 满意度 80%, 12% sampled → 4 + 好评率 50% → 2 = 6 (−8)
    // 789 − 8 − 4 − 15 − 1.5 − 6 − 70 − 10 − 4.5 − 8 = 662, + CMI 10 = 672
    const r = run({ '1.1': 2, '2.1': 1, '2.2': 1, '18.16': 1, '18.17': 1, '25.1': 0.03, '27.1': 2, '27.2': 3, '31.2': 1, '31.5': 1, '33.1': 15, '24.1': 85, '21.1': 0.8, '21.2': 0.12, '21.3': 0.5 });
    expect(r.total.toNumber()).toBe(672);
    expect(item(r, '33').overCap.toNumber()).toBe(5);
  });
  it('no facts at all: findings count as none, earnings, measured rates and bands as not achieved', () => {
    const r = evaluate(rubric, {});
    // every input is missing but 21.4: a blank “未被抽取电话回访” means the hospital was drawn
    expect(r.missing).toEqual([...inputIndex(rubric).byId.keys()].filter((id) => id !== '21.4'));
    // earn items 0: B2 5, B3 20, B4 30, A6 10, B5 20, B6 10, B7 10 (= 105 lost); bands count as the last:
    // A3 −8, A4 −4, A5 −8 (= 20); measured rates not achieved: 14.4 −5, A1 −5 −5, A2 −5 (= 20)
    // → 795 − 105 − 20 − 20 = 650
    expect(r.total.toNumber()).toBe(650);
  });
});
