/** The sheet's own words (headers, the header block, prompts) in Chinese and English. The official
 * table's text is never translated: it is quoted as printed. */
export const sheetLabels = {
  'zh-CN': {
    no: '序号', section: '类别', indicator: '考核指标', definition: '指标释义', report: '机构述职', method: '计分方法',
    category: '计分类别', points: '总分', selfScore: '机构自评得分', code: '类别代码', assessment: '考核方法',
    departments: '考核科室', remarks: '备注',
    inputId: '输入编号', inputLabel: '填报事项', inputValue: '填报值', clause: '条款得扣分', score: '得分',
    deducted: '扣分合计', overCap: '超出分值的扣分', difference: '自评差异', veto: '否决', inputStatus: '填报状态', reading: '口径说明',
    invalidCount: '无效填报项数', missingCount: '未填项数', complete: '填报完成', completePrompt: '审核人确认填报完成后选“是”：留空的事实按考核表的规定计，等次不再为暂评',
    policyScore: '折算得分', scoreGrade: '得分对应等次',
    circumstances: '扣减情形', circumstancesPrompt: '机构存在政策所列另行扣减情形时填写其名称（{names}）；多个用逗号分隔；没有则留空',
    ownership: '机构性质', ownershipPrompt: '填“公立”或“民营”：只适用于公立医疗机构的条款对民营机构不计；留空按公立计并列为未填写',
    readingsTitle: '口径说明（原文可有两种读法之处，本表的读法）',
    signatures: '考核人：＿＿＿＿＿＿＿＿　　　复核人：＿＿＿＿＿＿＿＿　　　机构负责人（签字/盖章）：＿＿＿＿＿＿＿＿　　　日期：　　　　年　　月　　日',
    pageFooter: '第 &P 页 共 &N 页',
    institutionCode: '机构编码', institutionName: '机构名称', year: '考核年度', rubric: '考核表编号', rubricVersion: '考核表版本',
    policy: '政策', deposit: '质量保证金（元）', total: '总分', grade: '等次', refund: '退还保证金（元）',
    vetoCount: '否决项数', max: '满分', addinTotal: 'MIB.SCORE 复核', addinGrade: 'MIB.GRADE 复核',
    addinRefund: 'MIB.REFUND 复核', agreement: '复核结果', basis: '依据', bonusNote: '另有加分项最多',
    noPolicy: '（未选政策）', noRefund: '（政策未规定返还）',
    yesNoPrompt: '填“是”或“否”', countPrompt: '填不小于0的整数', promptSeparator: '：', clauseSeparator: '；',
    ratioPrompt: '填 0%–100% 的比例', signedPrompt: '填 -100%–100% 的变化（下降填负数）',
    numberPrompt: '填 {min}–{max} 之间的数', pointsPrompt: '填 0–{max} 分', listPrompt: '从下拉列表中选择',
    rankPrompt: '填名次（不小于1的整数）', selfPrompt: '机构自评的本项得分',
    error: '{label}：{prompt}',
  },
  'en-US': {
    no: 'No.', section: 'Category', indicator: 'Indicator', definition: 'Definition', report: 'Institution report', method: 'Scoring method',
    category: 'Scoring class', points: 'Points', selfScore: 'Self-score', code: 'Code', assessment: 'Assessed by',
    departments: 'Departments', remarks: 'Remarks',
    inputId: 'Input id', inputLabel: 'Fact', inputValue: 'Value', clause: 'Clause points', score: 'Score',
    deducted: 'Deductions', overCap: 'Over-cap deductions', difference: 'Self-score difference', veto: 'Veto', inputStatus: 'Input status', reading: 'Reading',
    invalidCount: 'Invalid inputs', missingCount: 'Inputs not filled', complete: 'Complete', completePrompt: 'Choose 是 once the reviewer confirms the facts are complete: blanks then count as the table says and the grade is final',
    policyScore: 'Converted score', scoreGrade: 'Grade of the score',
    circumstances: 'Circumstances', circumstancesPrompt: "Name the policy's circumstances that withhold a further share, if any ({names}); several separated by commas; blank for none",
    ownership: 'Ownership', ownershipPrompt: 'Enter 公立 (public) or 民营 (private): clauses for public institutions only do not count for a private one; blank counts as public and is listed as missing',
    readingsTitle: 'Readings (how this sheet reads text that allows two answers)',
    signatures: 'Assessed by: ________________      Reviewed by: ________________      Head of institution (signature/seal): ________________      Date: ____________',
    pageFooter: 'Page &P of &N',
    institutionCode: 'Institution code', institutionName: 'Institution name', year: 'Year', rubric: 'Rubric id', rubricVersion: 'Rubric version',
    policy: 'Policy', deposit: 'Quality deposit (CNY)', total: 'Total', grade: 'Grade', refund: 'Deposit refund (CNY)',
    vetoCount: 'Veto items', max: 'Maximum', addinTotal: 'MIB.SCORE check', addinGrade: 'MIB.GRADE check',
    addinRefund: 'MIB.REFUND check', agreement: 'Check result', basis: 'Source', bonusNote: 'plus bonus up to',
    noPolicy: '(no policy chosen)', noRefund: '(policy sets no refund)',
    yesNoPrompt: 'Enter 是 (yes) or 否 (no)', countPrompt: 'Enter a whole number ≥ 0', promptSeparator: ': ', clauseSeparator: '; ',
    ratioPrompt: 'Enter a ratio from 0% to 100%', signedPrompt: 'Enter a change from -100% to 100% (a fall is negative)',
    numberPrompt: 'Enter a number from {min} to {max}', pointsPrompt: 'Enter 0–{max} points', listPrompt: 'Pick from the list',
    rankPrompt: 'Enter the rank (a whole number ≥ 1)', selfPrompt: "The institution's own score for this item",
    error: '{label}: {prompt}',
  },
} as const;

export type SheetLocale = keyof typeof sheetLabels;
export type SheetLabels = (typeof sheetLabels)[SheetLocale];
export type LabelKey = keyof SheetLabels;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
