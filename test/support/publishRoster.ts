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
