import type { z } from 'zod';
import type { Problem } from './errors';

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(文件)' : issue.path.map(String).join('.');
}

/** One zod issue as a Chinese sentence a rubric author can act on. */
function chinese(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对：应为 ${issue.expected}`;
    case 'too_small':
      return `过小：最小为 ${String(issue.minimum)}`;
    case 'too_big':
      return `过大：最大为 ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return `取值应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的写法（检查 kind 与必填字段）';
    case 'invalid_format':
      return `格式不对：${issue.message}`;
    default:
      return issue.message;
  }
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    field: pathOf(issue),
    message: `${pathOf(issue)}：${chinese(issue)}`,
    messageEn: `${pathOf(issue)}: ${issue.message}`,
  }));
}
