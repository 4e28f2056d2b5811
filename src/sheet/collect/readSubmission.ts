import { bundledPolicyIds, bundledRubricIds, policyIds, rubricIds } from '../../core';
import type { AuditFlag } from '../audit';
import type { Replanner } from '../matchPlan';
import { FILES_SHEET, readStoredFiles, type StoredFile } from '../storedFiles/contract';
import type { WorkbookCells } from './cells';
import type { CarriedFiles } from './carriedFiles';
import { readSubmittedSheets, type RefusedSheet, type SubmittedSheet } from './submittedSheet';

/** One file given to collect: its cells, or why it could not be opened (not an .xlsx, damaged). */
export interface CollectSource {
  source: string;
  cells?: WorkbookCells;
  error?: string;
}

/** An assessment sheet of a submitted file, read and audited, as plain data (it crosses from a worker
 * thread): what the roster row and the report line need, nothing of the workbook. */
export interface CollectedSheet extends Pick<
  SubmittedSheet,
  | 'sheetName'
  | 'rubricId'
  | 'policyId'
  | 'code'
  | 'name'
  | 'ownership'
  | 'deposit'
  | 'circumstances'
  | 'level'
  | 'parentCode'
  | 'facts'
  | 'selfMissing'
> {
  /** the self-assessed total as a decimal's text, where every regular item has a self-score */
  selfTotal?: string;
  /** the audit's flags and computed total */
  flags: AuditFlag[];
  total: string;
  /** 考核表版本 as the sheet records it ("" when none) */
  recordedVersion: string;
}

/**
 * One file read and audited, all the per-file work of collecting, so that it can be done in a worker
 * thread; the collector only merges it. `resolved` says which version of each region's own table and
 * policy the sheets were read with ("bundled", "given" on the command line, a carried file's version, null
 * when unknown): a file read by a worker that had registered other versions than the collector has is
 * read again by the collector, so the result never depends on which thread read what.
 */
export interface ReadSubmission {
  source: string;
  /** why it could not be opened */
  error?: string;
  /** the region's own tables and policies the workbook carries (MIB_FILES), as stored */
  carried: { files: StoredFile[]; damaged: string[] };
  /** what the reader's CarriedFiles said of them */
  carriedProblems: string[];
  /** no sheet with our mark */
  notOurs: boolean;
  refused: RefusedSheet[];
  sheets: CollectedSheet[];
  resolved: Record<string, string | null>;
}

const NOTHING_CARRIED = { files: [], damaged: [] };

/** Which version of a table or policy this thread would read a sheet with (see ReadSubmission). */
export function resolvedVersion(carried: CarriedFiles, kind: 'rubric' | 'policy', id: string): string | null {
  if ((kind === 'rubric' ? bundledRubricIds : bundledPolicyIds).includes(id)) return 'bundled';
  const version = carried.versionOf(kind, id);
  if (version !== undefined) return version;
  return (kind === 'rubric' ? rubricIds : policyIds).includes(id) ? 'given' : null;
}

/** The ids a file's sheets were read with, each with its resolved version. */
export function resolvedOf(carried: CarriedFiles, read: Pick<ReadSubmission, 'refused' | 'sheets'>): Record<string, string | null> {
  const resolved: Record<string, string | null> = {};
  for (const sheet of read.sheets) {
    resolved[`rubric:${sheet.rubricId}`] = resolvedVersion(carried, 'rubric', sheet.rubricId);
    if (sheet.policyId !== undefined) resolved[`policy:${sheet.policyId}`] = resolvedVersion(carried, 'policy', sheet.policyId);
  }
  for (const refused of read.refused)
    if (refused.rubricId !== undefined) resolved[`rubric:${refused.rubricId}`] = resolvedVersion(carried, 'rubric', refused.rubricId);
  return resolved;
}

/** Reads and audits one file with `carried` (registering what it carries first, as the collector would). */
export function readSubmission({ source, cells, error }: CollectSource, replan: Replanner, carried: CarriedFiles): ReadSubmission {
  const nothing = { source, carried: NOTHING_CARRIED, carriedProblems: [], notOurs: false, refused: [], sheets: [], resolved: {} };
  if (!cells) return { ...nothing, error: error ?? '读不了' };
  const stored = cells.sheets.includes(FILES_SHEET) && cells.rows ? readStoredFiles(cells.rows(FILES_SHEET)) : NOTHING_CARRIED;
  const carriedProblems = carried.takeStored(stored);
  const found = readSubmittedSheets(cells, replan);
  const sheets = found.sheets.map((sheet): CollectedSheet => ({
    sheetName: sheet.sheetName,
    rubricId: sheet.rubricId,
    ...(sheet.policyId !== undefined && { policyId: sheet.policyId }),
    code: sheet.code,
    name: sheet.name,
    ownership: sheet.ownership,
    deposit: sheet.deposit,
    ...(sheet.circumstances !== undefined && { circumstances: sheet.circumstances }),
    ...(sheet.level !== undefined && { level: sheet.level }),
    ...(sheet.parentCode !== undefined && { parentCode: sheet.parentCode }),
    facts: sheet.facts,
    ...(sheet.selfTotal && { selfTotal: sheet.selfTotal.toString() }),
    selfMissing: sheet.selfMissing,
    flags: sheet.audit.flags,
    total: sheet.audit.summary.total,
    recordedVersion: sheet.snapshot.rubricVersion === undefined ? '' : String(sheet.snapshot.rubricVersion).trim(),
  }));
  const read = {
    ...nothing,
    carried: stored,
    carriedProblems,
    notOurs: sheets.length === 0 && found.refused.length === 0,
    refused: found.refused,
    sheets,
  };
  return { ...read, resolved: resolvedOf(carried, read) };
}
