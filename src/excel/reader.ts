/// <reference types="office-js" />
import { MibError, PlainCellValue } from '../core';
import { parseRange, splitReference } from '../sheet/memory/a1';
import { type StoredCell, snapshotOf } from '../sheet/memory/snapshot';
import type { SheetSnapshot } from '../sheet/port';
import { matchingPlan, type Replanner } from '../sheet/matchPlan';
import type { PlainValue } from '../sheet/types';
import { type NameEntry, RUBRIC_NAME, namesOnSheet, reference } from './names';

export type { Replanner } from '../sheet/matchPlan';

/**
 * Reads one assessment sheet in one sync: its names (the sheet's own and the workbook's) and the used
 * range's formulas and values. The rubric id in the MIB_RUBRIC cell is then laid out again; of the
 * layouts it may have (with or without the policy in the policy cell, with or without the add-in
 * functions) the one whose names sit where the sheet's names sit is used. A sheet whose rows or
 * columns were moved since matches none and is reported, not misread.
 */
export async function readSnapshot(context: Excel.RequestContext, sheetName: string, replan: Replanner): Promise<SheetSnapshot> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.names.load('items/name,items/formula');
  context.workbook.names.load('items/name,items/formula');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,formulas,values');
  await context.sync();

  // eslint-disable-next-line office-addins/load-object-before-read -- sheet.names is loaded above; the rule follows loads on `sheet` only
  const names = namesOnSheet(sheetName, entries(sheet.names.items), entries(context.workbook.names.items));
  const read = usedRangeReader(used);
  const rubricAddress = names.get(RUBRIC_NAME);
  const rubricId = rubricAddress === undefined ? null : read(rubricAddress).value;
  if (typeof rubricId !== 'string' || rubricId.trim() === '') {
    throw new MibError(
      'invalid-file',
      sheetName,
      `工作表“${sheetName}”不是考核表（没有 ${RUBRIC_NAME} 名称或考核表编号）`,
      `sheet "${sheetName}" is not an assessment sheet (no ${RUBRIC_NAME} name or rubric id)`,
    );
  }
  const plan = matchingPlan(rubricId.trim(), names, read, replan);
  if (!plan) {
    throw new MibError(
      'invalid-file',
      sheetName,
      `工作表“${sheetName}”的布局已与考核表 ${rubricId} 不符（可能插入或删除了行列），请重新生成考核表`,
      `sheet "${sheetName}" no longer has the layout of rubric ${rubricId} (rows or columns moved?); create the sheet again`,
    );
  }
  return snapshotOf(sheetName, plan, read);
}

function entries(items: Excel.NamedItem[]): NameEntry[] {
  return items.map((item) => ({ name: item.name, formula: String(item.formula) }));
}

/**
 * Cells of the used range by address. What a cell holds: a live formula when `formulas` has one
 * that differs from the shown value (text that merely begins with "=" reads back the same in both);
 * blanks ("") are null.
 */
function usedRangeReader(used: Excel.Range): (address: string) => StoredCell {
  if (used.isNullObject) return () => ({ value: null });
  const origin = parseRange(splitReference(used.address).address);
  return (address) => {
    const { top, left } = parseRange(address);
    const formula: unknown = used.formulas[top - origin.top]?.[left - origin.left];
    const value = plain(used.values[top - origin.top]?.[left - origin.left]);
    return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? { formula, value } : { value };
  };
}

/** A value Office.js returns, parsed by the core's PlainCellValue schema ("" and anything odd are null). */
function plain(value: unknown): PlainValue | null {
  return PlainCellValue.parse(value);
}

/** Whether the sheet carries an assessment: a MIB_RUBRIC name of its own or a workbook one on it. */
export async function assessmentSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  context.workbook.names.load('items/name,items/formula');
  await context.sync();

  const marks = worksheets.items.map((sheet) => {
    const mark = sheet.names.getItemOrNullObject(RUBRIC_NAME);
    mark.load('name');
    return mark;
  });
  await context.sync();
  const onWorkbook = entries(context.workbook.names.items)
    .filter((entry) => entry.name.toUpperCase() === RUBRIC_NAME)
    .map((entry) => reference(entry.formula).sheet);
  return worksheets.items.filter((sheet, i) => !marks[i]!.isNullObject || onWorkbook.includes(sheet.name)).map((sheet) => sheet.name);
}

/** The active sheet's name when it is an assessment sheet, in one sync. */
export async function activeAssessmentSheetName(context: Excel.RequestContext): Promise<string | null> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  const mark = active.names.getItemOrNullObject(RUBRIC_NAME);
  mark.load('name');
  const workbookMark = context.workbook.names.getItemOrNullObject(RUBRIC_NAME);
  workbookMark.load('formula');
  await context.sync();
  if (!mark.isNullObject) return active.name;
  if (!workbookMark.isNullObject && reference(String(workbookMark.formula)).sheet === active.name) return active.name;
  return null;
}
