import type { Policy, Result, Rubric } from '../../core';
import type { SheetSnapshot } from '../port';
import type { SheetPlan } from '../types';

export type AuditFlagKind =
  'rubricChanged' | 'veto' | 'overCap' | 'clauseCap' | 'invalidInput' | 'missingInput' | 'formulaChanged' | 'valueOverFormula' | 'selfScoreDiffers';

/** The order a reviewer reads flags in: a table updated since the sheet was made, then vetoes. */
export const auditOrder: AuditFlagKind[] = [
  'rubricChanged',
  'veto',
  'overCap',
  'clauseCap',
  'invalidInput',
  'missingInput',
  'formulaChanged',
  'valueOverFormula',
  'selfScoreDiffers',
];

/** One thing on an assessment sheet a user must see, with the cell that shows it. */
export interface AuditFlag {
  kind: AuditFlagKind;
  /** 序号 of the item, where the flag belongs to one */
  itemNo?: string;
  /** the item's 考核指标, in the table's own words */
  indicator?: string;
  /** the cell to select (on the sheet the snapshot came from) */
  address: string;
  message: string;
  messageEn: string;
}

/** What every check sees: the sheet as it stands, the plan it was made from, the core's result. */
export interface AuditContext {
  snapshot: SheetSnapshot;
  rubric: Rubric;
  policy?: Policy;
  plan: SheetPlan;
  result: Result;
}

export type AuditCheck = (ctx: AuditContext) => AuditFlag[];
