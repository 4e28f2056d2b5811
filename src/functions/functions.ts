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
 * Total score of an institution under an official assessment table, veto applied (a veto makes it 0).
 * @customfunction SCORE
 * @param rubric Rubric id, e.g. "cq-jiangbei-2025-hospital" (see MIB.RUBRICS()).
 * @param ids Input ids such as 4.2 or C16.3, as a column or a row; or a two-column range of id/value pairs.
 * @param values Values beside the ids (a column or a row): 是/否, TRUE/FALSE or 1/0 for yes/no, numbers or percents for ratios; a blank cell is missing. Omit when ids holds id/value pairs.
 * @param ownership 公立 (public) or 民营 (private): clauses for public institutions only do not count for a private one; blank means unknown.
 * @returns The total score.
 */
export function mibScore(rubric: string, ids: unknown[][], values?: unknown[][], ownership?: unknown): number | CustomFunctions.Error {
  return toExcel(guard(() => scoreTotal(rubric, ids, values, ownership)));
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
 * Grade (等次) of a score under a policy.
 * @customfunction GRADE
 * @param score The total score.
 * @param policy Policy id, e.g. "jilin-2025" (see MIB.POLICIES()).
 * @param downgrade Grades to move down (降档), e.g. 1 after a provincial notice of criticism; blank means 0.
 * @returns The grade.
 */
export function mibGrade(score: unknown, policy: string, downgrade?: unknown): string | CustomFunctions.Error {
  return toExcel(guard(() => gradeLabel(score, policy, downgrade)));
}

/**
 * Quality deposit paid back for a score under a policy, in yuan, rounded half-up to the fen.
 * @customfunction REFUND
 * @param score The total score.
 * @param deposit The quality deposit (质量保证金), in yuan.
 * @param policy Policy id, e.g. "jilin-2025".
 * @param downgrade Grades to move down (降档); blank means 0.
 * @returns The amount paid back.
 */
export function mibRefund(score: unknown, deposit: unknown, policy: string, downgrade?: unknown): number | CustomFunctions.Error {
  return toExcel(guard(() => refundAmount(score, deposit, policy, downgrade)));
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
 * Spills what a reviewer must see: veto items, deductions beyond an item's points (with the points not applied), bad and missing inputs.
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

/**
 * Printed total of a table (bonus excluded), or the points of one item.
 * @customfunction MAX
 * @param rubric Rubric id.
 * @param item The item's number or code; blank for the whole table.
 * @returns The maximum points.
 */
export function mibMax(rubric: string, item?: unknown): number | CustomFunctions.Error {
  return toExcel(guard(() => maxPoints(rubric, item)));
}

/**
 * Spills the input ids of a table with what each expects: the ids to put beside MIB.SCORE.
 * @customfunction INPUTS
 * @param rubric Rubric id.
 * @returns A table: id, code id, item, indicator, fact, expected value.
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
