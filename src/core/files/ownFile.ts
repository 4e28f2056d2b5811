import { clipped } from '../messages/echo';
import { MibError, type Problem } from '../messages/errors';
import { type Policy, PolicySchema } from '../policy/schema';
import { type Rubric, RubricSchema } from './schema';
import { checkFile } from './validate';

/** A region's own file, checked as `mib check` checks it: the table or policy, and the warnings that do
 * not stop it (contradictions inside the document, reported and kept). */
export type CheckedFile = { kind: 'rubric'; rubric: Rubric; warnings: Problem[] } | { kind: 'policy'; policy: Policy; warnings: Problem[] };

const whatOf = { rubric: '考核表', policy: '政策' } as const;

/** What `mib check` says of a parsed document, with the typed table or policy when it has no error:
 * the form the pane shows problem by problem. */
export interface FileCheck {
  kind: 'rubric' | 'policy' | 'unknown';
  id?: string;
  errors: Problem[];
  warnings: Problem[];
  rubric?: Rubric;
  policy?: Policy;
}

export function fileCheck(json: unknown): FileCheck {
  const report = checkFile(json);
  const base = { kind: report.kind, ...(report.id !== undefined && { id: report.id }), errors: report.errors, warnings: report.warnings };
  if (report.errors.length > 0) return base;
  // checkFile passed the schema already; parsed again here for the typed value with its defaults
  if (report.kind === 'rubric') return { ...base, rubric: RubricSchema.parse(json) };
  if (report.kind === 'policy') return { ...base, policy: PolicySchema.parse(json) };
  return base;
}

/**
 * A parsed JSON document as a usable Rubric or Policy, after the same checks as `mib check` (checkFile).
 * Any error makes it a MibError ('invalid-file') whose message lists every error with its field, so the
 * command line and the pane show the same text. `expected` refuses a policy given where a table goes and
 * the other way round. `name` (a file path or name) opens the message.
 */
export function checkedFile(json: unknown, name: string, expected?: 'rubric' | 'policy'): CheckedFile {
  const report = fileCheck(json);
  const shown = clipped(name);
  if (expected && report.kind !== 'unknown' && report.kind !== expected) {
    throw new MibError(
      'invalid-file',
      'kind',
      `“${shown}”是${whatOf[report.kind]}文件（"kind": "${report.kind}"），此处需要${whatOf[expected]}文件（"kind": "${expected}"）`,
      `${name} is a ${report.kind} file; a ${expected} file is needed here`,
    );
  }
  if (report.errors.length > 0) {
    const what = report.kind === 'unknown' ? '文件' : whatOf[report.kind];
    // schema problems already open with their field (zodProblems); the file's own checks do not
    const lines = report.errors.map((e) => `  ${e.message.startsWith(`${e.field}：`) ? e.message : `${e.field || '(文件)'}：${e.message}`}`);
    throw new MibError(
      'invalid-file',
      report.errors[0]?.field ?? name,
      `${what}“${shown}”有 ${report.errors.length} 处错误，不能使用（检查文件时同样列出）：\n${lines.join('\n')}`,
      `${name} has ${report.errors.length} error(s): ${report.errors.map((e) => `${e.field}: ${e.messageEn}`).join('; ')}`,
    );
  }
  if (report.policy) return { kind: 'policy', policy: report.policy, warnings: report.warnings };
  if (report.rubric) return { kind: 'rubric', rubric: report.rubric, warnings: report.warnings };
  throw new MibError('invalid-file', 'kind', `“${shown}”不是考核表或政策文件`, `${name} is neither a rubric nor a policy`);
}
