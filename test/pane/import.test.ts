// 导入 in the pane, in a real browser on the demo (in-memory) workbook: a region's own table and policy,
// written here as small valid JSON files, are imported (a broken file first: its problems shown in
// Chinese with their fields, nothing stored), a sheet is made from them and scored (检查: total and
// grade), MIB.SCORE of the built functions.js (a bundle of its own) scores by the imported id; the page is reloaded (the demo
// keeps the stored files in sessionStorage), and the table is found and scores again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PANE_WIDTH } from '../support/paneHarness';
import { paneSession, SHOTS } from '../support/paneSession';
import { fillFact } from '../support/paneFacts';
import { REGION_POLICY_ID, REGION_RUBRIC_ID, regionPolicy, regionRubric, textOf } from '../support/regionFiles';

const session = paneSession();
let page: Page;

const file = (name: string, json: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(textOf(json), 'utf8') });

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: PANE_WIDTH, height: 800 } });
  await page.goto(`${session.origin}/taskpane.html`);
}, 60_000);

async function createAndScore(): Promise<void> {
  await page.getByRole('tab', { name: '新建考核表' }).click();
  await page.getByLabel('考核表', { exact: true }).selectOption(REGION_RUBRIC_ID);
  await expect(page.getByTestId('provenance').textContent()).resolves.toContain('某医保发〔2026〕1号 附件1');
  await page.getByLabel('政策（等次与保证金返还）').selectOption(REGION_POLICY_ID);
  await page.getByLabel('机构名称').fill('某市示例医院');
  await page.getByRole('button', { name: '生成考核表' }).click();
  await page.getByText('已生成工作表“某市示例医院-2026”').waitFor();
  for (const [id, value] of [
    ['1.1', '否'],
    ['2.1', '3'],
    ['3.1', '否'],
  ] as const)
    await fillFact(page, id, value);
  await page.getByRole('tab', { name: '检查' }).click();
  // 3 cases × 2 points off item 2's 40: 94 of 100, 优秀 (≥ 90) under the region's policy, every fact filled
  await expect.poll(() => page.getByTestId('summary').textContent()).toContain('总分 94 / 100');
  await expect(page.getByTestId('grade').textContent()).resolves.toBe('等次：优秀');
}

// functions.js associates MIB.* through office.js, which keeps them (outside Excel too) in
// CustomFunctions._association.mappings: the test calls MIB.SCORE there, in the pane's own page
const mibScore = () =>
  page.evaluate((id) => {
    const functions = (window as unknown as { CustomFunctions: { _association: { mappings: Record<string, (...args: unknown[]) => unknown> } } })
      .CustomFunctions;
    return functions._association.mappings.SCORE?.(id, [['2.1'], ['3.1']], [[3], ['是']]);
  }, REGION_RUBRIC_ID);

