// Typing a fact into the pane's 填报 view (demo mode) as a person would: 是/否 by its radio button, a
// count or a percent into its number box (committed with Enter, as Excel commits a cell).
import type { Page } from 'playwright-core';

export async function fillFact(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`[data-fact="${id}"]`).first().waitFor(); // the view reads the new sheet first
  const radios = page.locator(`[role="radiogroup"][data-fact="${id}"]`);
  if ((await radios.count()) > 0) {
    await radios.getByRole('radio', { name: value === '' ? '不填' : value, exact: true }).check();
    return;
  }
  const input = page.locator(`input[data-fact="${id}"]`);
  await input.fill(value);
  await input.press('Enter');
}
