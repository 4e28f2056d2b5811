/// <reference types="office-js" />
// The task pane entry. It shares its page (taskpane.html) with the custom functions: one long-lived
// runtime, so the pane and the functions see the same state (the core's registry is shared by both
// bundles, src/core/files/registry.ts). taskpane.js holds the pane's frame (header, tab list); the views, the
// rubric core and the workbook port come in the chunk "views", fetched at once (issue 21: the first
// download stays small and the tab list shows before the core has come).
import { createDOMRenderer, RendererProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { localeOf } from './i18n';

const views = () => import(/* webpackChunkName: "views" */ './session');
/** The views' chunk, fetched once the frame is on screen (its parsing does not hold up the tab list), or
 * after 200 ms where no frame is drawn (a pane loaded hidden draws none). */
function afterPaint<T>(start: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => {
    let started = false;
    const go = () => {
      if (started) return;
      started = true;
      resolve(start());
    };
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 200);
  });
}

// The production page holds the frame prerendered at build time (scripts/build/prerenderFrame.tsx), and
// its CSS in <head>: the renderer takes those rules as already inserted (Griffel's rehydration) and adds
// only the ones the page lacks. React replaces the prerendered markup with its own.
const renderer = createDOMRenderer(document);
const styled = (app: ReactNode) => (
  <RendererProvider renderer={renderer} targetDocument={document}>
    {app}
  </RendererProvider>
);

const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  // Rendered at once on the in-memory workbook: outside Office, office.js finds no host and onReady
  // resolves with none (through the add-in's stand-in for office.js's Office 2013 table, see
  // scripts/build/officeJs.ts). Inside Excel, onReady names the host and the pane switches to Excel.
  // the frame and its tab list at once (flushSync: in this task, not a later one)
  flushSync(() =>
    root.render(styled(<App session={afterPaint(views).then((s) => s.demoSession())} locale={localeOf(undefined, window.location.search)} demo />)),
  );
  // taskpane.js runs after the first paint, maybe after office.js has initialised: onReady then resolves at
  // once (learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in)
  if (typeof Office !== 'undefined') {
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) return;
      const locale = localeOf(Office.context.displayLanguage, window.location.search);
      root.render(styled(<App key="excel" session={views().then((s) => s.excelSession())} locale={locale} />));
    });
  }
}
