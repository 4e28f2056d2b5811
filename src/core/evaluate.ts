import { type ClauseSkip, clauseSkip, effectiveRule, type EvaluateOptions, hasPublicOnlyClauses, type Ownership } from './applicability';
import { D, type Dec, fmt, sum, ZERO } from './decimal';
import type { Problem } from './errors';
import { type InputSpec, type InputValue, isBlank, parseInputValue, type RawValue } from './inputs';
import { definitionOf, type Rule, type RuleContext, type RuleOutcome, type RuleRole } from './rules';
import type { Rubric, RubricItem } from './schema';

export interface ClauseResult {
  kind: Rule['kind'];
  /** the 计分方法 sentence the clause implements */
  text: string;
  inputs: string[];
  deduct: Dec;
  earn: Dec;
  veto: boolean;
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
  /** raw deductions that were not applied: beyond a clause's cap or beyond the item's points */
  overCap: Dec;
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

export interface ParsedInputs {
  values: Map<string, InputValue>;
  invalid: Problem[];
}

/** Parses raw facts (JSON, cells, arguments) against the rubric: typed values, and a problem for each
 * unknown id or bad value. Blank values are left out (missing), never read as zero. */
export function parseInputs(rubric: Rubric, raw: Record<string, RawValue>): ParsedInputs {
  const { byId } = inputIndex(rubric);
  const values = new Map<string, InputValue>();
  const invalid: Problem[] = [];
  for (const [key, rawValue] of Object.entries(raw)) {
    const id = resolveInputId(rubric, key);
    const entry = id === undefined ? undefined : byId.get(id);
    if (id === undefined || entry === undefined) {
      invalid.push({
        field: key,
        message: `未知的输入编号“${key}”：${rubric.title}的输入编号形如 ${[...byId.keys()].slice(0, 3).join('、')}`,
        messageEn: `unknown input id "${key}" for ${rubric.id} (ids look like ${[...byId.keys()].slice(0, 3).join(', ')})`,
      });
      continue;
    }
    if (isBlank(rawValue)) continue;
    const parsed = parseInputValue(entry.spec, rawValue);
    if ('problem' in parsed) {
      invalid.push(parsed.problem);
      continue;
    }
    const ruleProblem = definitionOf(entry.rule).checkValue?.(entry.rule, entry.spec, parsed.value) ?? null;
    if (ruleProblem) {
      invalid.push({ field: id, message: `${id}（${entry.spec.label}）${ruleProblem}`, messageEn: `${id}: value outside the clause's printed range` });
      continue;
    }
    values.set(id, parsed.value);
  }
  return { values, invalid };
}

function itemArithmetic(item: ItemResult, base: Dec, hasEarn: boolean, deductions: Dec): string {
  if (item.max.isZero() && !hasEarn) return item.veto ? '触发否决项：出现否决项得分为0' : '否决项未触发';
  const parts: string[] = [];
  const start = hasEarn ? `得分 ${fmt(base)}` : `${fmt(base)}`;
  if (deductions.isZero()) parts.push(hasEarn ? `${start} → 本项 ${fmt(item.score)} 分` : `${fmt(base)} − 0 = ${fmt(item.score)}`);
  else parts.push(`${start} − ${fmt(deductions)} = ${fmt(item.score)}`);
  if (item.overCap.gt(0)) parts.push(`扣完为止，${fmt(item.overCap)} 分扣分超出单项分值未计`);
  if (item.earnedOverCap.gt(0)) parts.push(`超过上限的 ${fmt(item.earnedOverCap)} 分未计`);
  return parts.join('；');
}

/** Scores one item: earning clauses build the base (capped at the item's points), deduction clauses take
 * from it down to 0 ("扣完为止"); whatever a cap kept back is reported, never silently dropped. */
export function evaluateItem(rubric: Rubric, item: RubricItem, values: Map<string, InputValue>, options: EvaluateOptions = {}): ItemResult {
  const points = new D(item.points ?? 0);
  const ctx: RuleContext = {
    value: (spec) => values.get(spec.id),
    itemPoints: points,
    partialSteps: rubric.partialSteps,
  };
  const clauses: ClauseResult[] = [];
  let hasEarn = false;
  let clauseDeductNotApplied = ZERO;
  let clauseEarnNotApplied = ZERO;
  const missing: string[] = [];
  for (const printed of item.rules) {
    const rule = effectiveRule(rubric, printed);
    const def = definitionOf(rule);
    const role = def.role(rule);
    if (role === 'earn') hasEarn = true;
    const inputs = def.inputs(rule);
    const skip = clauseSkip(rubric, rule, options.ownership);
    const outcome: RuleOutcome = skip ? skippedOutcome(skip, role, def.maxEarn?.(rule, points) ?? points, def.evaluate(rule, ctx), inputs) : def.evaluate(rule, ctx);
    const notApplied = outcome.notApplied ?? ZERO;
    if (role === 'deduct') clauseDeductNotApplied = clauseDeductNotApplied.plus(notApplied);
    if (role === 'earn') clauseEarnNotApplied = clauseEarnNotApplied.plus(notApplied);
    // a clause that does not apply to this institution asks for no fact
    if (skip?.reason !== 'notApplicable') missing.push(...missingOf(rule, inputs, values));
    clauses.push({
      kind: rule.kind,
      text: rule.text,
      inputs: inputs.map((s) => s.id),
      deduct: outcome.deduct ?? ZERO,
      earn: outcome.earn ?? ZERO,
      veto: outcome.veto ?? false,
      lines: outcome.lines,
    });
  }
  const earnedApplied = sum(clauses.map((c) => c.earn));
  const deductApplied = sum(clauses.map((c) => c.deduct));
  const base = hasEarn ? D.min(points, earnedApplied) : points;
  const earnBeyondItem = hasEarn ? D.max(ZERO, earnedApplied.minus(points)) : ZERO;
  const score = D.max(ZERO, base.minus(deductApplied));
  const deductBeyondItem = D.max(ZERO, deductApplied.minus(base));
  const result: ItemResult = {
    id: item.no,
    ...(item.code ? { code: item.code } : {}),
    indicator: item.indicator,
    bonus: item.bonus === true,
    score,
    max: points,
    deducted: deductApplied.plus(clauseDeductNotApplied),
    overCap: deductBeyondItem.plus(clauseDeductNotApplied),
    earned: earnedApplied.plus(clauseEarnNotApplied),
    earnedOverCap: earnBeyondItem.plus(clauseEarnNotApplied),
    veto: clauses.some((c) => c.veto),
    missing,
    clauses,
    trace: [],
  };
  result.trace = [...clauses.flatMap((c) => c.lines), itemArithmetic(result, base, hasEarn, deductApplied)];
  return result;
}

/** What a skipped clause gives: nothing for a veto or a deduction; for an earning clause that does not
 * apply to a private institution, its full points, so the institution is not marked down for a
 * clause it cannot meet (the table's total stays the same for every institution). A recorded-only
 * clause keeps its own lines (the fact it records) and adds why it counts nothing. */
function skippedOutcome(skip: ClauseSkip, role: RuleRole, maxEarn: Dec, own: RuleOutcome, inputs: InputSpec[]): RuleOutcome {
  const ids = inputs.map((s) => s.id).join('、');
  if (skip.reason === 'recordOnly') return { lines: [...own.lines, `${ids}：${skip.line}`] };
  if (role === 'earn') return { earn: maxEarn, lines: [`${ids}：${skip.line}；得分条款按满分 ${fmt(maxEarn)} 分计`] };
  return { lines: [`${ids}：${skip.line}`] };
}

/** Inputs a person still has to fill. Alternatives count as given once one of them is: the other method
 * of a "按高分计算" item, or the rate of a hospital that "未被抽取电话回访". */
function missingOf(rule: Rule, inputs: InputSpec[], values: Map<string, InputValue>): string[] {
  const absent = inputs.filter((s) => !values.has(s.id)).map((s) => s.id);
  if (rule.kind === 'bestOf' && absent.length < inputs.length) return [];
  // a 基层服务 score entered stands for the grade (威海 一级 B3); neither given: the grade is missing
  if (rule.kind === 'choice' && rule.percentOf) return absent.length < inputs.length ? [] : [rule.input.id];
  if (rule.kind === 'proportional' && rule.notSampled) {
    const notSampledId = rule.notSampled.input.id;
    // a hospital not drawn for the phone survey has no rate to enter
    if (values.get(notSampledId) === true) return [];
    return absent.filter((id) => id !== notSampledId);
  }
  return absent;
}

/** Scores a whole table. Unknown ids and bad values are reported in `invalid` (and not again in
 * `missing`); a bad value counts as no fact for scoring, as a blank would. */
export function evaluate(rubric: Rubric, raw: Record<string, RawValue>, options: EvaluateOptions = {}): Result {
  const { values, invalid } = parseInputs(rubric, raw);
  return evaluateParsed(rubric, values, invalid, options);
}

export function evaluateParsed(rubric: Rubric, values: Map<string, InputValue>, invalid: Problem[] = [], options: EvaluateOptions = {}): Result {
  const items = rubric.items.map((item) => evaluateItem(rubric, item, values, options));
  // an invalid value is reported once, as invalid, not again as missing
  const invalidIds = new Set(invalid.map((p) => p.field));
  if (invalidIds.size > 0) for (const item of items) item.missing = item.missing.filter((id) => !invalidIds.has(id));
  const regular = items.filter((i) => !i.bonus);
  const bonusItems = items.filter((i) => i.bonus);
  const bonusRaw = sum(bonusItems.map((i) => i.score));
  const bonusItemMax = sum(bonusItems.map((i) => i.max));
  const bonusMax = rubric.bonusCap !== undefined ? D.min(bonusItemMax, rubric.bonusCap) : bonusItemMax;
  const bonus = D.min(bonusRaw, bonusMax);
  const totalBeforeVeto = sum(regular.map((i) => i.score)).plus(bonus);
  const vetoItems = items.filter((i) => i.veto).map((i) => i.id);
  const veto = vetoItems.length > 0;
  return {
    rubricId: rubric.id,
    total: veto ? ZERO : totalBeforeVeto,
    max: new D(rubric.total),
    bonus,
    bonusMax,
    totalBeforeVeto,
    veto,
    vetoItems,
    items,
    missing: items.flatMap((i) => i.missing),
    invalid,
    ...(options.ownership && { ownership: options.ownership }),
    ownershipMissing: options.ownership === undefined && hasPublicOnlyClauses(rubric),
  };
}
