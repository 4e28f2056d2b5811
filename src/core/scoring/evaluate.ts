import type { ClauseSkip, EvaluateOptions, Ownership } from './applicability';
import { excused } from './blankExcuse';
import { beyond, cmp, D, type Dec, fmt, plus, sum, ZERO } from '../numbers/decimal';
import { clipped } from '../messages/echo';
import type { Problem } from '../messages/errors';
import { type InputSpec, type InputValue, isBlank, parseInputValue, type RawValue } from './inputs';
import { type BlankMeaning, definitionOf, type Rule, type RuleContext, type RuleOutcome } from '../rules';
import { NO_LINES, traced } from '../rules/shared';
import { type ClausePlan, clauseSkipFor, type ItemPlan, itemPlanOf, rubricPlan } from './rubricPlan';
import type { Rubric, RubricItem } from '../files/schema';

export interface ClauseResult {
  kind: Rule['kind'];
  /** the 计分方法 sentence the clause implements */
  text: string;
  inputs: string[];
  deduct: Dec;
  earn: Dec;
  veto: boolean;
  /** a deduction clause's own cap ("最多扣5分"), where it has one */
  cap?: Dec;
  /** deductions this clause's own cap kept back (0 when none) */
  capped: Dec;
  /** a "不得分" clause that holds: the item scores 0 by the text (see zeroesItem) */
  zeroes: boolean;
  lines: string[];
}

export interface ItemResult {
  /** 序号 */
  id: string;
  code?: string;
  indicator: string;
  bonus: boolean;
  score: Dec;
  /** the item's points (0 for veto-only items printed "/") */
  max: Dec;
  /** raw deductions, before any cap */
  deducted: Dec;
  /** deductions beyond the item's points (扣分超过单项分值), after each clause's own cap. A "不得分" clause's
   * amount is not counted here: it zeroes the item by the text, not by running past its points. */
  overCap: Dec;
  /** deductions the clauses' own caps kept back ("最多扣5分"); per clause in `clauses[k].capped` */
  clauseCapped: Dec;
  /** raw earnings, before caps */
  earned: Dec;
  /** earnings beyond a clause's cap or the item's points, not applied */
  earnedOverCap: Dec;
  veto: boolean;
  missing: string[];
  clauses: ClauseResult[];
  /** Chinese lines a reviewer reads: each clause with its input, then the item's arithmetic */
  trace: string[];
}

export interface Result {
  rubricId: string;
  total: Dec;
  /** the table's printed total (bonus excluded) */
  max: Dec;
  /** bonus applied to the total, after the table-level cap */
  bonus: Dec;
  bonusMax: Dec;
  /** the total before a veto zeroes it */
  totalBeforeVeto: Dec;
  veto: boolean;
  vetoItems: string[];
  items: ItemResult[];
  missing: string[];
  invalid: Problem[];
  /** 公立 / 民营 as given; absent = unknown */
  ownership?: Ownership;
  /** the ownership is unknown although a clause applies to public institutions only: a missing fact */
  ownershipMissing: boolean;
}

export interface InputIndexEntry {
  spec: InputSpec;
  item: RubricItem;
  rule: Rule;
}

const indexCache = new WeakMap<Rubric, { byId: Map<string, InputIndexEntry>; aliases: Map<string, string> }>();

/** Every input of a rubric by id, and the code-based aliases ("C16.3" for "18.3"). */
export function inputIndex(rubric: Rubric): { byId: Map<string, InputIndexEntry>; aliases: Map<string, string> } {
  const cached = indexCache.get(rubric);
  if (cached) return cached;
  const byId = new Map<string, InputIndexEntry>();
  const aliases = new Map<string, string>();
  for (const item of rubric.items) {
    for (const rule of item.rules) {
      for (const spec of definitionOf(rule).inputs(rule)) {
        byId.set(spec.id, { spec, item, rule });
        if (item.code) aliases.set(`${item.code}.${spec.id.split('.')[1]}`, spec.id);
      }
    }
  }
  const built = { byId, aliases };
  indexCache.set(rubric, built);
  return built;
}

/** Resolves an id as a user may write it (4.2, C16.3, c16.3) to the rubric's own id, or undefined. */
export function resolveInputId(rubric: Rubric, id: string): string | undefined {
  const { byId, aliases } = inputIndex(rubric);
  const trimmed = id.trim();
  if (byId.has(trimmed)) return trimmed;
  return aliases.get(trimmed.toUpperCase());
}

/** What a blank input counts as (不填视为未发现 / 不填视为未达到 / 不填按最后一档计 …), from its clause's kind;
 * undefined for an id the rubric does not have. */
