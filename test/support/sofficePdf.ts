// Prints .xlsx files to PDF through LibreOffice (headless, one process for all files, a fresh profile)
// and reads the PDF back with poppler-utils: its text in content order and its words with their boxes.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Converts every file to a PDF beside it in `dir`; returns the PDFs' paths in the files' order. */
export function printToPdf(files: string[], dir: string): string[] {
  const profile = join(dir, 'profile');
  mkdirSync(profile, { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { stdio: 'pipe', timeout: 170_000 },
  );
  return files.map((file) => join(dir, basename(file).replace(/\.xlsx$/, '.pdf')));
}

/** Text without any white space, so that a wrapped cell's lines join again. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The PDF's text in the order it was drawn (LibreOffice draws cell by cell, so a wrapped cell's lines
 * stay together; the default reading order interleaves the lines of neighbouring cells).
 */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word (a line of CJK text is one word) with its box in points, and the pages' heights. */
export function pdfWords(pdf: string): { words: PdfWord[]; pageHeight: number } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let pageHeight = 0;
  html
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      pageHeight = Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0);
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page: index + 1, text: m[5]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
      }
    });
  return { words, pageHeight };
}

/**
 * Pairs of words drawn over each other. A cell too short for its text overflows into the cells below
 * it, where its lines cross theirs; lines of one cell only touch (Latin lines by a tenth of their
 * height), so an overlap of more than a fifth of a line's height is text cut off.
 */
export function overlappingWords(words: PdfWord[]): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = [];
  const byPage = new Map<number, PdfWord[]>();
  for (const word of words) byPage.set(word.page, [...(byPage.get(word.page) ?? []), word]);
  for (const list of byPage.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (x > 0.5 && y > 0.2 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) found.push([a, b]);
      }
    }
  }
  return found;
}

/** A word box's height over the font size, measured for LibreOffice's PDF at 100 % (11 pt → 14.3 pt). */
export const BOX_PER_POINT = 1.3;
