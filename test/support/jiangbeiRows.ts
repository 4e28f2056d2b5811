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
