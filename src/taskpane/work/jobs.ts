// The pane's long jobs, each in a worker of its own (a file of the add-in's own origin), so the pane
// answers while they run: 计算 (scoring and planning the roster) and 收集报送表 (reading the submitted
// workbooks). Where the page cannot start a worker, the job runs in the page instead.
import type { RosterRowResult } from '../../core/roster/types';
import type { Collected } from '../../sheet/collect';
import type { PlainValue } from '../../sheet/types';
import type { CollectRequest } from '../roster/collectFiles';
import type { ScoreRequest, Scored } from '../roster/scoreJob';
import { inWorker, type Progress, workersAvailable } from './client';

export type { Progress } from './client';

/** 计算's scoring and planning, with progress. */
export async function runScore(request: ScoreRequest, onProgress?: (progress: Progress) => void): Promise<Scored> {
  if (!workersAvailable()) {
    const { scoreJob } = await import(/* webpackChunkName: "scorejob" */ '../roster/scoreJob');
    return scoreJob(request, (done, total) => onProgress?.({ stage: 'score', done, total }));
  }
  const { value, parts } = await inWorker<Scored>(
    () => new Worker(/* webpackChunkName: "score.worker" */ new URL('./score.worker.ts', import.meta.url)),
    request,
    onProgress,
  );
  value.result.institutions = (parts.get('institutions') ?? []) as RosterRowResult[];
  value.sheets.forEach((sheet, i) => {
    if (sheet.body) sheet.body.rows = (parts.get(`body${i}`) ?? []) as (PlainValue | null)[][];
  });
  return value;
}

/** 收集报送表's reading and gathering of the chosen files, with progress (one step a file). */
export async function runCollect(request: CollectRequest, onProgress?: (progress: Progress) => void): Promise<Collected> {
  if (!workersAvailable()) {
    const { collectFiles } = await import(/* webpackChunkName: "collect" */ '../roster/collectFiles');
    return collectFiles(request, (done, total) => onProgress?.({ stage: 'files', done, total }));
  }
  const { value } = await inWorker<Collected>(
    () => new Worker(/* webpackChunkName: "collect.worker" */ new URL('./collect.worker.ts', import.meta.url)),
    request,
    onProgress,
    request.files.map((file) => file.bytes),
  );
  return value;
}
