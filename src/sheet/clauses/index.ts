import type { Rule, RuleKind } from '../../core';
import { allOfFormula } from './allOf';
import { bandFormula } from './band';
import { bestOfFormula } from './bestOf';
import { choiceFormula } from './choice';
import { conditionFormula } from './condition';
import { discretionaryFormula } from './discretionary';
import { linearFormula } from './linear';
import { manualFormula } from './manual';
import { perOccurrenceFormula } from './perOccurrence';
import { proportionalFormula } from './proportional';
import { rankTopFormula } from './rankTop';
import { tableFormula } from './table';
import { thresholdFormula } from './threshold';
import type { ClauseContext, ClauseFormula, ClauseFormulaOf } from './types';
import { vetoFormula } from './veto';

/** The spreadsheet formula of every rule kind, each in its own file beside the core's rule of that kind. */
const formulas: { [K in RuleKind]: ClauseFormulaOf<K> } = {
  veto: vetoFormula,
  perOccurrence: perOccurrenceFormula,
  condition: conditionFormula,
  discretionary: discretionaryFormula,
  threshold: thresholdFormula,
  allOf: allOfFormula,
  proportional: proportionalFormula,
  linear: linearFormula,
  band: bandFormula,
  choice: choiceFormula,
  rankTop: rankTopFormula,
  table: tableFormula,
  bestOf: bestOfFormula,
  manual: manualFormula,
};

export function clauseFormula(rule: Rule, ctx: ClauseContext): ClauseFormula {
  return (formulas[rule.kind] as ClauseFormulaOf<typeof rule.kind>)(rule as never, ctx);
}

export type { ClauseContext, ClauseFormula } from './types';
