/// <reference types="custom-functions-runtime" />
// The MIB custom functions as Excel sees them. Each is a thin shell: the plain modules beside this file
// do the work and return a value or a failure; the shell turns a failure into CustomFunctions.Error.
// custom-functions-metadata-plugin reads the JSDoc below to write functions.json (English, the default)
// and appends the CustomFunctions.associate calls itself; the zh-CN metadata comes from
// metadata/zh-CN.ts. Optional arguments arrive as null.
import { inputTable, policyTable, rubricTable } from './catalog';
import { compositeOf } from './composite';
import { toExcel, toExcelTable } from './excelResult';
import { guard } from './failure';
import { flagTable } from './flags';
import { gradeLabel, refundAmount } from './grade';
import { itemScore, maxPoints, scoreTotal } from './score';

/**
 * Total score of an institution under an official assessment table, veto applied: without a policy as the table says (a veto makes it 0), with one as the policy's veto says.
 * @customfunction SCORE
 * @param rubric Rubric id, e.g. "cq-jiangbei-2025-hospital" (see MIB.RUBRICS()).
 * @param ids Input ids such as 4.2 or C16.3, as a column or a row; or a two-column range of id/value pairs.
 * @param values Values beside the ids (a column or a row): 是/否, TRUE/FALSE or 1/0 for yes/no, numbers or percents for ratios; a blank cell is missing. Omit when ids holds id/value pairs.
 * @param ownership 公立 (public) or 民营 (private): clauses for public institutions only do not count for a private one; blank means unknown.
 * @param policy Policy id, e.g. "jilin-2025": what a veto does to the total is then the policy's (veto.effect); blank for the table's own rule.
 * @returns The total score.
 */
export function mibScore(
  rubric: string,
  ids: unknown[][],
  values?: unknown[][],
  ownership?: unknown,
  policy?: unknown,
): number | CustomFunctions.Error {
  return toExcel(guard(() => scoreTotal(rubric, ids, values, ownership, policy)));
}

/**
 * Points of one item of the table.
 * @customfunction ITEM
 * @param rubric Rubric id, e.g. "cq-jiangbei-2025-hospital".
 * @param item The item's number as printed (4) or its code (C16).
 * @param ids Input ids, as a column or a row; or a two-column range of id/value pairs.
 * @param values Values beside the ids. Omit when ids holds id/value pairs.
 * @param ownership 公立 (public) or 民营 (private); blank means unknown.
 * @returns The item's points.
 */
export function mibItem(rubric: string, item: unknown, ids: unknown[][], values?: unknown[][], ownership?: unknown): number | CustomFunctions.Error {
  return toExcel(guard(() => itemScore(rubric, item, ids, values, ownership)));
}

/**
 * Grade (等次) of a score under a policy: 一票否决 and 降档 applied; "暂评 …" while facts are missing, "暂不评定" while facts are invalid.
 * @customfunction GRADE
 * @param score The total score.
 * @param policy Policy id, e.g. "jilin-2025" (see MIB.POLICIES()).
 * @param downgrade Grades to move down (降档), e.g. 1 after a provincial notice of criticism; blank means 0.
 * @param veto TRUE when a veto item (一票否决) was found; blank means FALSE.
 * @param specialCase An institution outside the normal assessment: 申请终止有违规, 申请终止无违规, 解除协议, 履约不满6个月, 准入不满一年 (or the case's id); blank for none.
 * @param scale The table the score was counted on, as a rubric id or its total (e.g. 795): the score is converted onto the policy's scale (折算为百分制). A score beyond the policy's scale is refused without it.
 * @param invalid Number of invalid facts: any makes the result "暂不评定"; blank means 0.
 * @param missing Number of facts not filled: the grade is then "暂评"; blank or 0 once the reviewer marks the sheet complete.
 * @returns The grade.
 */
export function mibGrade(
  score: unknown,
  policy: string,
  downgrade?: unknown,
  veto?: unknown,
  specialCase?: unknown,
  scale?: unknown,
  invalid?: unknown,
  missing?: unknown,
): string | CustomFunctions.Error {
  return toExcel(guard(() => gradeLabel(score, policy, { downgrade, veto, specialCase, scale, invalid, missing })));
}

