import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import * as mini from 'zod/mini';
import { DecimalOrPercentValue, DecimalValue, decimalWhere, quickDecimal, quickYesNo, YesNoValue } from '../numbers/cellValues';
import { cmp, D, type Dec, fmt } from '../numbers/decimal';
import { clipped } from '../messages/echo';
import type { Problem } from '../messages/errors';

/**
 * One fact a user enters. Ids are `<序号>.<n>` (DESIGN.md, contract): the item number as printed,
 * then the fact's position in the order the 计分方法 text (or the item's rows) lists them.
 *
 * - boolean: the condition exactly as the 计分方法 sentence states it (true = 未如实填报, 是 in a sheet)
 * - count: a whole number of occurrences ≥ 0
 * - ratio: a fraction in [0, 1] (45% is 0.45, as Excel stores a percent cell)
 * - signedRatio: a change of a ratio, in [-1, 1] (a fall of 2 percentage points is -0.02)
 * - number: a measured number within [min, max] (e.g. a 0–100 score from another table)
 * - points: points a reviewer awards or deducts within the clause's range
 * - band / choice: one of `options`, given as its 1-based position or its label
 * - rank: a place in a ranking, whole number ≥ 1
 */
export const inputTypes = ['boolean', 'count', 'ratio', 'signedRatio', 'number', 'points', 'band', 'choice', 'rank'] as const;
export type InputType = (typeof inputTypes)[number];

/** The input types as a rubric author reads them (the JSON Schema's hover text). */
export const INPUT_TYPE_TEXT =
  '事实的类型：boolean = 是/否（按计分方法的说法，true = 情形成立）；count = 次数（≥0 的整数）；ratio = 比例 0–1（45% 写 0.45）；signedRatio = 升降幅度 −1–1；number = 数值（min–max）；points = 审核人给的分；band = 区间（options）；choice = 等次选项（options）；rank = 名次（≥1）';

/** Excel's limit on a list's inline source (the options joined by commas): 255 characters. */
export const LIST_SOURCE_MAX = 255;

/**
 * The options of a band or choice: a sheet offers them as an in-cell list, whose source Excel reads as "a
 * comma-separated" list (learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member)
 * of at most 255 characters. An option holding "," would become two, and a longer list is refused, so the
 * schema keeps options comma-free (use "，") and short enough, and the list stays inline: it travels with the
 * sheet into any workbook, template and returned file, with no list sheet to make, hide and keep in step.
 */
export const listOptionsSchema = () =>
  z
    .array(
      z
        .string()
        .min(1)
        .refine((option) => !option.includes(','), '选项不能含英文逗号“,”（Excel 的下拉列表以逗号分隔选项），请改用中文逗号“，”'),
    )
    .min(2)
    .refine(
      (options) => options.join(',').length <= LIST_SOURCE_MAX,
      `各选项连同分隔的逗号合计不能超过 ${LIST_SOURCE_MAX} 个字符（Excel 下拉列表的上限），请缩短选项文字`,
    );

export const InputSpecSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      id: z
        .string()
        .regex(/^\d+\.\d+$/, '输入编号须为“序号.序号”形式，如 4.2')
        .describe('输入编号：本项序号.第几个事实，如 4.2（第4项的第2个事实）'),
      label: z.string().min(1).describe('这个事实问什么，填报人一看就懂，如 未如实填报相关数据'),
      type: z.enum(inputTypes).describe(INPUT_TYPE_TEXT),
      min: z.number().optional().describe('（可不填）number/points 的最小值，默认 0'),
      max: z.number().optional().describe('（可不填）number/points/count/rank 的最大值'),
      options: listOptionsSchema().optional().describe('band/choice 的选项，按原文顺序；填第几项或选项文字'),
      unit: z.string().optional().describe('（可不填）单位，如 人次、万元'),
    })
    .strict()
    .describe('条款要填的一个事实'),
);
export type InputSpec = z.infer<typeof InputSpecSchema>;

export type InputValue = boolean | Dec;
export type RawValue = unknown;

/** Blank values are missing facts, never zeros. The same test as the BlankValue schema, written out
 * because evaluate asks it of every fact and a refused zod parse (any non-blank value) is costly. */
export function isBlank(raw: RawValue): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function problem(spec: InputSpec, message: string, messageEn: string): Problem {
  return { field: spec.id, message: `${spec.id}（${spec.label}）${message}`, messageEn: `${spec.id}: ${messageEn}` };
}

/** The largest count or rank a fact may give when its clause sets none: the largest whole number a
 * double (a JSON number, a cell) holds exactly. A count of 1e308 is a typo, not a count. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** Why a value was refused: not of the input's kind ('kind'), or a count above the input's maximum ('max'). */
