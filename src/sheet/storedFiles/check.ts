import { checkFile, MibError, type Policy, PolicySchema, type Problem, registerPolicy, registerRubric, type Rubric, RubricSchema } from '../../core';
import { readJsonText } from '../../cli/jsonText';
import type { StoredFileKind } from './contract';

/** A file's text checked as `mib check` checks it; `rubric` / `policy` is set when it has no errors. */
export interface FileCheck {
  kind: StoredFileKind | 'unknown';
  id?: string;
  errors: Problem[];
  warnings: Problem[];
  rubric?: Rubric;
  policy?: Policy;
}

const problemOf = (error: unknown, field: string): Problem =>
  error instanceof MibError ? { field: error.field, message: error.message, messageEn: error.messageEn } : { field, message: String(error), messageEn: String(error) };

/**
 * The checks of `mib check` on a file's text: the same strict JSON reader (line and column, a key
 * twice refused), then checkFile. `name` is what messages call the file.
 */
export function checkFileText(text: string, name: string): FileCheck {
  let json: unknown;
  try {
    json = readJsonText(text, name);
  } catch (error) {
    return { kind: 'unknown', errors: [problemOf(error, name)], warnings: [] };
  }
  const report = checkFile(json);
  const base = { kind: report.kind, ...(report.id !== undefined && { id: report.id }), errors: report.errors, warnings: report.warnings };
  if (report.errors.length > 0) return base;
  if (report.kind === 'rubric') return { ...base, rubric: RubricSchema.parse(json) };
  if (report.kind === 'policy') return { ...base, policy: PolicySchema.parse(json) };
  return base;
}

/** Registers a checked file by its id (a bundled id is refused: that comes back as a problem). */
export function registerChecked(check: FileCheck): Problem[] {
  try {
    if (check.rubric) registerRubric(check.rubric);
    else if (check.policy) registerPolicy(check.policy);
    return [];
  } catch (error) {
    return [problemOf(error, 'id')];
  }
}
