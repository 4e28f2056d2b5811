import type { Problem } from '../../core';
import { namesInstitutions } from '../../core/roster/institutions';
import type { RosterRows, RosterTable } from '../../core/roster/types';
import { sniff } from '../../sheet/xlsx/fileKind';
import { readCsv, readCsvRows } from './readCsv';
import { readXlsx, readXlsxRows, type RowsWanted } from './readXlsx';

/** A roster file read: its rows, a row at a time, the cells the roster cannot take, and a way to let go of
 * a row once it is scored. */
export type ReadRoster = RosterRows & { problems: Problem[]; release(index: number): void };

/**
 * `mib roster --input`: a roster file by what it is, not by its name (a workbook saved as .csv, or a CSV
 * named .xlsx, is still read): an .xlsx workbook by readXlsxRows, anything else by readCsvRows, whose messages
 * say what a file is when it is neither. `problems` are the cells read that the roster cannot take (an
 * error value in a workbook); a file that cannot be read at all is a MibError. Either is read a row at a time
 * and lets go of a row once it is scored. `onRead` is told how far a workbook's sheet is read (a CSV is
 * read in a moment); under a header `wanted` refuses, a workbook is read no further than the first row
 * below it (`unread`).
 */
export async function readRoster(bytes: Uint8Array, source: string, options: RowsWanted = {}): Promise<ReadRoster> {
  if (sniff(bytes) === 'zip') return readXlsxRows(bytes, source, options);
  return { ...readCsvRows(bytes, source), problems: [] };
}

/** A roster file read whole (the agency's list `mib collect --roster` reads), by what it is: a workbook's
 * rows only under a header that names 机构编码 and 机构名称, without which none can be read. */
export async function readRosterTable(bytes: Uint8Array, source: string): Promise<RosterTable> {
  return sniff(bytes) === 'zip' ? readXlsx(bytes, source, namesInstitutions) : readCsv(bytes, source);
}