export function blankMeaningOf(rubric: Rubric, id: string): BlankMeaning | undefined {
  const entry = inputIndex(rubric).byId.get(id);
  return entry && definitionOf(entry.rule).blankMeans(entry.rule, entry.spec);
}

export interface ParsedInputs {
  values: Map<string, InputValue>;
  invalid: Problem[];
}

/** Keys that name one input more than once: the same id twice (a sheet's range can list it twice), or
 * two spellings of one id ("B1.1" and "1.1", " 4.2" and "4.2"). Each group gives the input id (or, for
 * an unknown id, the key as written) and the positions of its keys in `keys`, in order. */
export function repeatedInputs(rubric: Rubric, keys: readonly string[]): { id: string; positions: number[] }[] {
  const byInput = new Map<string, number[]>();
  keys.forEach((key, position) => {
    const id = resolveInputId(rubric, key) ?? key.trim();
    const positions = byInput.get(id);
    if (positions) positions.push(position);
    else byInput.set(id, [position]);
  });
  return [...byInput].filter(([, positions]) => positions.length > 1).map(([id, positions]) => ({ id, positions }));
}

/** Parses raw facts (JSON, cells, arguments) against the rubric: typed values, and a problem for each
 * unknown id, bad value, or input given twice under two spellings (neither is used: which one the
 * person meant is theirs to say). Blank values are left out (missing), never read as zero. */
export function parseInputs(rubric: Rubric, raw: Record<string, RawValue>): ParsedInputs {
  const { byId } = inputIndex(rubric);
  const values = new Map<string, InputValue>();
  const invalid: Problem[] = [];
  const entries = Object.entries(raw);
  const repeated = new Set<number>();
  // keys that are all ids as the rubric writes them cannot name one input twice (an object's keys differ)
  const canonical = entries.every(([key]) => byId.has(key));
  const repeats = canonical
    ? []
    : repeatedInputs(
        rubric,
        entries.map(([key]) => key),
      );
  for (const { id, positions } of repeats) {
    positions.forEach((p) => repeated.add(p));
    const spellings = positions.map((p) => `“${clipped(entries[p]![0])}”`).join('与');
    const entry = byId.get(id);
    invalid.push({
      field: id,
      message: entry
        ? `输入编号 ${spellings} 是同一输入 ${id}（${entry.spec.label}），只能填一次：请删去其中一个`
        : `未知的输入编号 ${spellings}：${rubric.title}的输入编号形如 ${[...byId.keys()].slice(0, 3).join('、')}`,
      messageEn: `input ${clipped(id)} is given more than once (${positions.map((p) => JSON.stringify(clipped(entries[p]![0]))).join(', ')})`,
    });
  }
  entries.forEach(([key, rawValue], position) => {
    if (repeated.has(position)) return;
    const id = canonical ? key : resolveInputId(rubric, key);
    const entry = id === undefined ? undefined : byId.get(id);
    if (id === undefined || entry === undefined) {
      const shown = clipped(key);
      invalid.push({
        field: key,
        message: `未知的输入编号“${shown}”：${rubric.title}的输入编号形如 ${[...byId.keys()].slice(0, 3).join('、')}`,
        messageEn: `unknown input id "${shown}" for ${rubric.id} (ids look like ${[...byId.keys()].slice(0, 3).join(', ')})`,
      });
      return;
    }
    parseKnownInput(entry, rawValue, values, invalid);
  });
  return { values, invalid };
}

/** One fact of a known input: its typed value into `values`, or its problem into `invalid`; a blank is
 * left out (missing). What parseInputs does with each key once it knows the input, and what a roster does
 * with each of its input columns. */
export function parseKnownInput(entry: InputIndexEntry, rawValue: RawValue, values: Map<string, InputValue>, invalid: Problem[]): void {
  if (isBlank(rawValue)) return;
  const { spec, rule } = entry;
  const parsed = parseInputValue(spec, rawValue);
  if ('problem' in parsed) {
    invalid.push(parsed.problem);
    return;
  }
  const ruleProblem = definitionOf(rule).checkValue?.(rule, spec, parsed.value) ?? null;
  if (ruleProblem) {
    invalid.push({
      field: spec.id,
      message: `${spec.id}（${spec.label}）${ruleProblem}`,
      messageEn: `${spec.id}: value outside the clause's printed range`,
    });
    return;
  }
  values.set(spec.id, parsed.value);
}

