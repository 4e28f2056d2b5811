import { type FileCheck, fileCheck, MibError, type Problem, readJsonText, registerPolicy, registerRubric } from '../../core';

export type { FileCheck } from '../../core';

const problemOf = (error: unknown, field: string): Problem =>
  error instanceof MibError
    ? { field: error.field, message: error.message, messageEn: error.messageEn }
    : { field, message: String(error), messageEn: String(error) };

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
  return fileCheck(json);
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
