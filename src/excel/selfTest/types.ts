import type { CellBlock, WorkbookPort } from '../../sheet/port';
import type { FileStorePort } from '../../sheet/storedFiles/contract';
import type { PlainValue } from '../../sheet/types';

/** Where the self-test runs: Office's own words for the host (Office.context.diagnostics) and the
 * requirement sets it answers yes to (Office.context.requirements.isSetSupported). */
export interface HostInfo {
  host: string;
  platform: string;
  version: string;
  /** the UI language Office reports (Office.context.displayLanguage) */
  language: string;
  /** each set asked, with Office's answer; empty outside Office */
  sets: { name: string; version: string; supported: boolean }[];
}

/** What the self-test reads back beyond the port, by the host's own API. A method a host cannot answer is
 * absent, and its step is reported as skipped with `missing` as the reason. */
export interface SheetInspector {
  /** the sheet's names (its own and the workbook's pointing at it): NAME → address without "$" */
  names?(sheetName: string): Promise<Map<string, string>>;
  /** the validation on a cell: its kind (list, wholeNumber, decimal, none) and, for a list, its source */
  validation?(sheetName: string, address: string): Promise<{ kind: string; source?: string }>;
  /** the page layout as Excel holds it */
  printLayout?(sheetName: string): Promise<{ orientation: string; scale: number | null; titleRows: string | null }>;
  /** whether the sheet is protected */
  isProtected?(sheetName: string): Promise<boolean>;
  /** the names of the sheet's charts */
  charts?(sheetName: string): Promise<string[]>;
  /** one cell's value as Excel now shows it (a custom function still computing shows "#BUSY!") */
  cellValue?(sheetName: string, address: string): Promise<PlainValue | null>;
  /** deletes the MIB_FILES sheet when the self-test made it (a very hidden sheet must be made visible first) */
  removeFilesSheet?(): Promise<void>;
  /** whether the workbook holds a MIB_FILES sheet */
  hasFilesSheet?(): Promise<boolean>;
}

export interface SelfTestHost {
  port: WorkbookPort;
  files: FileStorePort;
  info(): Promise<HostInfo>;
  inspector: SheetInspector;
  /** Excel computes formulas; the in-memory workbook does not (a formula's value reads null) */
  computesFormulas: boolean;
  /** the MIB custom functions are registered here (null) or why not */
  customFunctions: string | null;
  /** waits between two reads of a cell a custom function is computing; immediate in tests */
  wait(ms: number): Promise<void>;
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

/** One step of the self-test, as the report shows it. */
export interface StepResult {
  /** the step's kind (its label comes from text.ts) */
  step: StepId;
  /** the table or sheet the step worked on, when it is one of several */
  subject?: string;
  status: StepStatus;
  /** what was found, in the report's language */
  detail: string;
  /** Excel's own error code (OfficeExtension.Error.code) and message, where a call failed */
  code?: string;
  message?: string;
}

export type StepId =
  | 'cleanupBefore'
  | 'write'
  | 'readBack'
  | 'coreNumbers'
  | 'names'
  | 'validation'
  | 'protection'
  | 'printLayout'
  | 'chart'
  | 'storedFiles'
  | 'customFunction'
  | 'cleanup';

export interface SelfTestReport {
  startedAt: string;
  addinVersion: string;
  info: HostInfo;
  steps: StepResult[];
}

export type { CellBlock };
