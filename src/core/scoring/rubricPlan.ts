import { type ClauseSkip, clauseSkip, effectiveRule, hasPublicOnlyClauses, type Ownership } from './applicability';
import { type BlankExcuse, blankExcuse } from './blankExcuse';
import { D, type Dec, sum } from '../numbers/decimal';
import type { InputSpec } from './inputs';
import { deductionCapOf, definitionOf, type Rule, type RuleRole, zeroesItem } from '../rules';
import type { RuleDefinition } from '../rules/types';
import type { Rubric, RubricItem } from '../files/schema';

/** One clause as evaluate reads it, worked out once per rubric: a roster scores thousands of institutions
 * on one table, and none of this depends on an institution's facts. */
export interface ClausePlan {
  /** the clause as the rubric's options read it (effectiveRule) */
  rule: Rule;
  def: RuleDefinition<Rule>;
  role: RuleRole;
  inputs: InputSpec[];
  /** every result's ClauseResult.inputs is this one array: frozen, so a change throws rather than
   * reaching every other institution's result */
  inputIds: string[];
  /** the clause's own deduction cap ("最多扣5分"), where it has one */
  cap?: Dec;
  /** a "不得分" clause (zeroesItem) */
  zeroes: boolean;
  /** what an earning clause that does not apply gives: its most, else the item's points */
  maxEarn: Dec;
  /** each input's blank excuse, in the order of `inputs` */
  excuses: (BlankExcuse | undefined)[];
  /** why the clause counts nothing for a private institution, and for any other (clauseSkip) */
  skipPrivate: ClauseSkip | null;
  skipOther: ClauseSkip | null;
}

export interface ItemPlan {
  item: RubricItem;
  points: Dec;
  hasEarn: boolean;
  clauses: ClausePlan[];
}

export interface RubricPlan {
  items: ItemPlan[];
  byItem: Map<RubricItem, ItemPlan>;
  /** the table's printed total */
  max: Dec;
  /** the most the bonus items can add: their points together, within the table's own cap (吉林 ≤ 10) */
  bonusMax: Dec;
  publicOnly: boolean;
}

export function clauseSkipFor(clause: ClausePlan, ownership: Ownership | undefined): ClauseSkip | null {
  return ownership === 'private' ? clause.skipPrivate : clause.skipOther;
}

function clausePlanOf(rubric: Rubric, printed: Rule, points: Dec): ClausePlan {
  const rule = effectiveRule(rubric, printed);
  const def = definitionOf(rule);
  const inputs = def.inputs(rule);
  const cap = deductionCapOf(rule);
  return {
    rule,
    def,
    role: def.role(rule),
    inputs,
    inputIds: Object.freeze(inputs.map((s) => s.id)) as string[],
    ...(cap !== undefined && { cap: new D(cap) }),
    zeroes: zeroesItem(rule),
    maxEarn: def.maxEarn?.(rule, points) ?? points,
    excuses: inputs.map((spec) => blankExcuse(rule, spec)),
    skipPrivate: clauseSkip(rubric, rule, 'private'),
    skipOther: clauseSkip(rubric, rule, undefined),
  };
}

export function itemPlanOf(rubric: Rubric, item: RubricItem): ItemPlan {
  const points = new D(item.points ?? 0);
  const clauses = item.rules.map((rule) => clausePlanOf(rubric, rule, points));
  return { item, points, hasEarn: clauses.some((c) => c.role === 'earn'), clauses };
}

const plans = new WeakMap<Rubric, RubricPlan>();

/** The rubric's plan, built on first use and kept while the rubric lives (rubrics are never changed
 * once parsed; inputIndex caches the same way). */
export function rubricPlan(rubric: Rubric): RubricPlan {
  const cached = plans.get(rubric);
  if (cached) return cached;
  const items = rubric.items.map((item) => itemPlanOf(rubric, item));
  const itemMax = sum(items.filter((p) => p.item.bonus).map((p) => p.points));
  const plan: RubricPlan = {
    items,
    byItem: new Map(items.map((p) => [p.item, p])),
    max: new D(rubric.total),
    bonusMax: rubric.bonusCap !== undefined ? D.min(itemMax, rubric.bonusCap) : itemMax,
    publicOnly: hasPublicOnlyClauses(rubric),
  };
  plans.set(rubric, plan);
  return plan;
}