const ABOVE_MAX = 'max';

// The bounds as Decimals made once: compared with a number, decimal.js parses it anew each time (a count's
// ceiling, 2⁵³ − 1, through text).
type DecimalCheck = (n: Dec) => boolean;
function within(low: number, high: number | undefined): DecimalCheck {
  const lowest = new D(low);
  const highest = high === undefined ? undefined : new D(high);
  return (n) => cmp(n, lowest) >= 0 && (highest === undefined || cmp(n, highest) <= 0);
}
function wholeFrom(least: number): DecimalCheck {
  const lowest = new D(least);
  return (n) => n.isInteger() && cmp(n, lowest) >= 0;
}
function atMost(max: number): DecimalCheck {
  const highest = new D(max);
  return (n) => cmp(n, highest) <= 0;
}

/** What a number given for this spec must be: its shape and range (`kind`), and for a count or rank its
 * ceiling (`max`, refused in words of its own). One list for the zod schema and the quick path. */
function decimalChecks(spec: InputSpec): { kind: DecimalCheck[]; max?: DecimalCheck } {
  switch (spec.type) {
    case 'count':
    case 'rank':
      return { kind: [wholeFrom(spec.type === 'rank' ? 1 : 0)], max: atMost(spec.max ?? MAX_COUNT) };
    case 'ratio':
    case 'signedRatio':
      return { kind: [within(spec.type === 'ratio' ? 0 : -1, 1)] };
    case 'number':
    case 'points':
      return { kind: [within(spec.min ?? 0, spec.max)] };
    case 'band':
    case 'choice':
      return { kind: [within(1, (spec.options ?? []).length), wholeFrom(1)] };
    case 'boolean':
      return { kind: [] };
  }
}

/** The zod schema one input's value is parsed with: its kind, and the range its spec allows. */
function schemaOf(spec: InputSpec): mini.ZodMiniType<InputValue> {
  const checks = decimalChecks(spec);
  const checked = decimalWhere(
    ...checks.kind.map((check) => mini.refine<Dec>(check, { abort: true })),
    ...(checks.max ? [mini.refine<Dec>(checks.max, ABOVE_MAX)] : []),
  );
  switch (spec.type) {
    case 'boolean':
      return YesNoValue;
    case 'count':
    case 'rank':
    case 'number':
    case 'points':
      return mini.pipe(DecimalValue, checked);
    case 'ratio':
    case 'signedRatio':
      return mini.pipe(DecimalOrPercentValue, checked);
    case 'band':
    case 'choice': {
      const options = spec.options ?? [];
      const byPosition = mini.pipe(DecimalValue, checked);
      if (options.length === 0) return byPosition;
      const byLabel = mini.pipe(
        mini.pipe(
          mini.string(),
          mini.transform((s) => s.trim()),
        ),
        mini.pipe(
          mini.enum(options as [string, ...string[]]),
          mini.transform((label) => new D(options.indexOf(label) + 1)),
        ),
      );
      return mini.union([byLabel, byPosition]);
    }
  }
}

/** A spec's parsers: the quick one for the forms facts usually take, the zod schema (built when first
 * needed) for everything else and for the refusals. */
interface SpecParser {
  quick(raw: RawValue): InputValue | undefined;
  schema?: mini.ZodMiniType<InputValue>;
  /** what the quick parser gave for the first few hundred cell values met (a roster's column repeats
   * 0, 1, 否, 第一区间 thousands of times): a value is immutable, so one serves every row */
  known: Map<string | number | boolean, { readonly value: InputValue }>;
}

/** The most cell values a spec remembers: enough for every small-domain column, little for a column of
 * measured rates (after that, each is parsed as it comes). */
const KNOWN_VALUES = 512;

/** The value the zod schema would give for the usual forms of a fact, or undefined to ask the schema:
 * the same acceptance and the same values, without zod's work on every fact of a roster. */
function quickParserOf(spec: InputSpec): SpecParser['quick'] {
  if (spec.type === 'boolean') return quickYesNo;
  const { kind, max } = decimalChecks(spec);
  const checks = max ? [...kind, max] : kind;
  const percent = spec.type === 'ratio' || spec.type === 'signedRatio';
  const options = spec.type === 'band' || spec.type === 'choice' ? (spec.options ?? []) : [];
  return (raw) => {
    if (options.length > 0 && typeof raw === 'string') {
      const at = options.indexOf(raw.trim());
      if (at >= 0) return new D(at + 1);
    }
    const n = quickDecimal(raw, percent);
    return n !== undefined && checks.every((check) => check(n)) ? n : undefined;
  };
}

