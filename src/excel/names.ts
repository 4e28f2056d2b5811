/// <reference types="office-js" />
import { absoluteArea, splitReference } from '../sheet/memory/a1';
import { quotedSheet } from '../sheet/sheetName';
import type { PlanName } from '../sheet/types';

export { RUBRIC_NAME } from '../sheet/matchPlan';

/**
 * Names are scoped to the worksheet: an agency keeps many assessment sheets in one workbook, and each
 * has its own MIB_TOTAL, MIB_INPUTS, ... Other sheets refer to them as 'Sheet name'!MIB_TOTAL.
 * A ref listing several areas ("E5,E9:E12") is given as an absolute formula, as getRange takes one area.
 */
export function addName(sheet: Excel.Worksheet, sheetName: string, name: PlanName): void {
  const areas = name.ref.split(',').map((area) => area.trim());
  if (areas.length === 1) {
    sheet.names.add(name.name, sheet.getRange(areas[0]!));
    return;
  }
  sheet.names.add(name.name, `=${areas.map((area) => `${quotedSheet(sheetName)}!${absoluteArea(area)}`).join(',')}`);
}

/** A loaded name: its name and its formula, e.g. "='考核 表'!$B$2". */
export interface NameEntry {
  name: string;
  formula: string;
}

/**
 * The names that point into `sheetName`, NAME → address without "$" ("E5,E9:E12" for several areas):
 * the sheet's own names, and workbook-scoped names that refer to it (as a file saved by another tool
 * may have them), the sheet's own taking precedence.
 */
export function namesOnSheet(sheetName: string, own: NameEntry[], workbook: NameEntry[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of workbook) {
    const ref = reference(entry.formula);
    if (ref.sheet === sheetName) found.set(entry.name.toUpperCase(), ref.address);
  }
  for (const entry of own) found.set(entry.name.toUpperCase(), reference(entry.formula).address);
  return found;
}

/** "='S'!$E$5,'S'!$E$9:$E$12" → { sheet: "S", address: "E5,E9:E12" } (the first area's sheet). */
export function reference(formula: string): { sheet?: string; address: string } {
  const text = formula
    .trim()
    .replace(/^=/, '')
    .replace(/^\((.*)\)$/, '$1');
  // commas inside a quoted sheet name do not separate areas
  const areas = text.match(/(?:'(?:[^']|'')*'|[^,])+/g) ?? [];
  const parts = areas.map((area) => splitReference(area));
  return { ...(parts[0]?.sheet !== undefined && { sheet: parts[0].sheet }), address: parts.map((part) => part.address).join(',') };
}

export { planAddress } from '../sheet/matchPlan';
