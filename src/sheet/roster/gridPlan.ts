import { textHeight } from '../textHeight';
import type { CellStyle, GridPlan } from '../types';
import { rosterPageSetup } from './print';
import { ROSTER_STYLES } from './styles';

/** What a roster sheet says of itself; the rest of its GridPlan is the same on every roster sheet. */
type RosterSheetParts = Omit<GridPlan, 'styles' | 'merges' | 'validations' | 'conditionalFormats' | 'names' | 'pageSetup'> &
  Partial<Pick<GridPlan, 'conditionalFormats' | 'merges'>> & {
    /** the rows (1 to `rows`) and columns (A to the `columns`th) printed on every page */
    printTitles?: { rows?: number; columns?: number };
    /** a fixed scale and page breaks instead of fitting across (汇总统计: a table and its chart a page) */
    printScale?: { scale: number; pageBreaks: number[] };
  };

/** A roster sheet's GridPlan: the roster's named styles, and no merges, validations or names (a roster
 * sheet is read and filtered, never filled in); conditional formats only where the sheet gives some; the
 * print setup every roster sheet has (A4 landscape, fitted across, titles repeated: rosterPageSetup). */
export function rosterGridPlan({ printTitles, printScale, ...parts }: RosterSheetParts): GridPlan {
  return {
    styles: ROSTER_STYLES,
    merges: [],
    validations: [],
    conditionalFormats: [],
    names: [],
    pageSetup: rosterPageSetup(
      parts.columns.map((column) => column.width),
      printTitles,
      printScale,
    ),
    ...parts,
    rowHeights: { ...parts.rowHeights, ...wrappedRowHeights(parts) },
  };
}

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * The height each grid row with wrapped text needs (a header in a narrow column, a reading of a paragraph),
 * so that no printed cell is cut: a row with a height set does not grow, and LibreOffice does not grow
 * rows of a file that gives none. A height the sheet gives itself is kept, when taller.
 */
function wrappedRowHeights(parts: Pick<GridPlan, 'grid' | 'columns' | 'rowHeights'>): Record<number, number> {
  const styles: Record<string, CellStyle> = ROSTER_STYLES;
  const heights: Record<number, number> = {};
  parts.grid.forEach((row, r) => {
    let tallest = 0;
    row.forEach((cell, c) => {
      const style = cell?.style === undefined ? undefined : styles[cell.style];
      if (!cell || !('value' in cell) || typeof cell.value !== 'string' || !style?.wrap) return;
      tallest = Math.max(tallest, textHeight(cell.value, parts.columns[c]?.width ?? 8.43, style.fontSize));
    });
    const given = parts.rowHeights[r + 1] ?? 0;
    if (tallest > given) heights[r + 1] = Math.min(MAX_ROW_HEIGHT, tallest);
  });
  return heights;
}
