// The setting-up every pane browser test file shares: the add-in built into a fresh directory, served on
// 127.0.0.1, Chromium launched; all three undone after the file's tests. (paneHarness stays free of
// vitest: the bench uses it too.)
import { mkdirSync, rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildPane, launchChromium, serve } from './paneHarness';

/** Where the pane tests put their screenshots. */
export const SHOTS = 'test-output/pane';

export interface PaneSession {
  /** the built add-in */
  dir: string;
  /** where it is served, e.g. http://127.0.0.1:40123 */
  origin: string;
  browser: Browser;
}

/** Registers the calling file's beforeAll (build, serve, launch: the session's fields are set once it has
 * run, before the file's own hooks) and afterAll (close, remove). */
export function paneSession(): PaneSession {
  const session = {} as PaneSession;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    session.dir = buildPane();
    server = await serve(session.dir);
    session.origin = server.origin;
    session.browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 900_000); // a production build: about a minute on a quiet machine, over 8 minutes on a loaded one
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
    if (session.dir) rmSync(session.dir, { recursive: true, force: true });
  });
  return session;
}
