import type { z } from 'zod';
import { clipped } from './echo';
import type { Problem } from './errors';
import { kindWithName } from './kindNames';

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(文件)' : issue.path.map(String).join('.');
}

/** A message our schemas wrote (they write Chinese), not zod's English default. */
const ours = (message: string) => /[\u3400-\u9fff]/.test(message);

/** zod's names for the types it expected, as a rubric author reads them. */
const TYPE_NAMES: Record<string, string> = {
  string: '文本（字符串）',
  number: '数字',
  boolean: 'true 或 false',
  object: '对象 {…}',
  array: '数组 […]',
  int: '整数',
  record: '对象 {…}',
  null: 'null',
};

/** Whether the issue is about a field the file leaves out: its key is absent from the object that
 * should hold it (read from the parsed input where given, else from zod's own "received undefined"). */
function isMissing(issue: z.core.$ZodIssue, input: unknown): boolean {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value') return false;
  if (input === undefined) return issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  let parent: unknown = input;
  for (const key of issue.path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = issue.path.at(-1);
  return last !== undefined && typeof parent === 'object' && parent !== null && (parent as Record<PropertyKey, unknown>)[last] === undefined;
}

/** One zod issue as a Chinese sentence a rubric author can act on. No English text from zod reaches a
 * user: a message our schema gave is kept, every other is said here. A field left out says 缺少, never
 * that a value is wrong. */
function chinese(issue: z.core.$ZodIssue, input: unknown): string {
  if (isMissing(issue, input)) {
    const expected =
      issue.code === 'invalid_value'
        ? `取值应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`
        : `应为 ${TYPE_NAMES[(issue as { expected: string }).expected] ?? (issue as { expected: string }).expected}`;
    return `缺少此字段（${expected}）`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对：应为 ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      // an exclusive bound (positive(), lt(0.5)) refuses the bound itself: "最小为 0" would invite a 0
      return ours(issue.message) ? issue.message : `过小：${issue.inclusive === false ? '应大于' : '最小为'} ${String(issue.minimum)}`;
    case 'too_big':
      return ours(issue.message) ? issue.message : `过大：${issue.inclusive === false ? '应小于' : '最大为'} ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.map((key) => clipped(key)).join('、')}`;
    case 'invalid_value':
      return `取值应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_union':
      // a discriminated union (a clause, a refund tier) names the kinds it allows
      if ('options' in issue && issue.options && issue.discriminator !== undefined) {
        return `${issue.discriminator} 应为以下之一：${issue.options.map((o) => kindWithName(String(o))).join('；')}`;
      }
      return '不符合任何一种允许的写法（检查 kind 与必填字段）';
    case 'invalid_format':
      return ours(issue.message) ? `格式不对：${issue.message}` : `格式不对：应为 ${issue.format} 格式`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_key':
      return '对象的键不符合要求';
    case 'invalid_element':
      return '集合中有不符合要求的元素';
    default:
      return ours(issue.message) ? issue.message : '取值不符合要求';
  }
}

/** The problems of a failed parse; `input`, the parsed value, tells a field left out from one of a wrong value. */
export function zodProblems(error: z.ZodError, input?: unknown): Problem[] {
  return error.issues.map((issue) => ({
    field: pathOf(issue),
    message: `${pathOf(issue)}：${chinese(issue, input)}`,
    messageEn: `${pathOf(issue)}: ${issue.message}`,
  }));
}
