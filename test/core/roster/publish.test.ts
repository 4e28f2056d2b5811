// 公示名单 and 通报 (issue 22): the twelve hospitals of test/support/publishRoster.ts under 吉林's policy, the
// expected list worked by hand from the policy's text (seed 003, 第九条–第十条):
//   优 ≥ 90: "年度清算时全额退还质量保证金"; 良 80–90: "较 90 分每低 1 分扣除质量保证金 2%";
//   合格 70–80: "每低 1 分扣除 2.5%"; 基本合格 60–70: "每低 1 分扣除 3%"; 不合格 < 60 or 一票否决: "扣除全部质量保证金".
import { describe, expect, it } from 'vitest';
import { bulletin, findingLines, publicList, rosterFindings } from '../../../src/core';
import { publishPolicy, publishRoster, publishRubric } from '../../support/publishRoster';

const GOOD = '无其他违约情形的，可以直接续签医疗保障服务协议';
const PRAISE = (grade: string) => `通过医疗保障部门官方网站等渠道向社会宣传“${grade}”等次定点医药机构`;
const BASIC = '连续两年考核结果为该等次的，可以续签医疗保障服务协议，但需暂停服务 1 个月进行整改，并视整改情况恢复服务，若整改不合格则应终止协议';

/** 序号, 机构名称, 级别/类型, 得分, 等次, 处理结果: by grade (优 first), then by score from the highest. */
export const EXPECTED_LIST: [number, string, string, number, string, string][] = [
  [1, 'H01医院', '二级', 97, '优', `全额返还质量保证金；${GOOD}；${PRAISE('优')}`],
  [2, 'H11医院', '一级', 96, '优', `全额返还质量保证金；${GOOD}；${PRAISE('优')}`],
  [3, 'H02医院', '一级', 92, '优', `全额返还质量保证金；${GOOD}；${PRAISE('优')}`],
  // 90 − 87 = 3 points × 2% = 6% kept
  [4, 'H04医院', '一级', 87, '良', `返还质量保证金 94%；${GOOD}；${PRAISE('良')}`],
  [5, 'H03医院', '二级', 85, '良', `返还质量保证金 90%；${GOOD}；${PRAISE('良')}`],
  [6, 'H12医院', '二级', 84, '良', `返还质量保证金 88%；${GOOD}；${PRAISE('良')}`],
  // 90 − 77 = 13 × 2.5% = 32.5% kept
  [7, 'H05医院', '二级', 77, '合格', `返还质量保证金 67.5%；${GOOD}`],
  [8, 'H06医院', '一级', 72, '合格', `返还质量保证金 55%；${GOOD}`],
  // 90 − 67 = 23 × 3% = 69% kept
  [9, 'H07医院', '二级', 67, '基本合格', `返还质量保证金 31%；${BASIC}`],
  [10, 'H09医院', '一级', 64, '基本合格', `返还质量保证金 22%；${BASIC}`],
  [11, 'H08医院', '二级', 97, '不合格', '一票否决（第1项）；扣除全部质量保证金；不予续签医疗保障服务协议'],
  [12, 'H10医院', '二级', 97, '暂不评定（1 项无效）', '有无效填报，暂不评定，更正后确定'],
];

/** Deposits 610,000; returned 100,000 + 50,000 + 25,000 + 56,400 + 72,000 + 30,800 + 27,000 + 16,500 + 6,200 +
 * 19,800 = 403,700; H10's 10,000 waits; the rest, 196,300, is kept. */
export const EXPECTED_BULLETIN =
  '本次参加考核的定点医药机构共 12 家，其中“优”3 家、“良”3 家、“合格”2 家、“基本合格”2 家、“不合格”1 家；有否决项（一票否决）的 1 家。' +
  '另有 1 家填报有误，暂不评定。质量保证金合计 610,000.00 元，返还 403,700.00 元，扣除 196,300.00 元，暂缓返还 10,000.00 元。';

describe('公示名单 and 通报 of twelve hospitals under 吉林', () => {
  it('lists them in grade order, then by score, with what follows for each in the policy’s words', () => {
    const list = publicList(publishRoster(), publishPolicy()).map((row) => [
      row.no,
      row.name,
      row.level,
      row.score.toNumber(),
      row.grade,
      row.outcome,
    ]);
    expect(list).toEqual(EXPECTED_LIST);
  });

  it('says the counts per grade, the veto and the deposits returned, kept and waiting in one paragraph', () => {
    expect(bulletin(publishRoster())).toBe(EXPECTED_BULLETIN);
  });

  it('finds the deduction beyond 第6项’s points (naming the item), the veto, the invalid fact', () => {
    const findings = rosterFindings(publishRoster(), publishRubric());
    expect(findings.overCap.map((item) => [item.label, item.institutions.map((i) => [i.code, i.points.toNumber()])])).toEqual([
      ['第6项', [['H06', 2]]],
    ]);
    expect(findings.vetoes).toEqual([{ code: 'H08', name: 'H08医院', items: ['第1项'] }]);
    expect(findings.invalid).toEqual([{ code: 'H10', name: 'H10医院', count: 1 }]);
    // blanks confirmed final (--complete) are no finding; H10's grade is not final, so its blanks are
    expect(findings.missing.map((row) => row.code)).toEqual(['H10']);
    expect(findingLines(findings).slice(0, 2)).toEqual([
      '超出单项分值扣分：1 项、1 家次（第6项 参保群众的就医购药是否服务到位：H06医院超出 2 分）',
      '否决项：1 家（H08医院 第1项）',
    ]);
  });

  it('counts a self-score beyond 5% of the table’s points from the table’s total, and no other', () => {
    const result = publishRoster();
    const rubric = publishRubric();
    const [first, second] = result.institutions;
    // 97 on the table; 103 is 6 off (over 5), 101 is 4 off
    const gapped = {
      ...result,
      institutions: [
        {
          ...first!,
          institution: { ...first!.institution, selfScore: first!.total.plus(6) },
          selfDifference: first!.total.plus(6).minus(first!.total),
        },
        {
          ...second!,
          institution: { ...second!.institution, selfScore: second!.total.plus(4) },
          selfDifference: second!.total.plus(4).minus(second!.total),
        },
      ],
    };
    const findings = rosterFindings(gapped, rubric);
    expect(findings.selfGapThreshold.toNumber()).toBe(5);
    expect(findings.selfGaps.map((gap) => [gap.code, gap.difference.toNumber()])).toEqual([['H01', 6]]);
  });
});
