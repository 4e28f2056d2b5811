import { MIN_PRINT_SCALE } from './excelLimits';
/**
 * The printed page: one scale for the whole sheet and the rows where a new page starts, so that no
 * item's merged cells are split by a page break (a spreadsheet prints a merged cell's text only on the
 * page where the cell starts, and cuts it there). A fixed scale, not "fit to one page wide": Excel
 * ignores manual page breaks when fitting.
 */

/** A4 landscape, in points. */
const PAGE = { width: 841.89, height: 595.28 };
/** The widest a character of column width prints at 100 %: LibreOffice without Calibri counts
 * DejaVu Sans's digit, 7 pt at 11 pt (Excel's Calibri digit is 5.25 pt), so pages fit in both. */
const CHAR_PT = 7;
/** Part of the page kept free, for rounding in the spreadsheet's own layout. */
const SLACK = 0.97;

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The scale (percent) at which `columnChars` characters of columns fit the page's width: at most 100, and never
 * under Excel's floor of 10 (scale: "Print page scale value can be between 10 and 400", learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions#excel-excel-pagelayoutzoomoptions-scale-member):
 * columns too wide for a page at 10 % print on more than one page across. */
export function printScale(columnChars: number, margins: Margins): number {
  const width = PAGE.width - 72 * (margins.left + margins.right);
  const fit = Math.floor((100 * SLACK * width) / (Math.max(1, columnChars) * CHAR_PT));
  return Math.max(MIN_PRINT_SCALE, Math.min(100, fit));
}

/**
 * The rows (1-based) that start a new page. `blocks` are runs of rows kept on one page (an item's
 * rows), in order; `heights` the rows' heights in points; `titleRows` the rows repeated at the top of
 * every page after the first; `forced` rows start a page whatever the room (a tall item's parts). A
 * block taller than a page starts a page and is broken between its rows.
 */
/** The height in points (at 100 %) the rows of one page may take at `scale`. */
export function pageRoom(scale: number, margins: Margins): number {
  return (SLACK * (PAGE.height - 72 * (margins.top + margins.bottom))) / (scale / 100);
}

export function pageStarts(
  blocks: [first: number, last: number][],
  heights: (row: number) => number,
  titleRows: number[],
  scale: number,
  margins: Margins,
  forced: number[] = [],
): number[] {
  const usable = pageRoom(scale, margins);
  const titles = titleRows.reduce((sum, row) => sum + heights(row), 0);
  const starts: number[] = [];
  let used = 0;
  for (const [first, last] of blocks) {
    let height = 0;
    for (let row = first; row <= last; row++) height += heights(row);
    if (used > titles && (used + height > usable || forced.includes(first))) {
      starts.push(first);
      used = titles;
    }
    if (used + height <= usable) {
      used += height;
      continue;
    }
    // taller than a page: broken between its rows (the plan then splits its merged cells' text)
    for (let row = first; row <= last; row++) {
      if (used > titles && used + heights(row) > usable) {
        starts.push(row);
        used = titles;
      }
      used += heights(row);
    }
  }
  return starts;
}
