// Collecting the sheets institutions send back (issue 14): pure, over a read-only view of a workbook's
// cells, so the command line (ExcelJS) and the pane (a file chosen in the browser) read them alike.
export type { WorkbookCells } from './cells';
export {
  AUDIT_KINDS,
  type Collected,
  type CollectOptions,
  type CollectLine,
  type CollectSource,
  type CollectStatus,
  COLLECT_COLUMNS,
  collectSubmissions,
  type Collector,
  collector,
  KIND_LABELS,
  STATUS_LABELS,
} from './collect';
export { readSubmittedSheets, type RefusedSheet, type SubmittedSheet } from './submittedSheet';
export { selfTotalOf } from './selfTotal';
