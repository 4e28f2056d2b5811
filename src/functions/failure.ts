import { MibError } from '../core';

/**
 * What a custom function gives back instead of throwing. The Excel shell (functions.ts) turns it into
 * `new CustomFunctions.Error(code, message)`: the cell shows `#VALUE!` (or `#N/A`) and the error flag
 * shows the Chinese message. Plain modules return it, so tests assert the code and the message without
 * Office.
 */
export type FailureCode = 'invalidValue' | 'notAvailable';

export class FunctionFailure {
  constructor(
    readonly message: string,
    readonly code: FailureCode = 'invalidValue',
  ) {}
}

export type Outcome<T> = T | FunctionFailure;

export function fail(message: string, code: FailureCode = 'invalidValue'): FunctionFailure {
  return new FunctionFailure(message, code);
}

export function isFailure(value: unknown): value is FunctionFailure {
  return value instanceof FunctionFailure;
}

/** Runs a function body so that nothing escapes as an exception: a MibError from the core keeps its
 * Chinese message; anything else (a bug) still reaches the cell as a message instead of a crash. */
export function guard<T>(body: () => Outcome<T>): Outcome<T> {
  try {
    return body();
  } catch (error) {
    if (error instanceof MibError) return fail(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`MIB 考核助手内部错误：${detail}`);
  }
}