/**
 * Quality deposit paid back for a score under a policy, in yuan, rounded half-up to the fen; "暂不评定" while facts are invalid.
 * @customfunction REFUND
 * @param score The total score.
 * @param deposit The quality deposit (质量保证金), in yuan.
 * @param policy Policy id, e.g. "jilin-2025".
 * @param downgrade Grades to move down (降档); blank means 0.
 * @param veto TRUE when a veto item (一票否决) was found; blank means FALSE.
 * @param specialCase An institution outside the normal assessment (吉林 第十三–十五条, 宁德 准入不满一年): 申请终止有违规, 申请终止无违规, 解除协议, 履约不满6个月, 准入不满一年.
 * @param fractionalPoints How a fraction of a point below the base counts: proportional, whole or started; blank for the policy's default.
 * @param ratioRounding How the refund ratio is kept: percent-2, fraction-2 or none; blank for the policy's default.
 * @param downgradeRefund Whether 降档 also moves the refund tier: grade or score; blank for the policy's default.
 * @param scale The table the score was counted on, as a rubric id or its total (e.g. 795): the score is converted onto the policy's scale.
 * @param invalid Number of invalid facts: any withholds the refund ("暂不评定"); blank means 0.
 * @param missing Number of facts not filled (the refund is then provisional); blank means 0.
 * @param circumstances The institution's circumstances that withhold a further share of the deposit, as the policy names them (e.g. 挂牌督办); several separated by commas; blank for none.
 * @returns The amount paid back.
 */
export function mibRefund(
  score: unknown,
  deposit: unknown,
  policy: string,
  downgrade?: unknown,
  veto?: unknown,
  specialCase?: unknown,
  fractionalPoints?: unknown,
  ratioRounding?: unknown,
  downgradeRefund?: unknown,
  scale?: unknown,
  invalid?: unknown,
  missing?: unknown,
  circumstances?: unknown,
): number | string | CustomFunctions.Error {
  return toExcel(
    guard(() =>
      refundAmount(score, deposit, policy, {
        downgrade,
        veto,
        specialCase,
        fractionalPoints,
        ratioRounding,
        downgradeRefund,
        scale,
        invalid,
        missing,
        circumstances,
      }),
    ),
  );
}

/**
 * Composite score of an institution with subordinates: own score × 70% + the subordinates' mean × 30% (吉林 第十一条).
 * @customfunction COMPOSITE
 * @param own The institution's own score.
 * @param subordinates The subordinate institutions' (or persons') scores; blank cells are skipped.
 * @param policy Policy id; blank means "jilin-2025".
 * @returns The composite score.
 */
export function mibComposite(own: unknown, subordinates: unknown[][], policy?: string): number | CustomFunctions.Error {
  return toExcel(guard(() => compositeOf(own, subordinates, policy)));
}

/**
 * Spills what a reviewer must see: veto items, deductions beyond an item's points (with the points not applied), a clause's own cap at work, bad and missing inputs.
 * @customfunction FLAGS
 * @param rubric Rubric id, e.g. "cq-jiangbei-2025-hospital".
 * @param ids Input ids, as a column or a row; or a two-column range of id/value pairs.
 * @param values Values beside the ids. Omit when ids holds id/value pairs.
 * @param ownership 公立 (public) or 民营 (private); blank means unknown, listed as missing where a clause applies to public institutions only.
 * @returns A table: kind, item, input id, points not applied, message.
 */
export function mibFlags(rubric: string, ids: unknown[][], values?: unknown[][], ownership?: unknown): unknown[][] {
  return toExcelTable(guard(() => flagTable(rubric, ids, values, ownership)));
}

// Named POINTS, not MAX: "Avoid an id or name that matches a built-in Excel function in any language"
// (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming#localize-function-names).
// test/functions/metadata.test.ts holds the list of built-in names it is checked against.
/**
 * Printed total of a table (bonus excluded), or the points of one item.
 * @customfunction POINTS
 * @param rubric Rubric id.
 * @param item The item's number or code; blank for the whole table.
 * @returns The maximum points.
 */
export function mibPoints(rubric: string, item?: unknown): number | CustomFunctions.Error {
  return toExcel(guard(() => maxPoints(rubric, item)));
}

/**
 * Spills the input ids of a table with what each expects: the ids to put beside MIB.SCORE.
 * @customfunction INPUTS
 * @param rubric Rubric id.
 * @returns A table: id, code id, item, indicator, fact, expected value, what a blank counts as.
 */
export function mibInputs(rubric: string): unknown[][] {
  return toExcelTable(guard(() => inputTable(rubric)));
}

/**
 * Spills the official assessment tables the add-in carries.
 * @customfunction RUBRICS
 * @returns A table: id, title, region, year, institution type, total, document number.
 */
export function mibRubrics(): unknown[][] {
  return toExcelTable(guard(() => rubricTable()));
}

/**
 * Spills the grading and refund policies the add-in carries.
 * @customfunction POLICIES
 * @returns A table: id, title, region, institutions, grades, refund, composite, document number.
 */
export function mibPolicies(): unknown[][] {
  return toExcelTable(guard(() => policyTable()));
}
