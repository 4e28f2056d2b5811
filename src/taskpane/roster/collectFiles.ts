// Loaded on demand by 收集报送表 (it brings ExcelJS): reads the chosen files in the page, nothing uploaded.
import { getRubric } from '../../core';
import { type Collected, collectSubmissions } from '../../sheet/collect';
import { memoizedReplanner } from '../../sheet/matchPlan';
import { planSheet } from '../../sheet/plan';
import { collectSourceOf } from '../../sheet/xlsx/collectSource';

/** The submitted sheets in `files`, gathered as mib collect gathers them, for the table the roster is of
 * (a sheet of another table is refused with its line). */
export async function collectFiles(files: readonly File[], rubricId: string): Promise<Collected> {
  const replan = memoizedReplanner((id, variant) => planSheet(getRubric(id), { ...variant, convert: true }));
  const sources = [];
  for (const file of files) sources.push(await collectSourceOf(new Uint8Array(await file.arrayBuffer()), file.name));
  return collectSubmissions(sources, replan, { rubricId });
}
