import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { D, type Dec, fmt } from './decimal';
import type { Problem } from './errors';

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
export const inputTypes = [
  'boolean',
  'count',
  'ratio',
  'signedRatio',
  'number',
  'points',
  'band',
  'choice',
  'rank',
] as const;
export type InputType = (typeof inputTypes)[number];

export const InputSpecSchema = /*#__PURE__*/ lazySchema(() => z
  .object({
    id: z.string().regex(/^\d+\.\d+$/, '输入编号须为“序号.序号”形式，如 4.2'),
    label: z.string().min(1),
    type: z.enum(inputTypes),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(z.string().min(1)).min(2).optional(),
    unit: z.string().optional(),
  })
  .strict());
export type InputSpec = z.infer<typeof InputSpecSchema>;

export type InputValue = boolean | Dec;
export type RawValue = unknown;

/** What the core accepts from outside: JSON objects, sheet cells, command-line values. */
export const RawInputsSchema = /*#__PURE__*/ lazySchema(() => z.record(z.string(), z.unknown()));

const TRUE_WORDS = new Set(['是', 'true', 'y', 'yes', '1', '√', '有']);
const FALSE_WORDS = new Set(['否', 'false', 'n', 'no', '0', '×', '无']);

/** Blank values are missing facts, never zeros. */
export function isBlank(raw: RawValue): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function toNumber(raw: RawValue): Dec | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? new D(raw) : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/,/g, '');
  const percent = /^([-+]?\d+(?:\.\d+)?)\s*[%％]$/.exec(text);
  if (percent?.[1]) return new D(percent[1]).div(100);
  if (/^[-+]?\d+(?:\.\d+)?$/.test(text)) return new D(text);
  return null;
}

function problem(spec: InputSpec, message: string, messageEn: string): Problem {
  return { field: spec.id, message: `${spec.id}（${spec.label}）${message}`, messageEn: `${spec.id}: ${messageEn}` };
}

/** Parses one raw value for its spec: a typed value, or a problem naming the id and what is expected. */
export function parseInputValue(spec: InputSpec, raw: RawValue): { value: InputValue } | { problem: Problem } {
  switch (spec.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: problem(spec, `应填“是”或“否”，收到的是 ${show(raw)}`, `expects yes/no (是/否, TRUE/FALSE, 1/0), got ${show(raw)}`) };
    }
    case 'count':
    case 'rank': {
      const n = toNumber(raw);
      const least = spec.type === 'rank' ? 1 : 0;
      const what = spec.type === 'rank' ? '名次' : '次数';
      if (n === null || !n.isInteger() || n.lt(least)) {
        return {
          problem: problem(
            spec,
            `应为不小于${least}的整数（${what}），收到的是 ${show(raw)}`,
            `expects a whole number ≥ ${least}, got ${show(raw)}`,
          ),
        };
      }
      if (spec.max !== undefined && n.gt(spec.max)) {
        return { problem: problem(spec, `不能大于 ${spec.max}，收到的是 ${fmt(n)}`, `must be at most ${spec.max}, got ${fmt(n)}`) };
      }
      return { value: n };
    }
    case 'ratio':
    case 'signedRatio': {
      const n = toNumber(raw);
      const low = spec.type === 'ratio' ? 0 : -1;
      if (n === null || n.lt(low) || n.gt(1)) {
        const range = spec.type === 'ratio' ? '0% 到 100%' : '-100% 到 100%';
        return {
          problem: problem(
            spec,
            `应为 ${range} 之间的比例（45% 填 45% 或 0.45），收到的是 ${show(raw)}`,
            `expects a ratio between ${spec.type === 'ratio' ? '0% and 100%' : '-100% and 100%'} (0.45 or 45%), got ${show(raw)}`,
          ),
        };
      }
      return { value: n };
    }
    case 'number':
    case 'points': {
      const n = typeof raw === 'string' && /[%％]\s*$/.test(raw) ? null : toNumber(raw);
      const min = spec.min ?? 0;
      const max = spec.max;
      if (n === null || n.lt(min) || (max !== undefined && n.gt(max))) {
        const range = max === undefined ? `不小于 ${min} 的数` : `${min} 到 ${max} 之间的数`;
        return {
          problem: problem(spec, `应为${range}，收到的是 ${show(raw)}`, `expects a number ${max === undefined ? `≥ ${min}` : `from ${min} to ${max}`}, got ${show(raw)}`),
        };
      }
      return { value: n };
    }
    case 'band':
    case 'choice': {
      const options = spec.options ?? [];
      if (typeof raw === 'string') {
        const at = options.indexOf(raw.trim());
        if (at >= 0) return { value: new D(at + 1) };
      }
      const n = toNumber(raw);
      if (n !== null && n.isInteger() && n.gte(1) && n.lte(options.length)) return { value: n };
      const list = options.map((o, i) => `${i + 1}=${o}`).join('，');
      return { problem: problem(spec, `应为以下之一：${list}；收到的是 ${show(raw)}`, `expects one of ${list}; got ${show(raw)}`) };
    }
  }
}

export function show(raw: RawValue): string {
  if (typeof raw === 'string') return `“${raw}”`;
  if (raw === undefined) return '空';
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** The value a typed input holds, for traces: 是/否, 45%, 3. */
export function showValue(spec: InputSpec, value: InputValue): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (spec.type === 'ratio' || spec.type === 'signedRatio') return `${fmt(value.times(100))}%`;
  if ((spec.type === 'band' || spec.type === 'choice') && spec.options) return spec.options[value.toNumber() - 1] ?? fmt(value);
  return fmt(value);
}
