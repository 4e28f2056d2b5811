/// <reference types="office-js" />
// The task pane entry. It shares its page (taskpane.html) with the custom functions: one long-lived
// runtime, so the pane and the functions see the same state (the core's registry is shared by both
// bundles, src/core/files/registry.ts).
import { createRoot, type Root } from 'react-dom/client';
import { getRubric } from '../core';
import { ExcelFileStore } from '../excel/storedFiles';
import { ExcelWorkbook } from '../excel/workbook';
import { MemoryFileStore } from '../sheet/memory/memoryFiles';
import { MemoryWorkbook } from '../sheet/memory/memoryWorkbook';
import { planSheet } from '../sheet/plan';
import type { FileStorePort } from '../sheet/storedFiles/contract';
import { loadStoredFiles, type RejectedFile } from '../sheet/storedFiles/load';
import { App } from './App';
import { localeOf } from './i18n';

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

/** set once Office names Excel as the host: the demo then no longer renders */
let inExcel = false;

async function renderDemo(root: Root): Promise<void> {
  // Outside Excel (a plain browser) the pane works on an in-memory workbook and says so.
  const book = new MemoryWorkbook();
  const files = demoFiles();
  const { rejected } = await loadFiles(files);
  if (inExcel) return;
  const locale = localeOf(undefined, window.location.search);
  root.render(<App port={book} files={files} rejected={rejected} locale={locale} demo={book} />);
}

async function renderExcel(root: Root): Promise<void> {
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
  const locale = localeOf(Office.context.displayLanguage, window.location.search);
  root.render(<App port={port} files={files} rejected={rejected} locale={locale} />);
}

const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  // Rendered at once on the in-memory workbook: outside Office, office.js finds no host and onReady
  // resolves with none (through the add-in's stand-in for office.js's Office 2013 table, see
  // scripts/build/officeJs.ts). Inside Excel, onReady names the host and the pane switches to Excel.
  void renderDemo(root);
  if (typeof Office !== 'undefined') {
    void Office.onReady((info) => {
      if (info.host === Office.HostType.Excel) {
        inExcel = true;
        void renderExcel(root);
      }
    });
  }
}
