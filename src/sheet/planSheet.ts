import { conversionFor, getPolicy, listPolicies, type Policy, type Rubric, rubricLabel } from '../core';
import { PRINTED_THROUGH } from './layout';
import { HEADER_ROW, sheetBuilder } from './planBuilder';
import { mergeConflicts } from './planConflicts';
import { pairWriter, planHeader, tableName } from './planHeader';
import { planWorkingPrint } from './planWorkingPrint';
import { planItems } from './planItems';
import { planBelowTable, planPages, printGeometry, PRINT_MARGINS } from './planPrint';
import { planResults } from './planResults';
import { validSheetName } from './sheetName';
import { STYLES } from './styles';
import type { PlanOptions, SheetPlan } from './types';

/**
 * The whole assessment worksheet for a rubric, as data: the official table in its printed columns and
 * order, one input row per fact, a readable formula for every clause and item, the total, grade and
 * refund as plain formulas of the policy, and (with the add-in) MIB.SCORE / MIB.GRADE / MIB.REFUND
 * beside them. The layout depends only on the rubric, whether a policy is chosen and whether the
 * add-in cells are wanted, so a reader can find every cell again by planning the same sheet.
 *
 * Its parts, each in a file of its own: the header block (planHeader), the items and their working
 * columns (planItems, planInputs), the results under the policy (planResults) and the print (planPrint).
 */
export function planSheet(rubric: Rubric, options: PlanOptions = {}): SheetPlan {
  const policy: Policy | undefined = options.policyId ? getPolicy(options.policyId) : undefined;
  // a table on another scale than the policy's is refused unless a conversion was asked for
  const conversion = policy ? conversionFor(rubric, policy, options.convert === true, listPolicies()) : undefined;
  const b = sheetBuilder(rubric, options);
  const { columns, col, label } = b;
  const { scale, pageHeight } = printGeometry(b);
  const pair = pairWriter(b);

  const header = planHeader(b, pair, rubric, policy, options);
  columns.list.forEach((c) => b.put(HEADER_ROW, c.index, { value: label(c.label), style: 'header' }));
  const planned = planItems(b, rubric, options, header.ownershipCell, pageHeight);
  const below = planBelowTable(b, rubric, policy, planned);
  const results = planResults(b, pair, rubric, policy, conversion, header, planned, options);
  const { pageBreaks, rowHeights } = planPages(b, rubric, planned, below, scale, pageHeight);

  // no cell given two contents, none merged twice, nothing hidden under a merge
  const conflicts = [...b.claims.problems, ...mergeConflicts(b.merges, b.grid)];
  if (conflicts.length > 0) throw new Error(`表格布局冲突：${conflicts.slice(0, 5).join('；')}`);

  const printedLetter = col(PRINTED_THROUGH).letter;
  const name = sheetNameOf(rubric, options);
  return {
    name,
    rubricId: rubric.id,
    ...(policy && { policyId: policy.id }),
    grid: Array.from({ length: b.grid.length }, (_, i) => b.grid[i] ?? []),
    columnCount: columns.list.length,
    columns: columns.list.map((c) => ({ header: label(c.label), width: c.width })),
    rowHeights,
    styles: STYLES,
    merges: b.merges,
    validations: b.validations,
    conditionalFormats: b.conditionalFormats,
    names: results.names,
    inputs: planned.inputs,
    items: planned.items,
    fields: {
      institutionCode: header.codeCell,
      institutionName: header.nameCell,
      year: header.yearCell,
      policy: header.policyCell,
      deposit: header.depositCell,
      ownership: header.ownershipCell,
      ...(header.circumstancesCell && { circumstances: header.circumstancesCell }),
      ...(header.versionCell && { rubricVersion: header.versionCell }),
      ...results.fields,
    },
    printTitleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      scale,
      pageBreaks,
      // the official table with its score, header block and signatures; the working columns print apart
      // (workingPrint), so that the form's 共 M 页 counts the form alone
      areas: [`A1:${printedLetter}${below.lastPrintedRow}`],
      footer: b.t.pageFooter.replace('{pages}', String(pageBreaks.length + 1)),
      margins: PRINT_MARGINS,
    },
    protect: true,
    freezeRows: HEADER_ROW,
    workingPrint: planWorkingPrint(b, rubric, planned, name, tableName(rubric)),
  };
}

/** The sheet's name, valid in Excel whatever the institution is called ("某医院/分院" → "某医院_分院-2025");
 * a long name is cut before the year; without an institution, the table's short name (江北 2025 医疗机构 考核表). The header's 机构名称 cell keeps the name in full. */
function sheetNameOf(rubric: Rubric, options: PlanOptions): string {
  if (options.sheetName) return validSheetName(options.sheetName);
  const who = options.institutionName || options.institutionCode;
  return who ? validSheetName(who, `-${rubric.year}`) : validSheetName(`${rubricLabel(rubric)} 考核表`);
}
