// The task pane in a real browser (Debian's Chromium through playwright-core), on the built add-in served
// from 127.0.0.1, outside Excel: it runs on the in-memory workbook and says so. A 江北 hospital sheet is
// created, facts are entered that trigger a veto (15.1) and two over-cap items (4.2 = 7 on a 5-point item,
// 17.2 = 3 on a 10-point item at 5 points a day) beside an item zeroed by “不得分” twice (9.1, 9.2: not over
// its points), and the flags, counts and Chinese text are checked.
// The pane is 350 px wide, as Excel opens a task pane; the layout checks (every tab, no sideways scroll)
// and the keyboard-only walk run in layout.test.ts at 350 and 1280 px.
// Screenshots of each view go to test-output/pane/ for a reviewer.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PANE_HEIGHT, PANE_WIDTH, sidewaysOverflow, WIDE_WIDTH } from '../support/paneHarness';
import { paneSession, SHOTS } from '../support/paneSession';
import { fillFact } from '../support/paneFacts';

const session = paneSession();
const requests: string[] = [];

async function openPane(query = '', width = PANE_WIDTH): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width, height: PANE_HEIGHT } });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${session.origin}/taskpane.html${query}`);
  return page;
}

/** A computed CSS colour whose red clearly leads (the palette's red text and red backgrounds). */
function reddish(color: string): boolean {
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return r > g + 20 && r > b + 20;
}

describe('the task pane outside Excel', () => {
  let page: Page;

  it('says plainly that it is not connected to Excel, in Chinese', async () => {
    page = await openPane();
    await expect(page.getByTestId('demo-notice').textContent()).resolves.toContain('未连接 Excel（演示模式）');
    await expect(page.getByRole('tab', { name: '新建考核表' }).isVisible()).resolves.toBe(true);
    // the provenance of the selected table is shown
    await expect(page.getByTestId('provenance').textContent()).resolves.toContain('江医保中心发〔2024〕16号 附件2');
    await page.screenshot({ path: `${SHOTS}/create.png`, fullPage: true });
  });

  it('creates a 江北 hospital sheet and takes facts', async () => {
    await page.getByLabel('考核表', { exact: true }).selectOption('cq-jiangbei-2025-hospital');
    await page.getByLabel('政策（等次与保证金返还）').selectOption('cq-jiangbei-2025');
    await page.getByLabel('机构名称').fill('江北区示例医院');
    await page.getByLabel('质量保证金（元）').fill('100000');
    await page.getByLabel('机构性质').selectOption('private');
    await page.getByRole('button', { name: '生成考核表' }).click();
    await page.getByText('已生成工作表“江北区示例医院-2025”').waitFor();
    // the focus moves to the new content: the 填报 view of the new sheet
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('填报');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('tabpanel');
    // grouped by item, each fact with the control its kind asks for
    const item4 = page.locator('fieldset[data-item="4"]');
    await expect(item4.locator('legend').textContent()).resolves.toBe('4 医保支付资格相关人员是否管理到位');
    await expect(item4.locator('input[data-fact="4.2"]').getAttribute('type')).resolves.toBe('number');
    await expect(item4.locator('input[data-fact="4.2"]').getAttribute('min')).resolves.toBe('0');
    await expect(page.locator('fieldset[data-item="15"] [role="radiogroup"][data-fact="15.1"]').locator('label').allTextContents()).resolves.toEqual([
      '是',
      '否',
      '不填',
    ]);
    // the 填报 view says, per fact, what a blank counts as
    await expect(page.locator('[data-blank="1.1"]').textContent()).resolves.toBe('不填视为未发现，不否决');
    await expect(page.locator('[data-blank="20.1"]').textContent()).resolves.toBe('不填视为未达到，不得分');
    await expect(page.locator('[data-blank="21.1"]').textContent()).resolves.toBe('不填视为未达到，不得5分');
    for (const [id, value] of [
      ['15.1', '是'],
      ['4.2', '7'],
      ['17.2', '3'],
      ['9.1', '是'],
      ['9.2', '是'],
    ] as const)
      await fillFact(page, id, value);
    await page.screenshot({ path: `${SHOTS}/inputs.png`, fullPage: true });
  });

  it('检查 lists the veto first, then the two over-cap items (not item 9, zeroed by 不得分), with counts and the total', async () => {
    await page.getByRole('tab', { name: '检查' }).click();
    const flags = page.getByTestId('flags').locator('button[data-kind]');
    await expect.poll(() => flags.first().getAttribute('data-kind')).toBe('veto');
    const first = await flags.first().textContent();
    // the badge says the kind; the text goes on without saying it again
    expect(first).toMatch(/^否决项第15项/);
    expect(first).not.toContain('否决项：');
    expect(first).toContain('存在否决项得分为0分');
    const overCap = page.getByTestId('flags').locator('button[data-kind="overCap"]');
    await expect(overCap.count()).resolves.toBe(2);
    // 4.2: 7 findings × 1 point on a 5-point item; 17.2: 3 days × 5 points on a 10-point item
    await expect(overCap.nth(0).textContent()).resolves.toContain('第4项“医保支付资格相关人员是否管理到位”共扣 7 分，本项 5 分，2 分未计入');
    await expect(overCap.nth(1).textContent()).resolves.toMatch(/第17项“[^”]+”共扣 15 分，本项 10 分，5 分未计入/);
    const counts = await page.getByTestId('counts').textContent();
    expect(counts).toContain('否决项 1');
    expect(counts).toContain('扣分超过单项分值 2');
    const summary = await page.getByTestId('summary').textContent();
    expect(summary).toContain('总分 0 / 100');
    expect(summary).toContain('等次：暂评 不合格（尚有 30 项未填）'); // a veto fails it whatever the blanks hold
    // 不合格 and the veto stand out in red; an over-cap flag does not
    const grade = page.getByTestId('grade');
    await expect(grade.getAttribute('data-fail')).resolves.toBe('true');
    expect(reddish(await grade.evaluate((el) => getComputedStyle(el).color))).toBe(true);
    expect(reddish(await flags.first().evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
    expect(reddish(await overCap.first().evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(false);
    await page.screenshot({ path: `${SHOTS}/check.png`, fullPage: true });
  });

  it('a click on a flag selects its cell; 说明 then explains that item', async () => {
    const flag = page.getByTestId('flags').locator('button[data-kind="overCap"]').first();
    const address = await flag.getAttribute('data-address');
    expect(address).toMatch(/^P\d+$/); // the item's 超出分值的扣分 cell
    await flag.click();
    await page.getByRole('tab', { name: '说明' }).click();
    await expect(page.getByTestId('selected-cell').textContent()).resolves.toBe(`选中单元格：江北区示例医院-2025!${address}`);
    const explain = await page.getByTestId('explain').textContent();
    expect(explain).toContain('医保支付资格相关人员是否管理到位');
    expect(explain).toContain('发现一次扣1分，扣完为止');
    await expect(page.getByTestId('item-score').textContent()).resolves.toBe('本项得分：0 / 5');
    await expect(page.getByTestId('trace').textContent()).resolves.toContain('扣完为止');
    // 口径说明: the table's and the policy's readings, the institution's 民营 among them
    const readings = await page.getByTestId('table-readings').textContent();
    expect(readings).toContain('考核实行计分制管理');
    expect(readings).toContain('本机构为民营');
    expect(readings).toContain('【政策】通知写“得分60分以下为不合格”');
    await page.screenshot({ path: `${SHOTS}/explain.png`, fullPage: true });
  });

  it('说明 shows the selected item’s clause readings (江北 20: “是否高于90%” against “未达到90%的不得分”)', async () => {
    await page.getByRole('tab', { name: '检查' }).click();
    await page.getByRole('button', { name: /显示未填写的/ }).click();
    const missing20 = page.getByTestId('flags').locator('button[data-kind="missingInput"]', { hasText: '20.1' });
    await expect(missing20.textContent()).resolves.toMatch(/^未填写20\.1 /); // not “未填写未填写：20.1”
    await missing20.click();
    await page.getByRole('tab', { name: '说明' }).click();
    await expect(page.getByTestId('item-readings').textContent()).resolves.toContain('20.1：指标释义问“是否高于90%”');
  });

  it('说明 picks any item by 序号, code or name, not only through a flag', async () => {
    await page.getByRole('tab', { name: '说明' }).click();
    const picker = page.getByRole('combobox', { name: '选择考核项' });
    await picker.fill('');
    await picker.pressSequentially('17'); // typed, as a reviewer types: the list opens
    await page.getByRole('option', { name: /^17 / }).click();
    await expect.poll(() => page.getByTestId('explain').getAttribute('aria-label')).toMatch(/^17 /);
    await expect(page.getByTestId('item-score').textContent()).resolves.toBe('本项得分：0 / 10');
    await picker.fill('医保支付资格'); // as an IME or a paste gives it: no key presses, the list opens all the same
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['4 医保支付资格相关人员是否管理到位']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('explain').getAttribute('aria-label')).toBe('4 医保支付资格相关人员是否管理到位');
  });

  it('every control is reachable by keyboard', async () => {
    await page.getByRole('tab', { name: '检查' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: '说明' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: '检查' }).click();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.tagName);
    expect(['BUTTON', 'INPUT', 'SELECT']).toContain(focused);
  });

  it('fits the 350 px pane without sideways scrolling', async () => {
    await expect(sidewaysOverflow(page)).resolves.toBe(0);
  });

  it('speaks English when asked', async () => {
    const english = await openPane('?lang=en');
    // the table list is filled once the views have come (taskpane.js runs after the first paint, the views after
    // the next): wait for it, as a clerk would
    await english.getByLabel('Assessment table', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
    await expect(english.getByLabel('Assessment table', { exact: true }).locator('option').allTextContents()).resolves.toContain(
      '江北 2025 hospital',
    );
    await expect(english.getByTestId('demo-notice').textContent()).resolves.toContain('Not connected to Excel (demo mode)');
    await expect(english.getByRole('tab', { name: 'New sheet' }).isVisible()).resolves.toBe(true);
    await english.screenshot({ path: `${SHOTS}/english.png`, fullPage: true });
    await english.close();
  });

  it('lists the table’s own region’s policy first, marks pairings that need 折算, and shows the conversion in 检查', async () => {
    const pane = await openPane();
    const policy = pane.getByLabel('政策（等次与保证金返还）');
    await pane.getByLabel('考核表', { exact: true }).selectOption('cq-jiangbei-2025-hospital');
    const options = () => policy.locator('option').allTextContents();
    expect((await options())[1]).toContain('重庆市江北区'); // after 不选政策: 江北's own policy
    expect((await options()).some((o) => o.includes('需折算'))).toBe(false); // every bundled policy grades on 100
    await pane.getByLabel('考核表', { exact: true }).selectOption('weihai-2021-hospital-l2');
    expect((await options()).slice(1).every((o) => o.includes('（分制不同，需折算为 100 分制）'))).toBe(true);
    await policy.selectOption('jilin-2025');
    const create = pane.getByRole('button', { name: '生成考核表' });
    await expect(create.isDisabled()).resolves.toBe(true); // not until the conversion is asked for
    await pane.getByText('考核表满分 795 分，该政策按 100 分制评定').waitFor();
    await pane.getByLabel('折算为 100 分制：得分 × 100 / 795，按折算得分评定等次和返还').check();
    await create.click();
    await pane.getByText('已生成工作表').waitFor();
    await pane.getByRole('tab', { name: '检查' }).click();
    // a blank 威海 二级 sheet: 650 of 795 → 81.76, 良 (not the 优 that 650 against 90 would give), provisional
    await expect(pane.getByTestId('conversion').textContent()).resolves.toBe('折算为百分制：650 × 100 / 795 = 81.761006');
    await expect(pane.getByTestId('grade').textContent()).resolves.toMatch(/^等次：暂评 良（尚有 \d+ 项未填）$/);
    await pane.screenshot({ path: `${SHOTS}/conversion.png`, fullPage: true });
    await pane.close();
  });

  it('takes a ratio as a percent and a rank as a whole number ≥ 1 in 填报', async () => {
    const pane = await openPane();
    await pane.getByRole('button', { name: '生成考核表' }).click();
    const ratio = pane.locator('input[data-fact="20.1"]');
    await ratio.waitFor();
    await expect(ratio.getAttribute('type')).resolves.toBe('number');
    await expect(pane.locator('[data-item="20"] .fui-Input__contentAfter').textContent()).resolves.toBe('%');
    await expect(pane.locator('input[data-fact="23.1"]').getAttribute('min')).resolves.toBe('1');
    await fillFact(pane, '20.1', '95'); // 95 typed beside “%”: 药品网采率 95%, above the 90% the item asks for
    await pane.getByRole('tab', { name: '说明' }).click();
    await pane.getByRole('combobox', { name: '选择考核项' }).fill('20');
    await pane.getByRole('option', { name: /^20 / }).click();
    await expect.poll(() => pane.getByTestId('item-score').textContent()).toBe('本项得分：10 / 10');
    await expect(pane.getByTestId('explain').textContent()).resolves.toContain('20.1 药品网采率：0.95');
    // and back in 填报 the cell's 0.95 shows as 95 beside its “%”
    await pane.getByRole('tab', { name: '填报' }).click();
    await expect(pane.locator('input[data-fact="20.1"]').inputValue()).resolves.toBe('95');
    await pane.close();
  });

  it('a % box that refuses 150 echoes it as typed: 收到的是 “150%”, not 1.5 (issue 22)', async () => {
    const pane = await openPane();
    await pane.getByRole('button', { name: '生成考核表' }).click();
    await fillFact(pane, '20.1', '150');
    await pane.getByRole('tab', { name: '检查' }).click();
    await expect.poll(() => pane.getByTestId('flags').textContent()).toContain('收到的是 “150%”');
    await expect(pane.getByTestId('flags').textContent()).resolves.not.toContain('1.5');
    await pane.close();
  });

  it('made no request to any origin but its own', () => {
    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter((url) => !url.startsWith(`${session.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});