function itemArithmetic(item: ItemResult, base: Dec, hasEarn: boolean, deductions: Dec): string {
  if (item.max.isZero() && !hasEarn) return item.veto ? '触发否决项：出现否决项得分为0' : '否决项未触发';
  const parts: string[] = [];
  const start = hasEarn ? `得分 ${fmt(base)}` : `${fmt(base)}`;
  if (deductions.isZero()) parts.push(hasEarn ? `${start} → 本项 ${fmt(item.score)} 分` : `${fmt(base)} − 0 = ${fmt(item.score)}`);
  else parts.push(`${start} − ${fmt(deductions)} = ${fmt(item.score)}`);
  if (item.overCap.gt(0)) parts.push(`扣完为止，${fmt(item.overCap)} 分扣分超出单项分值未计`);
  // deductions past the points with a "不得分" clause among them: say why that is not an over-cap
  const zeroing = item.clauses.findIndex((c) => c.zeroes);
  if (zeroing >= 0 && deductions.gt(base)) parts.push(`按第${zeroing + 1}条“不得分”计 0 分，不属扣分超过单项分值`);
  if (item.earnedOverCap.gt(0)) parts.push(`超过上限的 ${fmt(item.earnedOverCap)} 分未计`);
  return parts.join('；');
}

/** Scores one item: earning clauses build the base (capped at the item's points), deduction clauses take
 * from it down to 0 ("扣完为止"); whatever a cap kept back is reported, never silently dropped. */
export function evaluateItem(rubric: Rubric, item: RubricItem, values: Map<string, InputValue>, options: EvaluateOptions = {}): ItemResult {
  const plan = rubricPlan(rubric).byItem.get(item) ?? itemPlanOf(rubric, item);
  return evaluatePlannedItem(rubric, plan, values, reader(values), options);
}

/** The facts as the rules read them: one function for every item of an institution. */
function reader(values: Map<string, InputValue>): RuleContext['value'] {
  return (spec) => values.get(spec.id);
}

function evaluatePlannedItem(
  rubric: Rubric,
  plan: ItemPlan,
  values: Map<string, InputValue>,
  read: RuleContext['value'],
  options: EvaluateOptions,
): ItemResult {
  const { item, points, hasEarn } = plan;
  const trace = options.trace !== false;
  const ctx: RuleContext = { value: read, itemPoints: points, partialSteps: rubric.partialSteps, trace };
  // made at its length: a list grown clause by clause is copied as it grows
  const clauses: ClauseResult[] = new Array(plan.clauses.length);
  // the sums as the clauses come, in their order (what sum() over the clauses gives)
  let earnedApplied = ZERO;
  let deductApplied = ZERO;
  let clauseCapped = ZERO;
  let clauseEarnNotApplied = ZERO;
  let weighed = ZERO;
  const missing: string[] = [];
  for (let k = 0; k < plan.clauses.length; k++) {
    const clause = plan.clauses[k]!;
    const { rule, role } = clause;
    const skip = clauseSkipFor(clause, options.ownership);
    const outcome: RuleOutcome = skip ? skippedOutcome(skip, clause, ctx) : clause.def.evaluate(rule, ctx);
    const notApplied = outcome.notApplied ?? ZERO;
    if (role === 'earn') clauseEarnNotApplied = plus(clauseEarnNotApplied, notApplied);
    // a clause that does not apply to this institution asks for no fact
    if (skip?.reason !== 'notApplicable') addMissing(clause, values, missing);
    const deduct = outcome.deduct ?? ZERO;
    const earn = outcome.earn ?? ZERO;
    const capped = role === 'deduct' ? notApplied : ZERO;
    const zeroes = clause.zeroes && deduct.gt(0);
    earnedApplied = plus(earnedApplied, earn);
    deductApplied = plus(deductApplied, deduct);
    clauseCapped = plus(clauseCapped, capped);
    if (!zeroes) weighed = plus(weighed, deduct);
    const veto = outcome.veto ?? false;
    const { kind, text } = rule;
    const { inputIds: inputs, cap } = clause;
    const lines = outcome.lines;
    // one literal per shape: a spread of an optional key costs more than the clause's scoring
    clauses[k] =
      cap === undefined
        ? { kind, text, inputs, deduct, earn, veto, capped, zeroes, lines }
        : { kind, text, inputs, deduct, earn, veto, cap, capped, zeroes, lines };
  }
  const base = hasEarn && cmp(earnedApplied, points) < 0 ? earnedApplied : points;
  const earnBeyondItem = hasEarn ? beyond(earnedApplied, points) : ZERO;
  const score = beyond(base, deductApplied);
  const result: ItemResult = {
    id: item.no,
    ...(item.code ? { code: item.code } : {}),
    indicator: item.indicator,
    bonus: item.bonus === true,
    score,
    max: points,
    deducted: plus(deductApplied, clauseCapped),
    overCap: beyond(weighed, base),
    clauseCapped,
    earned: plus(earnedApplied, clauseEarnNotApplied),
    earnedOverCap: plus(earnBeyondItem, clauseEarnNotApplied),
    veto: clauses.some((c) => c.veto),
    missing,
    clauses,
    trace: NO_LINES,
  };
  if (trace) result.trace = [...clauses.flatMap((c) => c.lines), itemArithmetic(result, base, hasEarn, deductApplied)];
  return result;
}

