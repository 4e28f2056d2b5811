// A worker thread of `mib collect` (readSources.ts): reads each file it is sent, opens it with ExcelJS
// and sends back its cells as plain data, or why it could not. What it does per file is exactly what
// the main thread does without workers (collectSnapshotOf beside collectSourceOf).
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { collectSnapshotOf } from '../../sheet/xlsx/collectSource';

parentPort!.on('message', async ({ index, path }: { index: number; path: string }) => {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    parentPort!.postMessage({ index, source: path, error: '读不到文件' });
    return;
  }
  parentPort!.postMessage({ index, ...(await collectSnapshotOf(bytes, path)) });
});