const parsers = new WeakMap<InputSpec, SpecParser>();
function parserOf(spec: InputSpec): SpecParser {
  let parser = parsers.get(spec);
  if (!parser) parsers.set(spec, (parser = { quick: quickParserOf(spec), known: new Map() }));
  return parser;
}

/** What the person is told a refused value should be. */
function refusal(spec: InputSpec, raw: RawValue, reason: 'kind' | 'max'): Problem {
  switch (spec.type) {
    case 'boolean':
      return problem(spec, `应填“是”或“否”，收到的是 ${show(raw)}`, `expects yes/no (是/否, TRUE/FALSE, 1/0), got ${show(raw)}`);
    case 'count':
    case 'rank': {
      const max = spec.max ?? MAX_COUNT;
      if (reason === 'max') return problem(spec, `不能大于 ${max}，收到的是 ${show(raw)}`, `must be at most ${max}, got ${show(raw)}`);
      const least = spec.type === 'rank' ? 1 : 0;
      const what = spec.type === 'rank' ? '名次' : '次数';
      return problem(spec, `应为不小于${least}的整数（${what}），收到的是 ${show(raw)}`, `expects a whole number ≥ ${least}, got ${show(raw)}`);
    }
    case 'ratio':
    case 'signedRatio': {
      const range = spec.type === 'ratio' ? '0% 到 100%' : '-100% 到 100%';
      const rangeEn = spec.type === 'ratio' ? '0% and 100%' : '-100% and 100%';
      return problem(
        spec,
        `应为 ${range} 之间的比例（45% 填 45% 或 0.45），收到的是 ${show(raw)}`,
        `expects a ratio between ${rangeEn} (0.45 or 45%), got ${show(raw)}`,
      );
    }
    case 'number':
    case 'points': {
      const min = spec.min ?? 0;
      const range = spec.max === undefined ? `不小于 ${min} 的数` : `${min} 到 ${spec.max} 之间的数`;
      const rangeEn = spec.max === undefined ? `≥ ${min}` : `from ${min} to ${spec.max}`;
      return problem(spec, `应为${range}，收到的是 ${show(raw)}`, `expects a number ${rangeEn}, got ${show(raw)}`);
    }
    case 'band':
    case 'choice': {
      const list = (spec.options ?? []).map((o, i) => `${i + 1}=${o}`).join('，');
      return problem(spec, `应为以下之一：${list}；收到的是 ${show(raw)}`, `expects one of ${list}; got ${show(raw)}`);
    }
  }
}

/** Parses one raw value for its spec: a typed value, or a problem naming the id and what is expected. */
export function parseInputValue(spec: InputSpec, raw: RawValue): { value: InputValue } | { problem: Problem } {
  const parser = parserOf(spec);
  const primitive = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean';
  if (primitive) {
    const known = parser.known.get(raw);
    if (known) return known;
  }
  const quick = parser.quick(raw);
  if (quick !== undefined) {
    const parsed = Object.freeze({ value: quick });
    if (primitive && parser.known.size < KNOWN_VALUES) parser.known.set(raw, parsed);
    return parsed;
  }
  const parsed = (parser.schema ??= schemaOf(spec)).safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const reason = parsed.error.issues.some((issue) => issue.message === ABOVE_MAX) ? 'max' : 'kind';
  return { problem: refusal(spec, raw, reason) };
}

/** A value a person gave, as a message echoes it: text in quotes, cut to about 80 characters; a number
 * too large for a double (1e309 in a JSON file arrives as Infinity) said so; a nested value never
 * overflows the stack. */
export function show(raw: RawValue): string {
  if (typeof raw === 'string') return `“${clipped(raw)}”`;
  // (a blank cell of a roster or a sheet arrives as null: it is said as blank, never as "null")
  if (raw === undefined || raw === null) return '空';
  if (typeof raw === 'number' && !Number.isFinite(raw)) return Number.isNaN(raw) ? '非数字（NaN）' : '超出数值范围的数';
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = Array.isArray(raw) ? '（嵌套过深的数组）' : '（无法显示的值）';
  }
  return clipped(text);
}

/** The value a typed input holds, for traces: 是/否, 45%, 3. */
export function showValue(spec: InputSpec, value: InputValue): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (spec.type === 'ratio' || spec.type === 'signedRatio') return `${fmt(value.times(100))}%`;
  if ((spec.type === 'band' || spec.type === 'choice') && spec.options) return spec.options[value.toNumber() - 1] ?? fmt(value);
  return fmt(value);
}
