/// <reference types="office-js" />
// The task pane entry. It shares its page (taskpane.html) with the custom functions: one long-lived
// runtime, so the pane and the functions see the same state.
import { createRoot } from 'react-dom/client';
import { App } from './App';

const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  // Rendered at once, not after Office.onReady: outside Office (a browser preview) office.js finds no host
  // and onReady does not resolve, because the add-in does not ship office.js's Office 2013 fallback table
  // (see scripts/build/officeJs.ts). Inside Excel, onReady names the host.
  root.render(<App host={null} />);
  if (typeof Office !== 'undefined') void Office.onReady((info) => root.render(<App host={info.host ? String(info.host) : null} />));
}
