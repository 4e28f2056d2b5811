// Collecting the sheets institutions send back (issue 14): pure, over a read-only view of a workbook's
// cells, so the command line (ExcelJS) and the pane (a file chosen in the browser) read them alike.
export type { WorkbookCells } from './cells';
export {
  AUDIT_KINDS,
  type Collected,
  type CollectOptions,
  type CollectLine,
  type CollectStatus,
  collectSubmissions,
  type Collector,
  collector,
  KIND_LABELS,
  STATUS_LABELS,
  tableName,
} from './collect';
export type { AgencyList } from './agencyList';
export { CarriedFiles } from './carriedFiles';
export { type CollectedSheet, type CollectSource, readSubmission, type ReadSubmission } from './readSubmission';
export { COLLECT_COLUMNS } from './rosterRows';
export { readSubmittedSheets, type RefusedSheet, type SubmittedSheet } from './submittedSheet';
export { selfTotalOf } from './selfTotal';
