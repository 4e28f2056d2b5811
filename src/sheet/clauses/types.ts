import type { Rule } from '../../core';

/** What one clause contributes to its item, as formula text over the clause's input cells. */
export interface ClauseFormula {
  /** the clause cell's formula, without "=" */
  formula: string;
  role: 'veto' | 'deduct' | 'earn';
  /** a clause cap the item applies ("最多扣5分"); the clause cell itself shows the raw deduction */
  cap?: number;
}

export interface ClauseContext {
  /** the A1 address of an input id's value cell */
  ref(id: string): string;
  /** the item's points (for "不得分" and a missing measured rate) */
  itemPoints: number;
  partialSteps: 'proportional' | 'whole';
}

export type ClauseFormulaOf<K extends Rule['kind']> = (rule: Extract<Rule, { kind: K }>, ctx: ClauseContext) => ClauseFormula;
