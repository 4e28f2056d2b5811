import { readCell, showCell } from './cells';
import { fail, type Outcome } from './failure';

export interface NumberRule {
  /** what the argument is, in the words of the message: 得分, 质量保证金 */
  what: string;
  min?: number;
  integer?: boolean;
}

/** A number argument: a number cell, or text that is a plain number ("85", "1,000"). Booleans and other
 * text are refused with a message naming the argument. */
export function numberFrom(raw: unknown, rule: NumberRule): Outcome<number> {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return fail(`缺少${rule.what}：单元格是空白`);
  if (cell.kind === 'error') return fail(`${rule.what}单元格是错误值 ${cell.text}`);
  let value: number;
  if (typeof cell.value === 'number') value = cell.value;
  else if (typeof cell.value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(cell.value.trim().replace(/,/g, ''))) {
    value = Number(cell.value.trim().replace(/,/g, ''));
  } else return fail(`${rule.what}应为数，收到的是 ${showCell(raw)}`);
  const min = rule.min ?? 0;
  if (rule.integer && !Number.isInteger(value)) return fail(`${rule.what}应为不小于 ${min} 的整数，收到的是 ${value}`);
  if (value < min) return fail(`${rule.what}不能小于 ${min}，收到的是 ${value}`);
  return value;
}

/** An optional number: a blank or omitted argument (null) gives undefined. */
export function optionalNumberFrom(raw: unknown, rule: NumberRule): Outcome<number | undefined> {
  return readCell(raw).kind === 'blank' ? undefined : numberFrom(raw, rule);
}
