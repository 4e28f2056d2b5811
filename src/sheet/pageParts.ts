import { textHeight } from './textHeight';

/** The runs of rows first..last that the page starts cut it into (one run when none falls inside). */
export function partsOf(first: number, last: number, pageStarts: number[]): [number, number][] {
  const starts = [first, ...pageStarts.filter((p) => p > first && p <= last)];
  return starts.map((start, k): [number, number] => [start, (starts[k + 1] ?? last + 1) - 1]);
}

/**
 * A text cut into one piece per part, each piece as long as fits the part's height in a column
 * `width` characters wide (whole paragraphs where they fit, else whole characters); the last part
 * takes what is left. For an item taller than a page: a merged cell prints only on the page where it
 * starts, so each page's part of the item holds its own piece of the text.
 */
export function splitToFit(text: string, width: number, heights: number[], fontSize?: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  heights.forEach((height, k) => {
    if (k === heights.length - 1) {
      pieces.push(rest);
      return;
    }
    const chars = [...rest];
    // the longest prefix that fits, preferring to end at a paragraph; a longer prefix is never shorter,
    // so a binary search finds it (a character at a time measured every prefix: quadratic in the text)
    let fit = 0;
    let over = chars.length + 1;
    while (over - fit > 1) {
      const mid = (fit + over) >> 1;
      if (textHeight(chars.slice(0, mid).join(''), width, fontSize) <= height) fit = mid;
      else over = mid;
    }
    const head = chars.slice(0, fit).join('');
    const paragraph = head.lastIndexOf('\n');
    const cut = fit === chars.length ? fit : paragraph > 0 ? [...head.slice(0, paragraph)].length + 1 : fit;
    pieces.push(chars.slice(0, cut).join('').replace(/\n$/, ''));
    rest = chars.slice(cut).join('');
  });
  return pieces;
}
