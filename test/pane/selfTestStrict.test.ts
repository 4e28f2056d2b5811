// 自检 in a real browser (Debian's Chromium) on the strict Office.js fake in its web mode: the self-test, the
// pane's ExcelWorkbook and ExcelFileStore and the fake bundled together by esbuild into one page. The fake
// computes no formula and has no custom functions: those steps are skipped with the reason, every other
// one passes, and nothing the self-test made is left.
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/paneHarness';

let browser: Browser;
let script: string;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: ['test/pane/selfTestStrictBrowser.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  script = bundled.outputFiles[0]!.text;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('自检 in Chromium on the strict fake', () => {
  it('passes every step the fake can answer and removes its sheets', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><title>自检</title>');
    await page.addScriptTag({ content: script });
    const result = (await page.evaluate('window.selfTestOnStrictFake()')) as {
      steps: { step: string; subject?: string; status: string; detail: string; message?: string }[];
      left: string[];
      userAgent: string;
    };
    expect(result.userAgent).toMatch(/Chrome/);
    expect(result.steps.filter((s) => s.status === 'failed')).toEqual([]);
    expect(result.steps.filter((s) => s.status === 'passed').length).toBeGreaterThan(12);
    expect(result.left.filter((name) => name.startsWith('MIB自检'))).toEqual([]);
    await page.close();
  }, 120_000);
});
