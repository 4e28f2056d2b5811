// `npm run bench`, task pane section: the pane's first render in headless Chromium (from navigation start
// to the tab list on screen, median of several fresh loads) on the production build served from
// 127.0.0.1, and the sizes of its bundle and of the parts it loads on demand. Prints only; nothing is asserted.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPane, launchChromium, serve } from '../test/support/paneHarness';

const LOADS = 7;

export async function benchPane(): Promise<void> {
  const dir = buildPane();
  const server = await serve(dir);
  const browser = await launchChromium();
  try {
    // taskpane.js loads first; the others only when the 汇总 tab, its charts, 收集报送表 or 自检 are first used
    for (const [file, when] of [
      ['taskpane.js', 'first render'],
      ['roster.js', 'the 汇总 tab'],
      ['charts.js', '汇总 charts'],
      ['collect.js', '收集报送表 (ExcelJS)'],
      ['selftest.js', '更多 → 自检'],
    ]) {
      const bundle = readFileSync(join(dir, file!));
      console.log(
        `${file} (${when}): ${(bundle.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bundle, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
      );
    }
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('[role=tablist]') !== null, undefined, { polling: 'raf' });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `first render (navigation → tab list), ${LOADS} fresh loads in headless Chromium: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
