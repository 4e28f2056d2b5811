import { DecimalValue, type Dec, fmt, parsedOrNull } from '../core';
import { readCell, showCell } from './cells';
import { fail, type Outcome } from './failure';

export interface NumberRule {
  /** what the argument is, in the words of the message: 得分, 质量保证金 */
  what: string;
  min?: number;
  integer?: boolean;
}

/** A number argument: a number cell, or text that is a plain number ("85", "1,000"), parsed by the
 * core's DecimalValue schema: a number cell at Excel's 15 significant digits (69.99999999999999 is 70),
 * text digit for digit. Kept as a Decimal so that text with more digits than a double holds
 * ("90071992547409.93") reaches the core intact. Booleans and other text are refused with a message
 * naming the argument. */
export function numberFrom(raw: unknown, rule: NumberRule): Outcome<Dec> {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return fail(`缺少${rule.what}：单元格是空白`);
  if (cell.kind === 'error') return fail(`${rule.what}单元格是错误值 ${cell.text}`);
  const value = parsedOrNull(DecimalValue, cell.value);
  if (value === null) return fail(`${rule.what}应为数，收到的是 ${showCell(raw)}`);
  const min = rule.min ?? 0;
  if (rule.integer && !value.isInteger()) return fail(`${rule.what}应为不小于 ${min} 的整数，收到的是 ${fmt(value)}`);
  if (value.lt(min)) return fail(`${rule.what}不能小于 ${min}，收到的是 ${fmt(value)}`);
  return value;
}

/** An optional number: a blank or omitted argument (null) gives undefined. */
export function optionalNumberFrom(raw: unknown, rule: NumberRule): Outcome<Dec | undefined> {
  return readCell(raw).kind === 'blank' ? undefined : numberFrom(raw, rule);
}