/** The element that has the focus, as a test can name it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      role: el?.getAttribute('role') ?? '',
      label: el?.getAttribute('aria-label') ?? el?.textContent ?? '',
      kind: el?.getAttribute('data-kind') ?? '',
      address: el?.getAttribute('data-address') ?? '',
      name: el?.closest('[data-fact]')?.getAttribute('data-fact') ?? '',
    };
  });

/** Presses Tab (or Shift+Tab) until the focus is where `is` says, at most 80 times. */
async function tabTo(
  page: Page,
  is: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (is(now)) return now;
  }
  throw new Error(`focus never reached the target (${key})`);
}

/** Moves along the tab list with an arrow key until the tab named `name` has the focus. */
async function arrowTo(page: Page, key: 'ArrowLeft' | 'ArrowRight', name: string): Promise<void> {
  for (let i = 0; i < 6; i++) {
    // a Fluent tab holds its label twice (the second reserves the bold width)
    if ((await focused(page)).label.startsWith(name)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`no tab ${name} along ${key}`);
}

const TABS = ['新建考核表', '检查', '说明', '填报', '导入', '汇总'] as const;

describe.each([PANE_WIDTH, WIDE_WIDTH])('the pane at %i × 800', (width) => {
  let pane: Page;
  afterAll(async () => {
    await pane?.close();
  });

  it('keeps the demo banner to a line or two, and lets it be dismissed', async () => {
    pane = await openPane('', width);
    const notice = pane.getByTestId('demo-notice');
    const box = await notice.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(80); // the whole explanation is behind 详情
    await notice.getByRole('button', { name: '详情' }).click();
    await expect(notice.textContent()).resolves.toContain('会话存储');
    await notice.getByRole('button', { name: '关闭' }).click();
    await expect(notice.count()).resolves.toBe(0);
  });

  it('names the tables by region, level, year and kind, and the longest choices fit', async () => {
    const table = pane.getByLabel('考核表', { exact: true });
    const names = await table.locator('option').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['江北 2025 医疗机构', '江北 2025 零售药店', '威海 二级及以上 2021 医疗机构', '威海 一级 2021 医疗机构']),
    );
    expect(new Set(names).size).toBe(names.length);
    await table.selectOption('weihai-2021-hospital-l2');
    await pane.getByLabel('政策（等次与保证金返还）').selectOption('jilin-2025'); // needs 折算: the longest option
    await expect(sidewaysOverflow(pane)).resolves.toBe(0);
    await pane.screenshot({ path: `${SHOTS}/${width}-create-weihai.png`, fullPage: true });
  });

  it('keyboard only: through the form, 生成, a fact, then a flag selected with Enter', async () => {
    await pane?.close();
    pane = await openPane('', width);
    await pane.getByRole('tab', { name: '新建考核表' }).waitFor();
    // the first control of the form is the table picker; 江北 hospital is the first table
    await tabTo(pane, (f) => f.tag === 'SELECT');
    await pane.keyboard.press('Home');
    await tabTo(pane, (f) => f.tag === 'INPUT');
    // 机构编码, then 机构名称
    await pane.keyboard.press('Tab');
    await pane.keyboard.type('键盘医院');
    const create = await tabTo(pane, (f) => f.tag === 'BUTTON' && f.label.includes('生成考核表'));
    expect(create.label).toContain('生成考核表');
    await pane.keyboard.press('Enter');
    await pane.getByText('已生成工作表“键盘医院-2025”').waitFor();
    await expect.poll(async () => (await focused(pane)).label).toBe('填报');
    // 15.1 (a veto) answered 是 with the keyboard
    // blank is where the group starts (不填 is checked); an arrow moves on round to 是, as radio groups do
    // the 填报 view fills in once the new sheet has been read: tab only when its facts are there
    await pane.locator('[data-fact="15.1"]').waitFor();
    await tabTo(pane, (f) => f.name === '15.1');
    await pane.keyboard.press('ArrowRight');
    await expect.poll(() => pane.locator('[data-fact="15.1"] input[value="是"]').isChecked()).toBe(true);
    // back to the tabs, over to 检查, into its flags
    await tabTo(pane, (f) => f.role === 'tab', 'Shift+Tab');
    await arrowTo(pane, 'ArrowLeft', '检查');
    await pane.keyboard.press('Enter');
    const flag = await tabTo(pane, (f) => f.kind === 'veto');
    await pane.keyboard.press('Enter');
    await pane.screenshot({ path: `${SHOTS}/${width}-keyboard-check.png`, fullPage: true });
    // 说明 then names the flag's cell
    await tabTo(pane, (f) => f.role === 'tab', 'Shift+Tab');
    await arrowTo(pane, 'ArrowRight', '说明');
    await pane.keyboard.press('Enter');
    await expect.poll(() => pane.getByTestId('selected-cell').textContent()).toBe(`选中单元格：键盘医院-2025!${flag.address}`);
  });

  it('no tab scrolls sideways', async () => {
    for (const [id, value] of [
      ['4.2', '7'],
      ['17.2', '3'],
    ] as const) {
      await pane.getByRole('tab', { name: '填报' }).click();
      await fillFact(pane, id, value);
    }
    for (const tab of TABS) {
      await pane.getByRole('tab', { name: tab }).click();
      await expect.poll(() => pane.getByRole('tabpanel').getAttribute('aria-label')).toBe(tab);
      if (tab === '检查') {
        await pane.getByTestId('flags').locator('button[data-kind="overCap"]').nth(1).waitFor(); // 4.2 and 17.2 read back
        await pane.getByRole('button', { name: /显示未填写的/ }).click();
      }
      if (tab === '说明') await pane.getByRole('combobox', { name: '选择考核项' }).click(); // the open list fits too
      await expect(sidewaysOverflow(pane), tab).resolves.toBe(0);
      await pane.screenshot({ path: `${SHOTS}/${width}-${tab.replace(/（.*）/, '')}.png` }); // what the pane shows, as Excel shows it
      if (tab === '说明') await pane.keyboard.press('Escape');
    }
  });
});

