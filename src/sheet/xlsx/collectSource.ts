import { clipped, MibError } from '../../core';
import type { CollectSource } from '../collect';
import { loadWorkbook } from './loadWorkbook';
import { type CellsSnapshot, exceljsCells, snapshotOf } from './workbookCells';

/** A submitted file's bytes opened for the collector, or why not (not an .xlsx, damaged): a line in the
 * report, never a stop. mib collect and the pane's 收集报送表 both read their files here. */
export function collectSourceOf(bytes: Uint8Array, source: string): Promise<CollectSource> {
  return opened(bytes, source, (workbook) => ({ source, cells: exceljsCells(workbook) }));
}

/** The same, as plain data a worker thread can hand back (mib collect reads many files in workers). */
export function collectSnapshotOf(
  bytes: Uint8Array,
  source: string,
): Promise<{ source: string; snapshot: CellsSnapshot } | { source: string; error: string }> {
  return opened(bytes, source, (workbook) => ({ source, snapshot: snapshotOf(workbook) }));
}

async function opened<T>(
  bytes: Uint8Array,
  source: string,
  take: (workbook: Awaited<ReturnType<typeof loadWorkbook>>) => T,
): Promise<T | { source: string; error: string }> {
  try {
    return take(await loadWorkbook(bytes, source));
  } catch (error) {
    if (error instanceof MibError) return { source, error: error.message.replace(`“${clipped(source)}”`, '文件') };
    // an error that is not ours (a library's, in English) is no use to a clerk: say what to do instead
    return { source, error: '读不了：文件可能已损坏，请让对方在 Excel 中重新保存后再发' };
  }
}
