import type { Problem } from '../../core';
import type { RosterTable } from '../../core/roster/types';
import { sniff } from '../../sheet/xlsx/fileKind';
import { readCsv } from './readCsv';
import { readXlsx } from './readXlsx';

/**
 * `mib roster --input`: a roster file by what it is, not by its name (a workbook saved as .csv, or a CSV
 * named .xlsx, is still read): an .xlsx workbook by readXlsx, anything else by readCsv, whose messages
 * say what a file is when it is neither. `problems` are the cells read that the roster cannot take (an
 * error value in a workbook); a file that cannot be read at all is a MibError.
 */
export async function readRoster(bytes: Uint8Array, source: string): Promise<RosterTable & { problems: Problem[] }> {
  if (sniff(bytes) === 'zip') return readXlsx(bytes, source);
  return { ...readCsv(bytes, source), problems: [] };
}
