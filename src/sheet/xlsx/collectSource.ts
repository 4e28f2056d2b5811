import { clipped, MibError } from '../../core';
import type { CollectSource } from '../collect';
import { openXlsxCells } from './xlsxCells';
import type { WholeInflater } from './zipGuard';

/** A submitted file's bytes opened for the collector, or why not (not an .xlsx, damaged, past a limit): a
 * line in the report, never a stop. mib collect (in worker threads or not) and the pane's 收集报送表 both
 * read their files here (`inflateWhole`: Node's zlib on the command line, zipGuard.ts). */
export function collectSourceOf(bytes: Uint8Array, source: string, inflateWhole?: WholeInflater): CollectSource {
  try {
    return { source, cells: openXlsxCells(bytes, source, inflateWhole) };
  } catch (error) {
    if (error instanceof MibError) return { source, error: error.message.replace(`“${clipped(source)}”`, '文件') };
    // an error that is not ours (a library's, in English) is no use to a clerk: say what to do instead
    return { source, error: '读不了：文件可能已损坏，请让对方在 Excel 中重新保存后再发' };
  }
}
