/// <reference types="office-js" />
// What the pane works on, made in the chunk loaded with its views (not in taskpane.js, so the pane's
// frame and tab list show before the rubric core has come): the workbook port — Excel, or the in-memory
// workbook outside Office — and the region's own files stored in it, read, checked and registered.
import { getRubric } from '../core';
import { ExcelFileStore } from '../excel/storedFiles';
import { ExcelWorkbook } from '../excel/workbook';
import { MemoryFileStore } from '../sheet/memory/memoryFiles';
import { MemoryWorkbook } from '../sheet/memory/memoryWorkbook';
import type { WorkbookPort } from '../sheet/port';
import { planSheet } from '../sheet/plan';
import type { FileStorePort } from '../sheet/storedFiles/contract';
import { loadStoredFiles, type RejectedFile } from '../sheet/storedFiles/load';

export interface Session {
  port: WorkbookPort;
  files: FileStorePort;
  /** the stored files that failed their checks when the pane started */
  rejected: RejectedFile[];
  /** the in-memory workbook, outside Excel */
  demo?: MemoryWorkbook;
}

/** Where the demo keeps its MIB_FILES rows: a reload of the tab finds the imported files again. */
const DEMO_FILES_KEY = 'mib.demo.MIB_FILES';

function demoFiles(): MemoryFileStore {
  let rows: unknown[][] = [];
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(DEMO_FILES_KEY) ?? '[]');
    if (Array.isArray(saved)) rows = saved.filter((row): row is unknown[] => Array.isArray(row));
  } catch {
    rows = []; // storage blocked or unreadable: start empty
  }
  return new MemoryFileStore(rows, (next) => {
    try {
      sessionStorage.setItem(DEMO_FILES_KEY, JSON.stringify(next));
    } catch {
      // storage full or blocked: the files stay for this page only
    }
  });
}

/** Reads, checks and registers the files stored in the workbook; a failure to read is one rejection. */
async function loadFiles(files: FileStorePort): Promise<{ loaded: number; rejected: RejectedFile[] }> {
  try {
    const { loaded, rejected } = await loadStoredFiles(files);
    return { loaded: loaded.length, rejected };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      loaded: 0,
      rejected: [
        {
          kind: 'unknown',
          id: 'MIB_FILES',
          problems: [{ field: 'MIB_FILES', message: `读取失败：${message}`, messageEn: `cannot be read: ${message}` }],
        },
      ],
    };
  }
}

/** Outside Excel (a plain browser) the pane works on an in-memory workbook and says so. */
export async function demoSession(): Promise<Session> {
  const book = new MemoryWorkbook();
  const files = demoFiles();
  const { rejected } = await loadFiles(files);
  return { port: book, files, rejected, demo: book };
}

/** In Excel: the workbook through Office.js, its stored files registered before the pane lists tables. */
export async function excelSession(): Promise<Session> {
  const files = new ExcelFileStore();
  // before the pane lists tables, and for the custom functions: registering makes MIB.* see them
  const { loaded, rejected } = await loadFiles(files);
  if (loaded > 0) {
    // functions computed before the files were registered showed "unknown id": compute them again
    await Excel.run(async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    }).catch((error: unknown) => console.error(error));
  }
  const port = new ExcelWorkbook({ replan: (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true }) });
  return { port, files, rejected };
}
