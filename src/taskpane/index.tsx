/// <reference types="office-js" />
// The task pane entry. It shares its page (taskpane.html) with the custom functions: one long-lived
// runtime, so the pane and the functions see the same state.
import { createRoot, type Root } from 'react-dom/client';
import { getRubric } from '../core';
import { ExcelWorkbook } from '../excel/workbook';
import { MemoryWorkbook } from '../sheet/memory/memoryWorkbook';
import { planSheet } from '../sheet/plan';
import { App } from './App';
import { localeOf } from './i18n';

function renderDemo(root: Root): void {
  // Outside Excel (a plain browser) the pane works on an in-memory workbook and says so.
  const book = new MemoryWorkbook();
  const locale = localeOf(undefined, window.location.search);
  root.render(<App port={book} locale={locale} demo={book} />);
}

function renderExcel(root: Root): void {
  const port = new ExcelWorkbook({ replan: (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true }) });
  const locale = localeOf(Office.context.displayLanguage, window.location.search);
  root.render(<App port={port} locale={locale} />);
}

const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  // Rendered at once on the in-memory workbook: outside Office, office.js finds no host and onReady
  // never resolves (the add-in does not ship office.js's Office 2013 fallback table, see
  // scripts/build/officeJs.ts). Inside Excel, onReady names the host and the pane switches to Excel.
  renderDemo(root);
  if (typeof Office !== 'undefined') {
    void Office.onReady((info) => {
      if (info.host === Office.HostType.Excel) renderExcel(root);
    });
  }
}
