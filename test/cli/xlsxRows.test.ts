// The body rows written straight into the sheet's XML (src/cli/xlsxRows.ts) against the same workbook written
// by ExcelJS cell by cell: every worksheet and the style table must be the same, character for character, so
// the fast path changes nothing a spreadsheet reads.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { gridPlansToXlsx } from '../../src/cli/gridXlsx';
import { bodyRowWriter, compressorDrained, sheetBacklog } from '../../src/cli/xlsxRows';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import { planRosterWorkbook } from '../../src/sheet/roster';
import type { GridPlan } from '../../src/sheet/types';
import { generatedWeihaiRoster, weihaiSmallRoster } from '../support/rosterResults';

async function parts(plans: readonly GridPlan[], rowsByExcelJS: boolean): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await gridPlansToXlsx(plans, { rowsByExcelJS }));
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name]!.dir && (name.startsWith('xl/worksheets/') || name === 'xl/styles.xml'))
      texts.set(name, await zip.file(name)!.async('string'));
  return texts;
}

async function expectSame(plans: readonly GridPlan[]) {
  const [straight, byExcelJS] = [await parts(plans, false), await parts(plans, true)];
  expect([...straight.keys()]).toEqual([...byExcelJS.keys()]);
  for (const [name, text] of byExcelJS) expect(straight.get(name), name).toBe(text);
  return straight;
}

describe('body rows written straight to the sheet XML', () => {
  it('give the same sheets and styles as ExcelJS for the roster workbook (codes as text, formula-like names, money)', async () => {
    const rubric = getRubric('weihai-2021-hospital-l2');
    const policy = getPolicy('jilin-2025');
    const written = await expectSame(planRosterWorkbook(weihaiSmallRoster(), rubric, policy, { streamed: true }).sheets);
    // the body is there: a code kept as text and a name that reads like a formula
    const sheet = written.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<v>0371001</v>');
    expect(sheet).toContain('<v>=HYPERLINK(&quot;x&quot;)</v>');
  });

  it('give the same for a generated roster of 300 institutions', async () => {
    const plan = planRosterWorkbook(generatedWeihaiRoster(300), getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'), { streamed: true });
    await expectSame(plan.sheets);
  });

  it('give the same for every kind of value: text, numbers, true/false, blanks, XML characters, heights, breaks and rows after the body', async () => {
    const plan: GridPlan = {
      name: '值',
      grid: [[{ value: '标题', style: 'title' }], [{ value: '列一' }, { value: '列二' }, { value: '列三' }, { value: '列四' }]],
      body: {
        top: 2,
        rows: [
          ['a<b & "c"', 1.5, true, null],
          [null, null, null, null],
          ['01', -0, false, 'x\u0001y\u000bz\r\n\t'],
          ['=1+1', 1e21, null, '  spaces  '],
          ["it's", 0.1 + 0.2, true, '2024-01-01'],
          // a text longer than the writer's chunk holds, encoded (3 bytes a character) on its own
          ['长'.repeat(25_000), 2, false, `${'&'.repeat(30_000)}尾`],
        ],
        columnStyles: ['code', undefined, 'flag', 'money'],
      },
      columnCount: 4,
      columns: [
        { header: '列一', width: 10 },
        { header: '列二', width: 10 },
        { header: '列三', width: 10 },
        { header: '列四', width: 10 },
      ],
      rowHeights: { 4: 30, 5: 18.5 },
      styles: { title: { bold: true }, code: { numberFormat: '@' }, flag: { align: 'center' }, money: { numberFormat: '#,##0.00' } },
      merges: [],
      validations: [],
      conditionalFormats: [],
      names: [],
      freezeRows: 2,
      pageSetup: { orientation: 'landscape', fitToWidth: 1, footer: '第 &P 页', pageBreaks: [5] },
    } as unknown as GridPlan;
    const written = await expectSame([plan]);
    const sheet = written.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<v>a&lt;b &amp; &quot;c&quot;</v>');
    expect(sheet).toContain('<v>xyz\r\n\t</v>');
  });
});

describe("the sheet's XML waiting for the compressor (sheetBacklog)", () => {
  it('is read from ExcelJS as written and taken: rows made without the event loop turning wait, and are all taken when compressorDrained is kept', async () => {
    const stream = new PassThrough();
    stream.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('名单');
    const writer = bodyRowWriter(workbook, sheet, [undefined, undefined])!;
    // 4,000 rows of some 80 bytes, handed on in 64 KB pieces: more than the compressor takes in one turn
    for (let r = 1; r <= 4000; r++) writer.write(r, [`医院${r}`, r * 1.5], undefined, false);
    writer.flush();
    const waiting = sheetBacklog(sheet);
    expect(waiting).toBeGreaterThan(100_000);
    // under the bound nothing is awaited; over it, the promise is kept once the compressor took it all
    expect(compressorDrained(sheet, waiting)).toBeUndefined();
    await compressorDrained(sheet, 1 << 16);
    expect(sheetBacklog(sheet)).toBe(0);
    sheet.commit();
    await workbook.commit();
  });
});
