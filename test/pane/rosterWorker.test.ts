// Issue 21 (a pane that never freezes), in a real browser on the demo workbook: 计算 of a roster of some
// thousand 威海 二级 institutions runs in the pane's worker (score.worker.js, fetched from the add-in's own
// origin when 计算 is first pressed), shows a progress bar with its counts while it runs, and gives what
// scoreRoster gives for the same cells (an institution's score and grade, the summary's counts and money);
// and the first download holds none of the parts loaded on first use. No timing is asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fmt, getPolicy, getRubric, rosterColumns, scoreRoster } from '../../src/core';
import { rosterFindings } from '../../src/core/roster/findings';
import type { RosterResult } from '../../src/core/roster/types';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { type RosterSource, rosterSource } from '../../src/sheet/roster/source';
import { problemEntries } from '../../src/taskpane/roster/problemEntries';
import { PANE_HEIGHT, PANE_WIDTH } from '../support/paneHarness';
import { paneSession } from '../support/paneSession';

const session = paneSession();
let page: Page;
const requests: string[] = [];

const ROWS = 4000;
// 27.1 and 25.1 hold raw measures (the peers' intervals and low band are computed over all 4,000); the
// 17th row's deposit is not a number, so the problems are not empty
const HEADER = ['机构编码', '机构名称', '公立/民营', '质量保证金', '1.1', '12.1', '27.1', '25.1'];
const ROSTER = [
  HEADER,
  ...Array.from({ length: ROWS }, (_, i) => [
    `H${String(i + 1).padStart(4, '0')}`,
    `威海第${i + 1}医院`,
    i % 3 === 0 ? '民营' : '公立',
    i === 16 ? 'abc' : String(50_000 + (i % 7) * 10_000),
    String(i % 4),
    String((i * 7) % 6),
    `${(i * 37) % 40}%`,
    `${(i * 53) % 35}%`,
  ]),
];
const TSV = `${ROSTER.map((row) => row.join('\t')).join('\r\n')}\r\n`;

async function expected(): Promise<{ result: RosterResult; source: RosterSource }> {
  const book = new MemoryWorkbook();
  book.paste('Sheet1', 'A1', TSV);
  const source = rosterSource('Sheet1', await book.readValues('Sheet1'));
  const result = scoreRoster(getRubric('weihai-2021-hospital-l2'), source.table, getPolicy('jilin-2025'), {
    convert: true,
    peer: { intervals: 'equal-width' },
  });
  return { result, source };
}

const figure = (key: string) => page.locator(`[data-figure="${key}"] [data-value]`).textContent();

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: PANE_WIDTH, height: PANE_HEIGHT } });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole('tablist').waitFor();
  // 新建考核表's table list: the views have come
  await page.waitForFunction(() => (document.querySelector('[role=tabpanel] select')?.childElementCount ?? 0) > 0, undefined, { timeout: 60_000 });
}, 120_000);