describe('导入考核表 / 导入政策 in the demo workbook', () => {
  it('a broken file shows every problem in Chinese with its field, and is not stored', async () => {
    await page.getByRole('tab', { name: '导入' }).click();
    const broken = regionRubric() as { items: { points: unknown }[]; total: unknown };
    broken.items[1]!.points = '四十';
    broken.total = -1;
    // a Fluent button in the pane's words, never the browser's “Choose Files / No file chosen” (issue 22)
    await expect(page.getByTestId('import-file-chosen').textContent()).resolves.toBe('未选择文件');
    await expect(page.getByRole('button', { name: '选择文件…' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('import-file').isVisible()).resolves.toBe(false);
    await page.getByTestId('import-file').setInputFiles(file('broken.json', broken));
    await expect(page.getByTestId('import-file-chosen').textContent()).resolves.toBe('已选择：broken.json');
    await expect(page.locator('section[aria-label="导入"]').innerText()).resolves.not.toMatch(/Choose|chosen|No file/i);
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('“broken.json”未通过检查，未保存');
    const fields = await page
      .getByTestId('import-problems')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-field')));
    expect(fields).toEqual(expect.arrayContaining(['items.1.points', 'total']));
    const texts = await page.getByTestId('import-problems').locator('li').allTextContents();
    expect(texts.every((text) => /^[\w.]+：.*[\u4e00-\u9fff]/.test(text))).toBe(true);
    await expect(page.getByText('本工作簿尚未保存地区自己的考核表或政策。').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/import-broken.png`, fullPage: true });
  });

  it('imports the table and the policy: stored in the workbook and listed', async () => {
    await page.getByTestId('import-file').setInputFiles(file('table.json', regionRubric()));
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain(
      `已导入考核表“某市2026年定点医疗机构考核表”，已保存在本工作簿中`,
    );
    await page.getByTestId('import-file').setInputFiles(file('policy.json', regionPolicy()));
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain(`已导入政策“某市2026年定点医药机构考核”，已保存`);
    await expect(page.getByTestId('stored-files').locator('li').allTextContents()).resolves.toEqual([
      expect.stringContaining(`考核表 ${REGION_RUBRIC_ID}`),
      expect.stringContaining(`政策 ${REGION_POLICY_ID}`),
    ]);
    await page.screenshot({ path: `${SHOTS}/import.png`, fullPage: true });
  });

  it('新建考核表 makes a sheet from the imported table; 检查 shows its total and grade; MIB.SCORE knows the id', async () => {
    await createAndScore();
    await expect(mibScore()).resolves.toBe(34); // 40 − 6 on item 2, item 3's 60 deducted, no veto
    await page.screenshot({ path: `${SHOTS}/import-check.png`, fullPage: true });
  });

  it('after a reload the stored files are loaded again: the sheet is made and scored again', async () => {
    await page.reload();
    await page.getByTestId('demo-notice').getByRole('button', { name: '详情' }).click(); // the banner is compact: the storage is explained under 详情
    await expect(page.getByTestId('demo-notice').textContent()).resolves.toContain('刷新后仍在');
    await createAndScore();
    await expect(mibScore()).resolves.toBe(34);
  });

  it('a stored file that fails its checks on loading is listed with its fields, in Chinese, and not used', async () => {
    // a colleague's workbook whose MIB_FILES holds a policy with a grade gap (60 to 50 missing)
    const broken = {
      ...regionPolicy(),
      id: 'broken-2026',
      grades: [
        { label: '合格', min: 60, text: '60分及以上为合格' },
        { label: '不合格', max: 50, text: '50分以下为不合格' },
      ],
    };
    await page.evaluate((text) => {
      const rows = JSON.parse(sessionStorage.getItem('mib.demo.MIB_FILES') ?? '[]') as string[][];
      rows.push(['policy', 'broken-2026', '00000000', text]);
      sessionStorage.setItem('mib.demo.MIB_FILES', JSON.stringify(rows));
    }, textOf(broken));
    await page.reload();
    const rejected = page.getByTestId('stored-rejected');
    await expect(rejected.textContent()).resolves.toContain('本工作簿保存的 1 个文件未通过检查，未启用');
    await expect(rejected.textContent()).resolves.toContain('政策“broken-2026”');
    const fields = await page
      .getByTestId('stored-rejected-problems')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-field')));
    expect(fields.every((field) => field?.startsWith('grades'))).toBe(true);
    await page.getByRole('tab', { name: '新建考核表' }).click();
    const policies = await page
      .getByLabel('政策（等次与保证金返还）')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(policies).toContain(REGION_POLICY_ID);
    expect(policies).not.toContain('broken-2026');
    await page.screenshot({ path: `${SHOTS}/import-rejected.png`, fullPage: true });
  });

  it('fits the 350 px pane without sideways scrolling', async () => {
    await page.getByRole('tab', { name: '导入' }).click();
    await page.getByTestId('stored-files').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PANE_WIDTH);
  });
});
