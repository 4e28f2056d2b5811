// A worker thread of `mib collect` (readSources.ts): everything one submitted file needs before the roster
// is merged: reads it, opens it (xlsxCells.ts, no ExcelJS), finds and audits its assessment sheets
// (readSubmission, as the main thread does without workers), and sends back the result as plain data, or
// why the file could not be read. The tables and policies given on the command line come in workerData and
// are registered here as the main thread registered them.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { getRubric } from '../../core';
import { CarriedFiles, readSubmission } from '../../sheet/collect';
import { memoizedReplanner } from '../../sheet/matchPlan';
import { planSheet } from '../../sheet/plan';
import { checkFileText, registerChecked } from '../../sheet/storedFiles/check';
import type { FileToStore } from '../../sheet/storedFiles/contract';
import { collectSourceOf } from '../../sheet/xlsx/collectSource';
import { nativeInflate } from './nativeInflate';

for (const file of (workerData as { ownFiles?: FileToStore[] } | undefined)?.ownFiles ?? []) registerChecked(checkFileText(file.text, file.id));
const replan = memoizedReplanner((id, variant) => planSheet(getRubric(id), { ...variant, convert: true }));
const carried = new CarriedFiles();

parentPort!.on('message', ({ index, path }: { index: number; path: string }) => {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    parentPort!.postMessage({ index, read: readSubmission({ source: path, error: '读不到文件' }, replan, carried) });
    return;
  }
  const source = collectSourceOf(bytes, path, nativeInflate);
  parentPort!.postMessage({ index, read: readSubmission(source, replan, carried) });
});
