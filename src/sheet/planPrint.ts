// The printed sheet: what stands below the table on the official pages (备注, 口径说明, signatures), the
// print scale, the page breaks that keep each item on one page, and the row heights that show every text.
import { type Policy, readingLine, readingsOf, type Rubric } from '../core';
import { ITEM_COLUMNS, PRINTED_THROUGH } from './layout';
import { partsOf, splitToFit } from './pageParts';
import { FIRST_ITEM_ROW, HEADER_ROW, type SheetBuilder, TITLE_ROW_HEIGHT } from './planBuilder';
import type { PlannedItems } from './planItems';
import { pageRoom, pageStarts, printScale } from './pagination';
import { DEFAULT_ROW_HEIGHT, fitRowHeights } from './rowHeights';
import { STYLES } from './styles';

/** Page margins in inches: narrow at the sides, so that the official columns print at a readable size. */
export const PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 };

/** One print scale for both print ranges, set by the wider, and the room a page has below the repeated
 * header row, in the sheet's points. */
export function printGeometry(b: SheetBuilder): { scale: number; pageHeight: number } {
  const { columns, col } = b;
  const widthOf = (from: number, to: number) => columns.list.slice(from, to + 1).reduce((sum, c) => sum + c.width, 0);
  const scale = printScale(Math.max(widthOf(0, col(PRINTED_THROUGH).index), widthOf(col('inputId').index, columns.list.length - 1)), PRINT_MARGINS);
  return { scale, pageHeight: pageRoom(scale, PRINT_MARGINS) - TITLE_ROW_HEIGHT };
}

export interface BelowTable {
  lastPrintedRow: number;
  /** runs of rows a page break may not split */
  keepTogether: [number, number][];
  /** rows that start a page whatever the room (a tall item's parts) */
  forcedStarts: number[];
}

export function planBelowTable(b: SheetBuilder, rubric: Rubric, policy: Policy | undefined, planned: PlannedItems): BelowTable {
  const { t, col, put, text, merges, minimumHeights } = b;
  const { items, tallGroups, lastRow } = planned;
  const printedLetter = col(PRINTED_THROUGH).letter;
  // below the table, on the printed pages: the official 备注 as the table's last row, the readings,
  // and the signature block the official forms carry —
  const across = (r: number) => merges.push(`A${r}:${printedLetter}${r}`);
  let belowRow = lastRow;
  if (rubric.footer?.text) {
    belowRow++;
    put(belowRow, 0, text(rubric.footer.text, 'text'));
    for (let c = 1; c <= col(PRINTED_THROUGH).index; c++) put(belowRow, c, { style: 'text' });
    across(belowRow);
  }
  // 口径说明: the table's and the policy's readings, merged and wrapped so they print
  const tableReadings = readingsOf(rubric, { ...(policy && { policy }) }).filter((r) => r.source !== 'clause');
  belowRow += 2;
  const readingTitleRow = belowRow;
  put(belowRow, 0, { value: t.readingsTitle, style: 'readingTitle' });
  across(belowRow);
  for (const reading of tableReadings) {
    belowRow++;
    put(belowRow, 0, text(readingLine(reading), 'reading'));
    across(belowRow);
  }
  belowRow += 2;
  put(belowRow, 0, { value: t.signatures, style: 'signature' });
  across(belowRow);
  minimumHeights[belowRow] = 36;
  const lastPrintedRow = belowRow;
  // runs of rows a page break may not split: the header block, each item, each row below the table
  // (a title with the line after it, the signatures with the blank row above them)
  const keepTogether: [number, number][] = [
    [1, HEADER_ROW],
    ...items.flatMap((it): [number, number][] => tallGroups.get(it.itemNo) ?? [[it.firstRow, it.lastRow]]),
  ];
  const forcedStarts = [...tallGroups.values()].flatMap((groups) => groups.map(([first]) => first));
  for (let r = lastRow + 1; r <= lastPrintedRow; r++) {
    const joined = r === readingTitleRow || r === lastPrintedRow - 1;
    keepTogether.push(joined ? [r, r + 1] : [r, r]);
    if (joined) r++;
  }

  return { lastPrintedRow, keepTogether, forcedStarts };
}

/**
 * 类别 merged over its items page by page, its name at the top of each page's part (a merged cell
 * prints its text only where it starts); a part's name may make its rows taller and so move the
 * breaks: laid out again until they stay.
 */
export function planPages(
  b: SheetBuilder,
  rubric: Rubric,
  planned: PlannedItems,
  below: BelowTable,
  scale: number,
  pageHeight: number,
): { pageBreaks: number[]; rowHeights: Record<number, number> } {
  const { columns, col, at, put, text, grid, merges, minimumHeights } = b;
  const { items, sections, tallGroups, lastRow } = planned;
  const { keepTogether, forcedStarts } = below;
  let pageBreaks: number[] = [];
  let rowHeights: Record<number, number> = {};
  const plainMerges = [...merges];
  for (let pass = 0; pass < 4; pass++) {
    const parts = sections.flatMap((section) =>
      partsOf(section.first, section.last, pageBreaks).map(([first, last]) => ({ name: section.name, first, last })),
    );
    for (let r = FIRST_ITEM_ROW; r <= lastRow; r++) put(r, 'section', { style: 'center' });
    for (const part of parts) put(part.first, 'section', text(part.name, 'center'));
    const pageMerges = parts.filter((p) => p.last > p.first).map((p) => `${at('section', p.first)}:${at('section', p.last)}`);
    // an item's own columns merged over its rows; an item taller than a page, page by page, with its
    // 指标释义 and 计分方法 cut into the pieces each page's part holds
    rubric.items.forEach((item, k) => {
      const cells = items[k]!;
      const itemParts = tallGroups.get(item.no) ?? partsOf(cells.firstRow, cells.lastRow, pageBreaks);
      for (const [first, last] of itemParts) {
        if (last > first) for (const key of ITEM_COLUMNS) if (columns.at[key]) pageMerges.push(`${at(key, first)}:${at(key, last)}`);
      }
      // each part of a tall item starts a page of its own
      const heightOf = () => 0.95 * pageHeight;
      // a continued item's 序号 on each later page: 4（续）
      for (let r = cells.firstRow + 1; r <= cells.lastRow; r++) put(r, 'no', { style: 'text' });
      itemParts.slice(1).forEach(([first]) => put(first, 'no', text(`${item.no}（续）`, 'center')));
      for (const key of ['definition', 'method'] as const) {
        for (let r = cells.firstRow; r <= cells.lastRow; r++) put(r, key, { style: 'text' });
        const pieces = itemParts.length === 1 ? [item[key]] : splitToFit(item[key], col(key).width, itemParts.map(heightOf));
        pieces.forEach((piece, p) => put(itemParts[p]![0], key, text(piece, 'text')));
      }
    });
    merges.splice(0, merges.length, ...plainMerges, ...pageMerges);
    rowHeights = fitRowHeights(
      grid,
      merges,
      columns.list.map((c) => c.width),
      STYLES,
      minimumHeights,
    );
    const next = pageStarts(keepTogether, (r) => rowHeights[r] ?? DEFAULT_ROW_HEIGHT, [HEADER_ROW], scale, PRINT_MARGINS, forcedStarts);
    const settled = next.join() === pageBreaks.join();
    pageBreaks = next;
    if (settled) break;
  }
  return { pageBreaks, rowHeights };
}
