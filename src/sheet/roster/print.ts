import type { GridPageSetup } from '../types';

/** A4 landscape, 297 mm across, less the margins below: the width a page prints, in points. */
const PAGE_WIDTH_PT = (297 / 25.4) * 72;
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 };
const PRINTABLE_PT = PAGE_WIDTH_PT - (MARGINS.left + MARGINS.right) * 72;
/** The smallest scale a wide roster prints at: below it, pages are added across instead. */
const READABLE_SCALE = 0.7;

/** A column's width in points: Excel's pixels = characters × 7 + 5, 0.75 points a pixel. */
const points = (characters: number) => (characters * 7 + 5) * 0.75;

/**
 * How a roster sheet prints: A4 landscape; a sheet that fits one page across at a readable scale is fitted
 * to it, a wider one (汇总名单's item columns) is spread over as many pages across as keep it readable,
 * with its title columns (机构编码, 机构名称) repeated on the left of each; the header rows repeat at the
 * top of every page; 第 N 页 共 M 页 in the footer.
 */
export function rosterPageSetup(
  widths: readonly number[],
  titles: { rows?: number; columns?: number } = {},
  fixed?: { scale: number; pageBreaks: number[] },
): GridPageSetup {
  const all = widths.reduce((sum, width) => sum + points(width), 0);
  const titleWidth = widths.slice(0, titles.columns ?? 0).reduce((sum, width) => sum + points(width), 0);
  const perPage = PRINTABLE_PT / READABLE_SCALE - titleWidth;
  const fitToWidth = all * READABLE_SCALE <= PRINTABLE_PT ? 1 : Math.max(1, Math.ceil((all - titleWidth) / perPage));
  const lastTitleColumn = titles.columns ? String.fromCharCode(64 + titles.columns) : undefined;
  return {
    orientation: 'landscape',
    paper: 'A4',
    ...(fixed ? { scale: fixed.scale, pageBreaks: fixed.pageBreaks } : { fitToWidth }),
    ...(titles.rows && { titleRows: `$1:$${titles.rows}` }),
    ...(lastTitleColumn && { titleColumns: `$A:$${lastTitleColumn}` }),
    footer: '第 &P 页 共 &N 页',
    margins: MARGINS,
  };
}
