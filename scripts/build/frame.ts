// taskpane.html with the pane's frame prerendered in it (scripts/build/prerenderFrame.tsx renders it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PrerenderedFrame {
  /** <style> elements for <head>, one per Griffel bucket (data-make-styles-bucket) */
  head: string;
  /** the markup inside <div id="root"> */
  body: string;
}

const ROOT_DIV = /<div id="root">[^<]*<\/div>/;

/** taskpane.html's template with the prerendered frame in #root and its styles at the end of <head>. */
export function withFrame(template: string, frame: PrerenderedFrame): string {
  if (!ROOT_DIV.test(template) || !template.includes('</head>'))
    throw new Error('taskpane.html: no <div id="root"> or </head> for the prerendered frame');
  return template.replace('</head>', () => `${frame.head}</head>`).replace(ROOT_DIV, () => `<div id="root">${frame.body}</div>`);
}

/** The frame, rendered in a child process (NODE_ENV=production, so React's production server build). */
export function frameHtml(): PrerenderedFrame {
  const self = fileURLToPath(new URL('./prerenderFrame.tsx', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', self], {
    cwd: path.resolve(path.dirname(self), '..', '..'),
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`prerendering the pane's frame failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as PrerenderedFrame;
}