describe('自检 from the 更多 menu, on the in-memory workbook', () => {
  let page: Page;
  afterAll(() => page?.close());

  it('runs every step, fails none, removes its sheets, and shows a report that 复制 puts on the clipboard', async () => {
    page = await openPane();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
    // not a tab: a clerk's tabs stay as they were
    await expect(page.getByRole('tab', { name: '自检' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '更多功能：自检、关于' }).click();
    await page.getByRole('menuitem', { name: '自检' }).click();
    await page.getByRole('button', { name: '运行自检' }).click();
    const result = page.getByTestId('self-test-result');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.getAttribute('data-failed')).resolves.toBe('0');
    await expect(result.textContent()).resolves.toMatch(/^自检通过：16 项通过，17 项跳过$/);
    const report = await page.getByTestId('self-test-report').inputValue();
    const lines = report.split('\n');
    expect(lines[0]).toBe('MIB 考核助手 自检报告');
    expect(lines).toContain('宿主: MemoryWorkbook');
    expect(lines).toContain('[通过] 写入考核表 (weihai-2021-hospital-l2) — 已写入工作表“MIB自检-3”');
    expect(
      lines.some((line) =>
        /^\[通过\] 读回并与计划核对 \(cq-jiangbei-2025-hospital\) — \d+ 个常量单元格、\d+ 个公式、\d+ 个填报格与计划一致$/.test(line),
      ),
    ).toBe(true);
    expect(lines).toContain('[跳过] MIB.SCORE 重算 — 自定义函数不可用：演示模式没有 Excel 自定义函数 (no Excel custom functions outside Excel)');
    expect(lines.at(-1)).toMatch(/^\[通过\] 删除自检工作表 — 已删除 8 个自检工作表$/);
    await page.getByTestId('self-test-copy').click();
    await page.getByText('已复制到剪贴板').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(report);
    await expect(sidewaysOverflow(page)).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/self-test.png`, fullPage: true });
  });

  it('关于 in the same menu names the version', async () => {
    await page.getByRole('button', { name: '更多功能：自检、关于' }).click();
    await page.getByRole('menuitem', { name: '关于' }).click();
    await expect(page.getByTestId('about').textContent()).resolves.toContain('MIB 考核助手 0.1.0');
  });
});
