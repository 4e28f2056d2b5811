import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CollectSource, ReadSubmission } from '../../sheet/collect';
import type { FileToStore } from '../../sheet/storedFiles/contract';
import { collectSourceOf } from '../../sheet/xlsx/collectSource';
import { nativeInflate } from './nativeInflate';

/** Below this many files the workers' own start-up (each loads the collector and lays out the table) costs
 * more than they save. */
const FEWEST_FOR_WORKERS = 8;
/** Files sent ahead of the collector per worker: enough to keep them busy, few enough to bound memory
 * (a file is sent only while fewer than workers × this are read and not yet taken by the collector). */
const AHEAD_PER_WORKER = 2;

/** How many worker threads read the files: MIB_COLLECT_WORKERS where set (0: none, for comparing),
 * else one per processor, at most 4, and none for a handful of files. */
export function workerCount(files: number): number {
  const set = process.env.MIB_COLLECT_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), files);
  return files < FEWEST_FOR_WORKERS ? 0 : Math.min(availableParallelism(), 4);
}

/** One file for the collector: read and audited by a worker (`read`, to merge), or opened here (`source`,
 * to read and audit here). */
export type Submitted = { path: string } & ({ read: ReadSubmission } | { source: CollectSource });

/** The worker's file: compiled beside the bundle's chunks, or the source file through tsx (tests, tsx),
 * registered in the worker itself (`--import tsx` in a worker's execArgv is not applied by Node 20: the
 * worker failed, and every file was read on the main thread). */
function startWorker(ownFiles: readonly FileToStore[]): Worker {
  const options = { workerData: { ownFiles } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./collectWorker.js', import.meta.url), options);
  const file = new URL('./collectWorker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * The files for the collector, in the order they were given, whatever order the workers finish them in.
 * With `workers` 0, each is opened on this thread by `readOne` (the Io's own reader); with workers, each
 * worker reads, opens and audits its files (all the per-file work), and this thread only merges. At most
 * workers × AHEAD_PER_WORKER files are out at a time, counting those done and not yet taken, so a slow
 * collector never lets results pile up. A worker that cannot start, or dies, leaves its files to this
 * thread: the result is the same either way.
 */
export async function* readSources(
  paths: readonly string[],
  workers: number,
  readOne: (path: string) => Promise<CollectSource>,
  ownFiles: readonly FileToStore[] = [],
): AsyncGenerator<Submitted> {
  if (workers === 0) {
    for (const path of paths) yield { path, source: await readOne(path) };
    return;
  }
  const done = new Map<number, Submitted>();
  const waiting = new Map<number, (item: Submitted) => void>();
  let next = 0;
  // files taken by the collector so far
  let taken = 0;
  const window = workers * AHEAD_PER_WORKER;
  const settle = (index: number, item: Submitted) => {
    const resolve = waiting.get(index);
    if (resolve) {
      waiting.delete(index);
      resolve(item);
    } else done.set(index, item);
  };
  const readHereInstead = (index: number) => void readOne(paths[index]!).then((source) => settle(index, { path: paths[index]!, source }));
  const pool: { worker: Worker; mine: Set<number>; alive: boolean }[] = [];
  const pump = () => {
    for (const slot of pool) {
      while (slot.alive && slot.mine.size < AHEAD_PER_WORKER && next < paths.length && next - taken < window) {
        const index = next++;
        slot.mine.add(index);
        slot.worker.postMessage({ index, path: paths[index] });
      }
    }
    // no worker left: every file not yet sent is read here, as the collector asks for it
    if (pool.every((slot) => !slot.alive)) while (next < paths.length && next - taken < window) readHereInstead(next++);
  };
  try {
    for (let w = 0; w < workers; w++) {
      const slot = { worker: startWorker(ownFiles), mine: new Set<number>(), alive: true };
      pool.push(slot);
      slot.worker.on('message', ({ index, read }: { index: number; read: ReadSubmission }) => {
        slot.mine.delete(index);
        settle(index, { path: paths[index]!, read });
        pump();
      });
      // a worker lost (it could not start, or died): its files are read here
      slot.worker.on('error', () => {
        slot.alive = false;
        for (const index of slot.mine) readHereInstead(index);
        slot.mine.clear();
        pump();
      });
    }
    pump();
    for (let index = 0; index < paths.length; index++) {
      const ready = done.get(index);
      const item = ready ?? (await new Promise<Submitted>((resolve) => waiting.set(index, resolve)));
      done.delete(index);
      taken = index + 1;
      pump();
      yield item;
    }
  } finally {
    await Promise.all(pool.map((slot) => slot.worker.terminate()));
  }
}

/** One file opened on this thread through the Io (no worker). */
export async function readHere(readBytes: (path: string) => Uint8Array, path: string): Promise<CollectSource> {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch {
    return { source: path, error: '读不到文件' };
  }
  return collectSourceOf(bytes, path, nativeInflate);
}