describe('a pane that never freezes', () => {
  it('first downloads none of the parts loaded on first use: no ExcelJS, no worker, no roster code', () => {
    const text = (name: string) => readFileSync(join(session.dir, name), 'utf8');
    const files = readdirSync(session.dir).filter((name) => name.endsWith('.js'));
    expect(files).toContain('score.worker.js');
    expect(files).toContain('collect.worker.js');
    // the reader of submitted files (its zip part names survive minification) is in collect's worker, not in the pane's first file
    expect(text('collect.worker.js')).toContain('xl/sharedStrings.xml');
    expect(text('taskpane.js')).not.toContain('xl/sharedStrings.xml');
    // the roster's core and sheet plans are in 计算's worker, not in the pane's first file
    expect(text('score.worker.js')).toContain('同级分组');
    expect(text('taskpane.js')).not.toContain('同级分组');
    // nor in the views' chunk, fetched right after the first paint
    expect(text('views.js')).not.toContain('xl/sharedStrings.xml');
    expect(text('views.js')).not.toContain('同级分组');
    // what the page fetched before any use: the custom functions, the frame, the views; nothing on demand
    const scripts = requests.filter((url) => url.endsWith('.js') && !url.includes('/office-js/')).map((url) => new URL(url).pathname);
    expect(scripts.sort()).toEqual(['/functions.js', '/taskpane.js', '/views.js']);
  });

  it(`scores ${ROWS} rows in the worker, with a progress bar counting them`, async () => {
    const { result: want, source } = await expected();
    await page.getByRole('tab', { name: '汇总' }).click();
    await expect.poll(() => page.getByTestId('roster-sheet').inputValue()).toBe('Sheet1');
    // the text put in at once, not typed (4,000 rows)
    await page.getByTestId('demo-paste').evaluate((area, text) => {
      const textarea = area as HTMLTextAreaElement;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, text);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }, TSV);
    await page.getByRole('button', { name: '放入工作表' }).click({ timeout: 120_000 });
    await page.getByLabel('考核表', { exact: true }).selectOption('weihai-2021-hospital-l2');
    await page.getByLabel('政策（等次与保证金返还）').selectOption('jilin-2025');
    await page.getByLabel('折算为 100 分制：得分 × 100 / 795，按折算得分评定等次和返还').check();
    // every text the progress bar shows, as it shows it
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="roster-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await expect.poll(() => page.getByTestId('roster-message').textContent(), { timeout: 300_000 }).toContain(`已计算 ${ROWS} 家机构`);
    expect(requests.some((url) => url.endsWith('/score.worker.js'))).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const counts = seen.map((text) => /正在计算：(\d+) \/ (\d+) 家机构/.exec(text)).filter((m) => m !== null);
    expect(counts.length).toBeGreaterThan(0);
    for (const m of counts) {
      expect(Number(m[2])).toBe(ROWS);
      expect(Number(m[1])).toBeLessThanOrEqual(ROWS);
    }
    // the bar is gone once done
    await expect(page.getByTestId('roster-progress').count()).resolves.toBe(0);

    // the summary is scoreRoster's on the same cells: counts, grades, money to the fen
    const s = want.summary;
    await expect(figure('institutions')).resolves.toBe(String(ROWS));
    for (const grade of s.perGrade) await expect(figure(`grade:${grade.label}`)).resolves.toBe(String(grade.count));
    await expect(figure('rowsWithProblems')).resolves.toBe(String(s.rowsWithProblems));
    await expect(figure('depositTotal')).resolves.toBe(s.depositTotal.toFixed(2));
    await expect(figure('refundPaid')).resolves.toBe(s.refundPaid.toFixed(2));
    expect(s.rowsWithProblems).toBeGreaterThan(0); // the 17th row's deposit

    // what to look at and the problems, listed as the worker made them: the core's findings and problems of
    // the same cells, entry by entry (H0017's deposit among them, naming its cell)
    const rubric = getRubric('weihai-2021-hospital-l2');
    const listed = problemEntries(want, source, rosterColumns(rubric, source.table.header), undefined, rosterFindings(want, rubric));
    expect(listed.shown.some((entry) => entry.address === 'D18')).toBe(true);
    await expect(page.getByTestId('roster-problems').locator('li').allTextContents()).resolves.toEqual(listed.shown.map((entry) => entry.message));

    // and one institution deep in the roster: its score and grade, as the core gives them
    const at = 2718;
    const row = want.institutions[at]!;
    expect(row.institution.code).toBe('H2719');
    const picker = page.getByRole('combobox', { name: '查找机构（跳到汇总名单中的行）' });
    await picker.fill('H2719');
    await page.getByRole('option', { name: 'H2719 威海第2719医院' }).click();
    await expect(page.getByTestId('institution-result').textContent()).resolves.toBe(`${fmt(row.total)} 分，${row.gradeText}`);
    await expect.poll(() => page.getByTestId('roster-selection').textContent()).toBe(`选中单元格：汇总名单!A${at + 2}`);
  });

  it('made no request to any origin but its own', () => {
    const foreign = requests.filter((url) => !url.startsWith(`${session.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
