/// <reference types="custom-functions-runtime" />
import { isFailure, type Outcome } from './failure';
import type { Table } from './flags';

/** The one place a failure becomes an Excel error: `#VALUE!` (or `#N/A`) in the cell, the Chinese
 * message on the error flag. `CustomFunctions` is the runtime's global, read at call time. */
export function excelError(code: 'invalidValue' | 'notAvailable', message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message);
}

export function toExcel<T>(outcome: Outcome<T>): T | CustomFunctions.Error {
  return isFailure(outcome) ? excelError(outcome.code, outcome.message) : outcome;
}

/** A spilling function's result: the table, or a 1×1 array holding the error (a matrix result must be
 * an array even when it fails). */
export function toExcelTable(outcome: Outcome<Table>): unknown[][] {
  return isFailure(outcome) ? [[excelError(outcome.code, outcome.message)]] : outcome;
}
