// The messages between the pane and a worker of src/taskpane/work: the pane posts one request; the worker
// answers with progress, the large arrays of its answer in slices (so no single message takes the pane
// long to receive), and the rest of its answer last, or the error's message.

/** What a long job is doing: reading the roster sheet, reading files (收集), scoring rows, planning or
 * writing sheets; `done` of `total` where it counts (files, rows). */
export interface Progress {
  stage: 'read' | 'files' | 'score' | 'plan' | 'write';
  done: number;
  total: number;
}

export type FromWorker =
  | ({ kind: 'progress' } & Progress)
  | { kind: 'part'; key: string; items: unknown[] }
  | { kind: 'done'; value: unknown }
  | { kind: 'error'; message: string };
