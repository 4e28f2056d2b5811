// The working columns of an assessment sheet: one input row per fact (输入编号, 填报事项, 填报值, 填报状态),
// its validation and prompt, and the facts pre-filled as a sheet shows them.
import {
  blankExcuse,
  blankMeaningOf,
  definitionOf,
  type InputSpec,
  inputIndex,
  isPublicOnly,
  parseInputValue,
  resolveInputId,
  type Rubric,
  type RubricItem,
} from '../core';
import { num } from './formulaParts';
import { excuseFormula, statusFormula } from './inputStatus';
import { fill, type SheetLocale, sheetLabels } from './labels';
import type { SheetBuilder } from './planBuilder';
import type { StyleName } from './styles';
import { type PlainValue, type PlanInputCell, type PlanValidation, VALIDATION_PROMPT_MAX, VALIDATION_TITLE_MAX, type ValidationRule } from './types';

/**
 * The item's input rows from `first` on, one per fact: id, label, value cell and 填报状态 (a public-only
 * clause asks nothing of a 民营 institution, as the core's evaluate decides). Returns the address of each
 * fact's value cell by id, for the item's clause formulas.
 */
export function planInputRows(
  b: SheetBuilder,
  rubric: Rubric,
  item: RubricItem,
  first: number,
  ownershipCell: string,
  prefill: Map<string, PlainValue>,
  inputs: PlanInputCell[],
  locale: SheetLocale,
): (id: string) => string {
  const { put, at, text } = b;
  const specs = item.rules.flatMap((rule) => definitionOf(rule).inputs(rule));
  const refs = new Map<string, string>();
  specs.forEach((spec, k) => refs.set(spec.id, at('inputValue', first + k)));
  const refOf = (id: string) => refs.get(id) ?? 'A1';
  const ruleOf = item.rules.flatMap((rule) =>
    definitionOf(rule)
      .inputs(rule)
      .map(() => rule),
  );
  specs.forEach((spec, k) => {
    const r = first + k;
    const rule = ruleOf[k]!;
    const excuses = [excuseFormula(blankExcuse(rule, spec), refOf), ...(isPublicOnly(rule) ? [`TRIM(${ownershipCell})="民营"`] : [])].filter(
      (e) => e !== undefined,
    );
    const excuse = excuses.length <= 1 ? excuses[0] : `OR(${excuses.join(',')})`;
    put(r, 'inputStatus', { formula: statusFormula(spec, refOf(spec.id), excuse), style: 'center' });
    put(r, 'inputId', { value: spec.id, text: true, style: 'id' });
    put(r, 'inputLabel', text(spec.unit ? `${spec.label}（${spec.unit}）` : spec.label, 'text'));
    const pre = prefill.get(spec.id);
    const style: StyleName = spec.type === 'ratio' || spec.type === 'signedRatio' ? 'inputRatio' : 'input';
    put(r, 'inputValue', pre === undefined ? { style } : typeof pre === 'string' ? text(pre, style) : { value: pre, style });
    inputs.push({ id: spec.id, itemNo: item.no, address: at('inputValue', r), label: spec.label });
    b.validations.push(validationOf(spec, at('inputValue', r), rubric, locale));
  });
  return refOf;
}

/** The facts to pre-fill, as a sheet shows them: 是/否, the option's label, numbers. A value the core
 * refuses is kept as the text given, so nothing a user supplied is lost (the pane flags it). */
export function prefilled(rubric: Rubric, raw: Record<string, unknown>): Map<string, PlainValue> {
  const { byId } = inputIndex(rubric);
  const out = new Map<string, PlainValue>();
  for (const [key, value] of Object.entries(raw)) {
    const id = resolveInputId(rubric, key);
    const spec = id === undefined ? undefined : byId.get(id)?.spec;
    if (!id || !spec || value === null || value === undefined || value === '') continue;
    const parsed = parseInputValue(spec, value);
    if ('problem' in parsed) {
      out.set(id, typeof value === 'number' || typeof value === 'boolean' ? value : String(value));
      continue;
    }
    const v = parsed.value;
    if (typeof v === 'boolean') out.set(id, v ? '是' : '否');
    else if ((spec.type === 'band' || spec.type === 'choice') && spec.options) out.set(id, spec.options[v.toNumber() - 1] ?? v.toNumber());
    else out.set(id, v.toNumber());
  }
  return out;
}

function validationOf(spec: InputSpec, range: string, rubric: Rubric, locale: SheetLocale): PlanValidation {
  const t = sheetLabels[locale];
  let rule: ValidationRule;
  let prompt: string;
  switch (spec.type) {
    case 'boolean':
      rule = { kind: 'list', options: ['是', '否'] };
      prompt = t.yesNoPrompt;
      break;
    case 'count':
      rule = { kind: 'wholeNumber', min: 0, ...(spec.max !== undefined && { max: spec.max }) };
      prompt = t.countPrompt;
      break;
    case 'ratio':
      rule = { kind: 'decimal', min: 0, max: 1 };
      prompt = t.ratioPrompt;
      break;
    case 'signedRatio':
      rule = { kind: 'decimal', min: -1, max: 1 };
      prompt = t.signedPrompt;
      break;
    case 'number':
      rule = { kind: 'decimal', min: spec.min ?? 0, max: spec.max ?? 100 };
      prompt = fill(t.numberPrompt, { min: num(spec.min ?? 0), max: num(spec.max ?? 100) });
      break;
    case 'points': {
      const max = spec.max ?? maxPointsOf(rubric, spec.id);
      rule = { kind: 'decimal', min: 0, max };
      prompt = fill(t.pointsPrompt, { max: num(max) });
      break;
    }
    case 'band':
    case 'choice':
      rule = { kind: 'list', options: spec.options ?? [] };
      prompt = t.listPrompt;
      break;
    case 'rank':
      rule = { kind: 'wholeNumber', min: 1 };
      prompt = t.rankPrompt;
      break;
  }
  // the title names the input; the text says what to enter and what a blank counts as (不填视为未发现 …),
  // the fact's label shortened if need be so that Excel's 255 characters never cut the blank's meaning
  const blank = blankMeaningOf(rubric, spec.id);
  const tail = `${t.promptSeparator}${prompt}${blank ? `${t.clauseSeparator}${locale === 'en-US' ? blank.en : blank.zh}` : ''}`;
  return {
    range,
    rule,
    title: fitText(`${t.inputId} ${spec.id}`, VALIDATION_TITLE_MAX),
    prompt: `${fitText(spec.label, VALIDATION_PROMPT_MAX - [...tail].length)}${tail}`,
    error: fill(t.error, { label: `${spec.id} ${spec.label}`, prompt }),
  };
}

/** `text` cut to `max` characters, an ellipsis marking the cut. */
function fitText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** The most a discretionary total may reach: a generous bound (the core checks the exact range). */
function maxPointsOf(rubric: Rubric, id: string): number {
  const entry = inputIndex(rubric).byId.get(id);
  const rule = entry?.rule;
  if (rule?.kind === 'discretionary') return rule.perOccurrence ? Math.max(rule.max * 100, 1000) : rule.max;
  return 1000;
}
