import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CollectSource } from '../../sheet/collect';
import { collectSourceOf } from '../../sheet/xlsx/collectSource';
import { type CellsSnapshot, snapshotCells } from '../../sheet/xlsx/workbookCells';

/** Below this many files the workers' own start-up (each loads ExcelJS) costs more than they save. */
const FEWEST_FOR_WORKERS = 8;
/** Files read ahead of the collector per worker: enough to keep them busy, few enough to bound memory. */
const AHEAD_PER_WORKER = 2;

/** How many worker threads read the files: MIB_COLLECT_WORKERS where set (0: none, for comparing),
 * else one per processor, at most 4, and none for a handful of files. */
export function workerCount(files: number): number {
  const set = process.env.MIB_COLLECT_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), files);
  return files < FEWEST_FOR_WORKERS ? 0 : Math.min(availableParallelism(), 4);
}

type Reply = { index: number; source: string } & ({ snapshot: CellsSnapshot } | { error: string });

/** The worker's file: compiled beside the bundle's chunks, or the source file through tsx (tests, tsx). */
function startWorker(): Worker {
  const source = import.meta.url.endsWith('.ts');
  const file = new URL(source ? './collectWorker.ts' : './collectWorker.js', import.meta.url);
  return new Worker(file, source ? { execArgv: ['--import', 'tsx'] } : {});
}

/**
 * The files opened for the collector, in the order they were given, whatever order the workers finish
 * them in. With `workers` 0, each is read on this thread by `readOne` (the Io's own reader); with
 * workers, each worker reads from the disk and opens the file, and this thread only collects. A worker
 * that cannot start, or dies, leaves its files to this thread: the result is the same either way.
 */
export async function* readSources(
  paths: readonly string[],
  workers: number,
  readOne: (path: string) => Promise<CollectSource>,
): AsyncGenerator<CollectSource> {
  if (workers === 0) {
    for (const path of paths) yield await readOne(path);
    return;
  }
  const done = new Map<number, CollectSource>();
  const waiting = new Map<number, (source: CollectSource) => void>();
  let next = 0;
  const pool: Worker[] = [];
  const settle = (index: number, source: CollectSource) => {
    const resolve = waiting.get(index);
    if (resolve) {
      waiting.delete(index);
      resolve(source);
    } else done.set(index, source);
  };
  let alive = workers;
  const readHereInstead = (index: number) => void readOne(paths[index]!).then((source) => settle(index, source));
  try {
    for (let w = 0; w < workers; w++) {
      const worker = startWorker();
      // the files sent to this worker and not yet back
      const mine = new Set<number>();
      pool.push(worker);
      const give = () => {
        if (next >= paths.length) return;
        const index = next++;
        mine.add(index);
        worker.postMessage({ index, path: paths[index] });
      };
      worker.on('message', (reply: Reply) => {
        mine.delete(reply.index);
        settle(
          reply.index,
          'snapshot' in reply ? { source: reply.source, cells: snapshotCells(reply.snapshot) } : { source: reply.source, error: reply.error },
        );
        give();
      });
      // a worker lost (it could not start, or died): its files are read here, and when none is left,
      // every file not yet sent too
      worker.on('error', () => {
        for (const index of mine) readHereInstead(index);
        mine.clear();
        alive -= 1;
        if (alive === 0) while (next < paths.length) readHereInstead(next++);
      });
      for (let k = 0; k < AHEAD_PER_WORKER; k++) give();
    }
    for (let index = 0; index < paths.length; index++) {
      const ready = done.get(index);
      if (ready) {
        done.delete(index);
        yield ready;
      } else {
        yield await new Promise<CollectSource>((resolve) => waiting.set(index, resolve));
      }
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/** One file read on this thread through the Io (no worker). */
export async function readHere(readBytes: (path: string) => Uint8Array, path: string): Promise<CollectSource> {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch {
    return { source: path, error: '读不到文件' };
  }
  return collectSourceOf(bytes, path);
}
