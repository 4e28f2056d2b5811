// The pane's side of protocol.ts: one worker per job, ended when the job is.
import type { FromWorker, Progress } from './protocol';
import { fromWire } from './wire';

export type { Progress } from './protocol';

/** A job's answer: its value, and the arrays it sent in slices, by key. */
export interface Answered<T> {
  value: T;
  parts: Map<string, unknown[]>;
}

/** True where the page can start a worker (every browser Office runs the pane in); elsewhere the jobs run
 * in the page itself. */
export function workersAvailable(): boolean {
  return typeof Worker !== 'undefined';
}

/** Posts `request` to the worker `start` makes, reports its progress, and gives its answer. */
export function inWorker<T>(
  start: () => Worker,
  request: unknown,
  onProgress?: (progress: Progress) => void,
  transfer: Transferable[] = [],
): Promise<Answered<T>> {
  return new Promise((resolve, reject) => {
    const worker = start();
    const parts = new Map<string, unknown[]>();
    const end = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      switch (message.kind) {
        case 'progress':
          onProgress?.({ stage: message.stage, done: message.done, total: message.total });
          break;
        case 'part': {
          const list = parts.get(message.key) ?? [];
          for (const item of fromWire<unknown[]>(message.items)) list.push(item);
          parts.set(message.key, list);
          break;
        }
        case 'done':
          end();
          // in a task of its own: what the caller does next (writing the sheets) is not added to this one
          setTimeout(() => resolve({ value: fromWire<T>(message.value), parts }), 0);
          break;
        case 'error':
          end();
          reject(new Error(message.message));
          break;
      }
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || '后台计算未能启动 (the worker did not start)'));
    };
    worker.postMessage(request, transfer);
  });
}
