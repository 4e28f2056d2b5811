// The worker's side of protocol.ts: runs the job the pane posted and answers it.
import type { FromWorker, Progress } from './protocol';
import { toWire } from './wire';

/** How many items of a large array travel in one message. */
const SLICE = 200;
/** Progress is posted at most this often (ms), and at the end of each stage. */
const EVERY = 50;

export interface Answer {
  progress(stage: Progress['stage'], done: number, total: number): void;
  /** sends `items` in slices under `key`; the pane gathers them in order */
  parts(key: string, items: readonly unknown[]): void;
}

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** Answers each request posted to this worker with `job`'s result. */
export function serve<R>(job: (request: R, answer: Answer) => unknown): void {
  const scope = self as unknown as WorkerScope;
  let last = 0;
  const answer: Answer = {
    progress(stage, done, total) {
      const now = Date.now();
      if (done < total && now - last < EVERY) return;
      last = now;
      scope.postMessage({ kind: 'progress', stage, done, total });
    },
    parts(key, items) {
      for (let at = 0; at < items.length; at += SLICE)
        scope.postMessage({ kind: 'part', key, items: toWire(items.slice(at, at + SLICE)) as unknown[] });
    },
  };
  scope.onmessage = (event) => {
    void (async () => {
      try {
        const value = await job(event.data as R, answer);
        scope.postMessage({ kind: 'done', value: toWire(value) });
      } catch (error) {
        scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  };
}
