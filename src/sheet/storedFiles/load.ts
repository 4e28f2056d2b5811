import { type Problem, unregister } from '../../core';
import { type FileCheck, checkFileText, registerChecked } from './check';
import type { FileStorePort, StoredFile, StoredFileKind } from './contract';

/** A stored or offered file that was not registered, and why. */
export interface RejectedFile {
  kind: StoredFileKind | 'unknown';
  id?: string;
  problems: Problem[];
}

// The version (fingerprint as stored) of each registered file, by kind and id: the pane records a
// table's version in each sheet made from it, and the audit compares.
const versions = new Map<string, string>();
const key = (kind: StoredFileKind, id: string) => `${kind}:${id}`;

/** The version of a region's file now registered from the workbook; undefined for a bundled one. */
export function storedVersion(kind: StoredFileKind, id: string): string | undefined {
  return versions.get(key(kind, id));
}

function mismatch(file: StoredFile, check: FileCheck): Problem[] {
  if (check.errors.length > 0) return [];
  if (check.kind !== file.kind || check.id !== file.id) {
    const message = `MIB_FILES 中此行登记为 ${file.kind} “${file.id}”，文件内容却是 ${check.kind} “${check.id ?? ''}”`;
    return [{ field: 'id', message, messageEn: `the MIB_FILES row says ${file.kind} "${file.id}", the file is ${check.kind} "${check.id ?? ''}"` }];
  }
  return [];
}

/**
 * Reads every file stored in the workbook, checks each as `mib check` does and registers the good ones
 * (MIB.* and the pane then use them by id). A file that fails is not registered and is returned with
 * its problems, for the pane to show.
 */
export async function loadStoredFiles(store: FileStorePort): Promise<{ loaded: StoredFile[]; rejected: RejectedFile[] }> {
  const loaded: StoredFile[] = [];
  const rejected: RejectedFile[] = [];
  for (const file of await store.listFiles()) {
    const check = checkFileText(file.text, `MIB_FILES ${file.id}`);
    const problems = [...check.errors, ...mismatch(file, check)];
    if (problems.length === 0) problems.push(...registerChecked(check));
    if (problems.length > 0) {
      rejected.push({ kind: file.kind, id: file.id, problems });
      continue;
    }
    versions.set(key(file.kind, file.id), file.version);
    loaded.push(file);
  }
  return { loaded, rejected };
}

export type ImportOutcome =
  | { status: 'rejected'; check: FileCheck; problems: Problem[] }
  | { status: 'stored'; check: FileCheck; file: StoredFile; replaced: 'new' | 'same' | 'changed' };

/**
 * 导入: checks a file's text as `mib check` does; an accepted file is stored in the workbook and
 * registered. `replaced` says whether it was new, the same version again, or another version of a
 * stored file (sheets made from the old one are then flagged by the audit).
 */
export async function importFileText(store: FileStorePort, text: string, name: string): Promise<ImportOutcome> {
  const check = checkFileText(text, name);
  if (check.errors.length > 0 || check.kind === 'unknown' || check.id === undefined) return { status: 'rejected', check, problems: check.errors };
  const kind = check.kind;
  const id = check.id;
  const problems = registerChecked(check);
  if (problems.length > 0) return { status: 'rejected', check, problems };
  const before = await store.readFile(kind, id);
  let file: StoredFile;
  try {
    file = await store.saveFile(kind, id, text);
  } catch (error) {
    // not stored: not registered either, or a reload would lose what the pane shows
    if (before) registerChecked(checkFileText(before.text, name));
    else unregister(kind, id);
    throw error;
  }
  versions.set(key(kind, id), file.version);
  return { status: 'stored', check, file, replaced: !before ? 'new' : before.version === file.version ? 'same' : 'changed' };
}

/** Removes a stored file from the workbook and from the ids. */
export async function removeStoredFile(store: FileStorePort, kind: StoredFileKind, id: string): Promise<boolean> {
  const removed = await store.removeFile(kind, id);
  unregister(kind, id);
  versions.delete(key(kind, id));
  return removed;
}
