// 收集报送表's reading (xlsxCells.ts, with its own XML scanner; no ExcelJS): the chosen files read in the pane's collect worker
// (src/taskpane/work), nothing uploaded.
import { getRubric, registerRubric, type Rubric } from '../../core';
import { type Collected, collectSubmissions } from '../../sheet/collect';
import { memoizedReplanner } from '../../sheet/matchPlan';
import { planSheet } from '../../sheet/plan';
import { collectSourceOf } from '../../sheet/xlsx/collectSource';

/** The files chosen, as bytes, the table the roster is of, and the region's own tables the pane has
 * registered (a worker has a registry of its own). */
export interface CollectRequest {
  files: { name: string; bytes: ArrayBuffer }[];
  rubricId: string;
  registered: Rubric[];
}

/** The submitted sheets in the files, gathered as mib collect gathers them, for the table the roster is
 * of (a sheet of another table is refused with its line); `onFile` reports each file read. */
export async function collectFiles(request: CollectRequest, onFile?: (done: number, total: number) => void): Promise<Collected> {
  for (const rubric of request.registered) registerRubric(rubric); // the same object again, in the page
  const replan = memoizedReplanner((id, variant) => planSheet(getRubric(id), { ...variant, convert: true }));
  const sources = [];
  for (const [i, file] of request.files.entries()) {
    sources.push(await collectSourceOf(new Uint8Array(file.bytes), file.name));
    onFile?.(i + 1, request.files.length);
  }
  return collectSubmissions(sources, replan, { rubricId: request.rubricId });
}
