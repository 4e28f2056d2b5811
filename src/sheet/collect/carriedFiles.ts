import { policyIds, rubricIds, unregister } from '../../core';
import { checkFileText, registerChecked } from '../storedFiles/check';
import { FILES_SHEET, readStoredFiles, type StoredFile, type StoredFileKind } from '../storedFiles/contract';
import type { WorkbookCells } from './cells';

/**
 * A region's own table and policy travel inside the sheets made from them (MIB_FILES, as `mib template`
 * and the pane store them). The collector takes them from the first file that carries them, checked as
 * `mib check` checks a file, and registers them for the run; a later file carrying the same id does not
 * replace it (the collector flags a sheet whose recorded version differs).
 */
export class CarriedFiles {
  /** version (fingerprint) of each file registered from a workbook, by kind:id */
  private readonly versions = new Map<string, string>();

  /** Registers what the workbook carries and is not known yet; returns a problem line per file that
   * cannot be used (damaged, or failing the checks). */
  take(cells: WorkbookCells): string[] {
    if (!cells.sheets.includes(FILES_SHEET) || !cells.rows) return [];
    return this.takeStored(readStoredFiles(cells.rows(FILES_SHEET)));
  }

  /** The same, of the files as read from the workbook's MIB_FILES sheet (by this thread or a worker). */
  takeStored({ files, damaged }: { files: readonly StoredFile[]; damaged: readonly string[] }): string[] {
    const problems = damaged.map((id) => `工作簿内附的文件（编号 ${id}）已被改动或截断（与其指纹不符），未使用`);
    for (const file of files) {
      const key = `${file.kind}:${file.id}`;
      // taken already from an earlier file: a sheet made from another version is said by the collector,
      // which compares the version the sheet records
      if (this.versions.has(key)) continue;
      // a bundled id, or one given on the command line, stays as it is
      if ((file.kind === 'rubric' ? rubricIds : policyIds).includes(file.id)) continue;
      const check = checkFileText(file.text, `MIB_FILES ${file.id}`);
      const errors = [...check.errors.map((e) => e.message), ...registerChecked(check).map((e) => e.message)];
      if (errors.length > 0) {
        problems.push(`工作簿内附的${WHAT[file.kind]}${nameOf(file.text, file.id)}未通过检查：${errors.slice(0, 3).join('；')}`);
        continue;
      }
      this.versions.set(key, file.version);
    }
    return problems;
  }

  /** The version of a table registered from a workbook (undefined for a bundled or given one). */
  versionOf(kind: StoredFileKind, id: string): string | undefined {
    return this.versions.get(`${kind}:${id}`);
  }

  /** Forgets what was registered: the registry is the process's. */
  release(): void {
    for (const key of this.versions.keys()) {
      const [kind, id] = key.split(/:(.*)/s) as [StoredFileKind, string];
      unregister(kind, id);
    }
    this.versions.clear();
  }
}

const WHAT: Record<StoredFileKind, string> = { rubric: '考核表', policy: '政策' };

/** A file by its title where its text still gives one (“某地 2026 考核表”), else by its id. */
function nameOf(text: string, id: string): string {
  try {
    const title = (JSON.parse(text) as { title?: unknown }).title;
    if (typeof title === 'string' && title.trim() !== '') return `“${title.trim()}”`;
  } catch {
    // not JSON: the id is all there is
  }
  return `（编号 ${id}）`;
}
