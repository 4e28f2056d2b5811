// 江北 医院 roster rows for 吉林 第十一条 (seed 003: "按照该定点医疗机构自身考核得分的 70%与其下属机构（人员）
// 考核得分平均数的 30%之和，作为该定点医疗机构的最终考核得分并确定考核等次"), as the roster tests in the core,
// the command line and the workbook write them.

/** Every fact of cq-jiangbei-2025-hospital filled as met but 23.1 (the ranking): 97 of 100. */
export const jiangbeiMet = { '5.1': '是', '5.2': '是', '18.1': 1, '20.1': 1, '21.1': 1, '22.1': 1, '22.2': 1, '23.2': 5, '24.1': '是', '6.1': 0 };

/** One institution's record: its code, its 上级机构编码 ('' for none), a 10,000 deposit, the met facts, then
 * the changes. */
export const jiangbeiRow = (code: string, parent: string, changes: Record<string, unknown>): Record<string, unknown> => ({
  机构编码: code,
  机构名称: `机构${code}`,
  上级机构编码: parent,
  质量保证金: 10000,
  ...jiangbeiMet,
  ...changes,
});

/** A parent and its two subordinates, scored on their own 92, 77 and 75: the parent's final score is
 * 92 × 70% + mean(77, 75) × 30% = 87.2. */
export const jiangbeiParentAndSubordinates = (): Record<string, unknown>[] => [
  jiangbeiRow('P', '', { '6.1': 5 }), // 97 − 5 = 92
  jiangbeiRow('S1', 'P', { '18.1': 0, '20.1': 0.5 }), // 97 − 10 − 10 = 77
  jiangbeiRow('S2', 'P', { '18.1': 0, '20.1': 0.5, '6.1': 2 }), // 77 − 2 = 75
];

/**
 * Issue 19's 12 institutions under jilin-2025 (scored with blanks final): 合计 1,260,000.00, of which
 * 返还 1,029,502.00 and 不予返还 60,498.00, and two 暂不评定 rows (an invalid 6.1) holding 170,000.00 that
 * no column counted. Eight 优 (97) refunded in full (935,020), one 85 (良: 1 − 5 × 2% = 90%, so
 * 104,980 → 94,482 back, 10,498 kept), one vetoed (不合格: 50,000 kept).
 */
export const twelveInstitutions = (): Record<string, unknown>[] => [
  ...[120000, 120000, 120000, 120000, 120000, 120000, 120000, 95020].map((deposit, i) =>
    jiangbeiRow(`Y${i + 1}`, '', { '1.1': '否', 质量保证金: deposit }),
  ),
  jiangbeiRow('L1', '', { '1.1': '否', 质量保证金: 104980, '18.1': 0, '6.1': 2 }), // 97 − 10 − 2 = 85
  jiangbeiRow('V1', '', { '1.1': '是', 质量保证金: 50000 }), // 一票否决
  jiangbeiRow('W1', '', { '1.1': '否', 质量保证金: 80000, '6.1': '很多' }), // 暂不评定
  jiangbeiRow('W2', '', { '1.1': '否', 质量保证金: 90000, '6.1': '若干' }), // 暂不评定
];

/**
 * Issue 19's 吉林 第十一条 roster: 合计 340,000, 返还 155,000, 不予返还 145,000, and the two subordinates'
 * 40,000 in neither. P scores 92 on its own, S1 and S2 77 each: 0.7 × 92 + 0.3 × 77 = 87.5, 良, 95% of
 * 100,000 back; A is vetoed (140,000 kept); B is 优 (60,000 back).
 */
export const compositeMoneyRows = (): Record<string, unknown>[] => [
  jiangbeiRow('P', '', { '1.1': '否', 质量保证金: 100000, '6.1': 5 }),
  jiangbeiRow('S1', 'P', { '1.1': '否', 质量保证金: 20000, '18.1': 0, '20.1': 0.5 }),
  jiangbeiRow('S2', 'P', { '1.1': '否', 质量保证金: 20000, '18.1': 0, '20.1': 0.5 }),
  jiangbeiRow('A', '', { '1.1': '是', 质量保证金: 140000 }),
  jiangbeiRow('B', '', { '1.1': '否', 质量保证金: 60000 }),
];
