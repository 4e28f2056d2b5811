import { clipped, getPolicy, getRubric, type Policy, policyIds, type Rubric, rubricIds } from '../core';
import { readCell, showCell } from './cells';
import { fail, type Outcome } from './failure';

function idArgument(raw: unknown): Outcome<string | null> {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return null;
  if (cell.kind === 'error') return fail(`编号单元格是错误值 ${cell.text}`);
  if (typeof cell.value !== 'string') return fail(`编号应为文字，收到的是 ${showCell(raw)}`);
  return cell.value.trim().toLowerCase();
}

/** The rubric a formula names; unknown or blank names list the valid ids. */
export function rubricFrom(raw: unknown): Outcome<Rubric> {
  const id = idArgument(raw);
  if (id === null) return fail(`请填写考核表编号（第一个参数），可用的有：${rubricIds.join('、')}`);
  if (typeof id !== 'string') return fail(`考核表${id.message}；可用的有：${rubricIds.join('、')}`);
  if (!rubricIds.includes(id)) return fail(`未知的考核表编号“${clipped(id)}”，可用的有：${rubricIds.join('、')}`);
  return getRubric(id);
}

/** The policy a formula names (or the default when the optional argument is left out). */
export function policyFrom(raw: unknown, fallback?: string): Outcome<Policy> {
  const id = idArgument(raw) ?? fallback ?? null;
  if (id === null) return fail(`请填写政策编号，可用的有：${policyIds.join('、')}`);
  if (typeof id !== 'string') return fail(`政策${id.message}；可用的有：${policyIds.join('、')}`);
  if (!policyIds.includes(id)) return fail(`未知的政策编号“${clipped(id)}”，可用的有：${policyIds.join('、')}`);
  return getPolicy(id);
}