/** What a skipped clause gives: nothing for a veto or a deduction; for an earning clause that does not
 * apply to a private institution, its full points, so the institution is not marked down for a
 * clause it cannot meet (the table's total stays the same for every institution). A recorded-only
 * clause keeps its own lines (the fact it records) and adds why it counts nothing. */
function skippedOutcome(skip: ClauseSkip, clause: ClausePlan, ctx: RuleContext): RuleOutcome {
  const ids = () => clause.inputIds.join('、');
  if (skip.reason === 'recordOnly') return { lines: traced(ctx, () => [...clause.def.evaluate(clause.rule, ctx).lines, `${ids()}：${skip.line}`]) };
  if (clause.role === 'earn')
    return { earn: clause.maxEarn, lines: traced(ctx, () => [`${ids()}：${skip.line}；得分条款按满分 ${fmt(clause.maxEarn)} 分计`]) };
  return { lines: traced(ctx, () => [`${ids()}：${skip.line}`]) };
}

/** The deductions weighed against an item's points: each clause's after its own cap, a "不得分" clause's
 * left out (it zeroes the item by the text, so it never runs "past" the item's points). */
export function weighedDeductions(clauses: ClauseResult[]): Dec {
  return sum(clauses.filter((c) => !c.zeroes).map((c) => c.deduct));
}

/** Adds the inputs a person still has to fill: the blank ones no other fact excuses. */
function addMissing(clause: ClausePlan, values: Map<string, InputValue>, missing: string[]): void {
  for (let k = 0; k < clause.inputIds.length; k++) {
    const id = clause.inputIds[k]!;
    if (!values.has(id) && !excused(clause.excuses[k], values)) missing.push(id);
  }
}

/** Scores a whole table. Unknown ids and bad values are reported in `invalid` (and not again in
 * `missing`); a bad value counts as no fact for scoring, as a blank would. */
export function evaluate(rubric: Rubric, raw: Record<string, RawValue>, options: EvaluateOptions = {}): Result {
  const { values, invalid } = parseInputs(rubric, raw);
  return evaluateParsed(rubric, values, invalid, options);
}

/** The most the bonus items can add: their points together, within the table's own cap (吉林 ≤ 10). */
export function bonusMaxOf(rubric: Rubric): Dec {
  return rubricPlan(rubric).bonusMax;
}

export function evaluateParsed(rubric: Rubric, values: Map<string, InputValue>, invalid: Problem[] = [], options: EvaluateOptions = {}): Result {
  const plan = rubricPlan(rubric);
  const read = reader(values);
  const items = plan.items.map((item) => evaluatePlannedItem(rubric, item, values, read, options));
  // an invalid value is reported once, as invalid, not again as missing
  const invalidIds = new Set(invalid.map((p) => p.field));
  if (invalidIds.size > 0) for (const item of items) item.missing = item.missing.filter((id) => !invalidIds.has(id));
  const regular = items.filter((i) => !i.bonus);
  const bonusItems = items.filter((i) => i.bonus);
  const bonusRaw = sum(bonusItems.map((i) => i.score));
  const { bonusMax } = plan;
  const bonus = D.min(bonusRaw, bonusMax);
  const totalBeforeVeto = sum(regular.map((i) => i.score)).plus(bonus);
  const vetoItems = items.filter((i) => i.veto).map((i) => i.id);
  const veto = vetoItems.length > 0;
  return {
    rubricId: rubric.id,
    total: veto ? ZERO : totalBeforeVeto,
    max: plan.max,
    bonus,
    bonusMax,
    totalBeforeVeto,
    veto,
    vetoItems,
    items,
    missing: items.flatMap((i) => i.missing),
    invalid,
    ...(options.ownership && { ownership: options.ownership }),
    ownershipMissing: options.ownership === undefined && plan.publicOnly,
  };
}
