// The roster workbook printed through LibreOffice to PDF (issue 22): every page A4 landscape; 汇总名单's pages each
// repeat 机构编码, 机构名称 and the header (print titles), so no page of scores lacks the institution's name; no
// cell's text runs over another's; the charts are drawn; no option name, id or library name in the text layer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gridPlansToXlsx } from '../../src/cli/gridXlsx';
import { getPolicy, getRubric } from '../../src/core';
import { planRosterWorkbook } from '../../src/sheet/roster';
import { publishPolicy, publishRoster, publishRubric } from '../support/publishRoster';
import { weihaiSmallRoster } from '../support/rosterResults';
import { overlappingWords, type PdfWord, pdfWords, printToPdf, squash } from '../support/sofficePdf';
import { sofficeVersion } from '../support/sofficeRecalc';

/** Words a clerk must not meet on a printed page: option names, ids, command words, libraries. */
const FORBIDDEN = [
  'ExcelJS',
  'Office.js',
  'LibreOffice',
  'mib ',
  '--',
  'partialSteps',
  'unpricedClauses',
  'boundaryReading',
  'vetoEffect',
  'refundFollows',
  'fractionalPoints',
  'ratioRounding',
  'ownership',
  'jilin-2025',
  'cq-jiangbei',
  'weihai-20',
  'rubric',
  'policy',
];

interface Page {
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
  text: string;
}

function pagesOf(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { words } = pdfWords(pdf);
  return html
    .split('<page ')
    .slice(1)
    .map((page, i) => {
      const own = words.filter((word) => word.page === i + 1);
      return {
        number: i + 1,
        width: Number(/width="([\d.]+)"/.exec(page)![1]),
        height: Number(/height="([\d.]+)"/.exec(page)![1]),
        words: own,
        text: squash(own.map((word) => word.text).join('')),
      };
    });
}

let printed: Record<'jiangbei' | 'weihai', Page[]>;

beforeAll(() => {
  if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
  return (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mib-roster-print-'));
    const files = {
      jiangbei: planRosterWorkbook(publishRoster(), publishRubric(), publishPolicy(), { date: new Date(2026, 11, 5) }),
      weihai: planRosterWorkbook(weihaiSmallRoster(), getRubric('weihai-2021-hospital-l2'), getPolicy('jilin-2025'), { date: new Date(2026, 11, 5) }),
    };
    const paths = await Promise.all(
      Object.entries(files).map(async ([key, plan]) => {
        const path = join(dir, `${key}.xlsx`);
        writeFileSync(path, await gridPlansToXlsx(plan.sheets));
        return path;
      }),
    );
    const [jiangbei, weihai] = printToPdf(paths, dir);
    printed = { jiangbei: pagesOf(jiangbei!), weihai: pagesOf(weihai!) };
  })();
}, 240_000);

/** 汇总名单's pages: from the first page to the one before 汇总统计's title. */
const rosterPages = (pages: Page[]) =>
  pages.slice(
    0,
    pages.findIndex((page) => page.text.includes('汇总统计：')),
  );

describe('the roster workbook printed (LibreOffice PDF)', () => {
  for (const key of ['jiangbei', 'weihai'] as const) {
    it(`prints every page A4 landscape (${key})`, () => {
      for (const page of printed[key]) {
        expect(page.width, `page ${page.number}`).toBeCloseTo(841.89, 0);
        expect(page.height, `page ${page.number}`).toBeCloseTo(595.3, 0);
      }
    });

    it(`repeats 机构编码, 机构名称 and the header on every page of 汇总名单 (${key})`, () => {
      const pages = rosterPages(printed[key]);
      expect(pages.length).toBeGreaterThan(0);
      const firstName = key === 'jiangbei' ? 'H01医院' : '市立医院';
      for (const page of pages) {
        expect(page.text, `page ${page.number}`).toContain('机构编码');
        expect(page.text, `page ${page.number}`).toContain('机构名称');
        expect(page.text, `page ${page.number}`).toContain(firstName);
      }
      // the key results on the first page, right after the name
      for (const header of ['最终得分', '等次', '返还金额']) expect(pages[0]!.text).toContain(header);
    });

    it(`cuts no cell’s text (${key})`, () => {
      expect(overlappingWords(printed[key].flatMap((page) => page.words)).map(([a, b]) => `${a.page}: ${a.text} / ${b.text}`)).toEqual([]);
    });
  }

  it('fits 12 hospitals’ 汇总名单 on a few pages, the 汇总统计 with its two charts on two', () => {
    const pages = printed.jiangbei;
    expect(rosterPages(pages).length).toBeLessThanOrEqual(3);
    // the charts are drawn: their titles and axis titles are on the pages of 汇总统计
    const summary = pages.filter((page) => page.text.includes('汇总统计：') || page.text.includes('最终得分分布'));
    const text = summary.map((page) => page.text).join('');
    expect(text).toContain('等次分布');
    expect(text).toContain('最终得分分布（每10分一段）');
  });

  it('prints the 公示名单 in grade order with the 通报', () => {
    const text = printed.jiangbei.map((page) => page.text).join('');
    const list = text.slice(text.indexOf('定点医药机构考核结果公示名单'));
    expect(list).toContain('序号机构名称级别/类型得分等次处理结果');
    expect(list.indexOf('H01医院')).toBeLessThan(list.indexOf('H04医院'));
    expect(list.indexOf('H04医院')).toBeLessThan(list.indexOf('H08医院'));
    expect(list).toContain('通报：本次参加考核的定点医药机构共12家');
  });

  // every page, 口径说明 too: the readings are in the document's words (test/core/plainWords.test.ts)
  it('prints no option name, id, command word or library name', () => {
    for (const key of ['jiangbei', 'weihai'] as const) {
      for (const page of printed[key]) {
        const found = FORBIDDEN.filter((word) => page.text.toLowerCase().includes(squash(word).toLowerCase()));
        expect(found, `${key} page ${page.number}`).toEqual([]);
      }
    }
  });
});
