// Twelve 江北 hospitals under 吉林's policy, for the 公示名单 and 通报 (issue 22): every grade, a veto, a deduction
// beyond an item's points and a row whose facts are invalid. Scores from the met facts (97, jiangbeiRows.ts) less
// 18.1 = 0 (−10), 20.1 = 0.5 (−10), 21.1 = 0 (−5), 6.1 = n (−n, at most the item's 5 points), 19.1 = 3 (−3),
// 7.1 = 否 (−…); 1.1 = 是 is 第1项's veto.
import { getPolicy, getRubric, type RosterResult, scoreRoster } from '../../src/core';
import { rosterOf } from '../core/roster/rosterTable';
import { jiangbeiRow } from './jiangbeiRows';

const row = (code: string, level: string, deposit: number, changes: Record<string, unknown>) => ({
  ...jiangbeiRow(code, '', { '1.1': '否', 质量保证金: deposit, ...changes }),
  机构名称: `${code}医院`,
  '级别/类型': level,
});

export const publishRows = (): Record<string, unknown>[] => [
  row('H01', '二级', 100000, {}), // 97 优
  row('H02', '一级', 50000, { '6.1': 5 }), // 92 优
  row('H03', '二级', 80000, { '18.1': 0, '6.1': 2 }), // 85 良
  row('H04', '一级', 60000, { '18.1': 0 }), // 87 良
  row('H05', '二级', 40000, { '18.1': 0, '20.1': 0.5 }), // 77 合格
  row('H06', '一级', 30000, { '18.1': 0, '20.1': 0.5, '6.1': 7 }), // 72 合格: 6.1 deducts 7 of an item of 5, 2 beyond
  row('H07', '二级', 20000, { '18.1': 0, '20.1': 0.5, '21.1': 0, '6.1': 5 }), // 67 基本合格
  row('H08', '二级', 70000, { '1.1': '是' }), // vetoed: 不合格
  row('H09', '一级', 90000, { '18.1': 0, '20.1': 0.5, '21.1': 0, '19.1': 3, '6.1': 5, '7.1': '否' }), // 64 基本合格
  row('H10', '二级', 10000, { '6.1': '很多' }), // 暂不评定
  row('H11', '一级', 25000, { '6.1': 1 }), // 96 优
  row('H12', '二级', 35000, { '18.1': 0, '6.1': 3 }), // 84 良
];

export const publishRubric = () => getRubric('cq-jiangbei-2025-hospital');
export const publishPolicy = () => getPolicy('jilin-2025');

/** The twelve scored with blanks final (--complete). */
export function publishRoster(): RosterResult {
  return scoreRoster(publishRubric(), rosterOf(publishRows()), publishPolicy(), { complete: true });
}

// The lists by hand from the policy's text (seed 003, 第九条–第十条): 优 ≥ 90 "全额退还"; 良 80–90 "较 90 分每低 1 分
// 扣除质量保证金 2%"; 合格 70–80 2.5%; 基本合格 60–70 3%; 不合格 or 一票否决 "扣除全部质量保证金".
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
