import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { allOf, AllOfSchema } from './allOf';
import { band, BandSchema } from './band';
import { bestOf, BestOfSchema } from './bestOf';
import { choice, ChoiceSchema } from './choice';
import { condition, ConditionSchema } from './condition';
import { discretionary, DiscretionarySchema } from './discretionary';
import { linear, LinearSchema } from './linear';
import { manual, ManualSchema } from './manual';
import { perOccurrence, PerOccurrenceSchema } from './perOccurrence';
import { proportional, ProportionalSchema } from './proportional';
import { rankTop, RankTopSchema } from './rankTop';
import { table, TableSchema } from './table';
import { threshold, ThresholdSchema } from './threshold';
import type { RuleDefinition } from './types';
import { veto, VetoSchema } from './veto';

export const RuleSchema = /*#__PURE__*/ lazySchema(() => z.discriminatedUnion('kind', [
  VetoSchema,
  PerOccurrenceSchema,
  ConditionSchema,
  DiscretionarySchema,
  ThresholdSchema,
  AllOfSchema,
  ProportionalSchema,
  LinearSchema,
  BandSchema,
  ChoiceSchema,
  RankTopSchema,
  TableSchema,
  BestOfSchema,
  ManualSchema,
]));
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];

type Definitions = { [K in RuleKind]: RuleDefinition<Extract<Rule, { kind: K }>> };

/** Every rule kind the rubric files may use, each defined in its own file. */
export const ruleDefinitions: Definitions = {
  veto,
  perOccurrence,
  condition,
  discretionary,
  threshold,
  allOf,
  proportional,
  linear,
  band,
  choice,
  rankTop,
  table,
  bestOf,
  manual,
};

export function definitionOf<R extends Rule>(rule: R): RuleDefinition<R> {
  return ruleDefinitions[rule.kind] as unknown as RuleDefinition<R>;
}

export type { RuleContext, RuleOutcome, RuleRole } from './types';
