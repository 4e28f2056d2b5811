// 填报 in Excel (issue 22): the pane as it runs in Excel, over the strict Office.js fake in a real browser.
// The sheet stays the record: what is entered in the pane is written into the sheet's own input cell, and
// what a clerk types into the sheet shows in the pane; a veto and deductions beyond an item's points show
// at the item as they are entered, with the running total above.
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/paneHarness';

let browser: Browser;
let page: Page;
let sheet: string;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: ['test/pane/fillInExcelBrowser.tsx'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 350, height: 800 } });
  await page.setContent('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>填报</title><div id="root"></div></html>');
  await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
  sheet = (await page.evaluate('window.startPane()')) as string;
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const cell = (id: string) => page.evaluate(([s, i]) => (window as any).inputCell(s, i), [sheet, id]) as Promise<{ address: string; value: unknown }>;

describe('填报 in Excel, on the strict fake', () => {
  it('is a tab of the pane in Excel, not only in the demo', async () => {
    await page.getByRole('tab', { name: '填报' }).click();
    await page.locator('fieldset[data-item="4"]').waitFor();
    await expect(page.getByTestId('inputs-running').textContent()).resolves.toContain('总分');
  });

  it('writes what is entered into the sheet’s own cells, as Excel would store it typed', async () => {
    const count = page.locator('input[data-fact="4.2"]');
    await count.fill('2');
    await count.press('Enter');
    await expect.poll(async () => (await cell('4.2')).value).toBe(2);
    await page.locator('[role="radiogroup"][data-fact="15.1"]').getByLabel('否').check();
    await expect.poll(async () => (await cell('15.1')).value).toBe('否');
    // a percent box takes 95 and the cell holds 0.95 (formatted as a percent)
    const ratio = page.locator('input[data-fact="20.1"]');
    await ratio.fill('95');
    await ratio.press('Enter');
    await expect.poll(async () => (await cell('20.1')).value).toBe(0.95);
  });

  it('shows what a clerk types into the sheet', async () => {
    await page.evaluate(([s]) => (window as any).typeInSheet(s, '4.2', '5'), [sheet]);
    await expect.poll(() => page.locator('input[data-fact="4.2"]').inputValue()).toBe('5');
  });

  it('shows deductions beyond an item’s points at the item as they are entered', async () => {
    await expect(page.locator('fieldset[data-item="4"] [data-item-flag="overCap"]').count()).resolves.toBe(0);
    const count = page.locator('input[data-fact="4.2"]');
    await count.fill('7');
    await count.press('Enter');
    // 4.2: 7 findings × 1 point on a 5-point item
    const flag = page.locator('fieldset[data-item="4"] [data-item-flag="overCap"]');
    await flag.waitFor();
    await expect(flag.textContent()).resolves.toContain('共扣 7 分，本项 5 分，2 分未计入');
  });

  it('shows a veto at its item as it is entered, and the running total follows', async () => {
    await expect(page.locator('[data-item-flag="veto"]').count()).resolves.toBe(0);
    const before = await page.getByTestId('inputs-running').textContent();
    expect(before).not.toContain('否决');
    await page.locator('[role="radiogroup"][data-fact="1.1"]').getByLabel('是').check();
    await expect.poll(async () => (await cell('1.1')).value).toBe('是');
    await page.locator('fieldset[data-item="1"] [data-item-flag="veto"]').waitFor();
    await expect.poll(() => page.getByTestId('inputs-running').textContent()).not.toBe(before);
    await expect(page.getByTestId('inputs-running').textContent()).resolves.toContain('否决');
  });
});
