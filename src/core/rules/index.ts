import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
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

export const RuleSchema = /*#__PURE__*/ lazySchema(() =>
  z.discriminatedUnion('kind', [
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
  ]),
);
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

/** A "不得分" clause (江北 7.1 "拒不配合执行相关政策的，不得分", 9 "未如实填报相关数据的不得分", 20 "未达到90%的
 * 不得分"): when it holds, the item scores 0 because the text says so, not by deductions running past the
 * item's points. Its amount (the item's points) is therefore not weighed against the item's points when
 * the over-cap is reckoned (evaluateItem, and the sheet's 超出分值的扣分 formula). */
export function zeroesItem(rule: Rule): boolean {
  return (rule.kind === 'condition' || rule.kind === 'threshold') && rule.effect === 'deduct' && rule.points === 'all';
}

/** A clause's own ceiling on what it deducts ("最多扣5分"), if it has one. */
export function deductionCapOf(rule: Rule): number | undefined {
  if (rule.kind !== 'linear' && rule.kind !== 'perOccurrence' && rule.kind !== 'discretionary') return undefined;
  return rule.effect === 'deduct' ? rule.cap : undefined;
}

export type { BlankMeaning, RuleContext, RuleOutcome, RuleRole } from './types';
