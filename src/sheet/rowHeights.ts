import { MAX_ROW_HEIGHT } from './excelLimits';
import { parseRange, type Rect } from './memory/a1';
import { textHeight } from './textHeight';
import type { CellStyle, PlanCell } from './types';

/**
 * Row heights (points, by 1-based row) that show every wrapped text of the grid whole: a cell alone in
 * its row makes the row tall enough for it; a cell merged over several rows (an item's 计分方法 over its
 * clause rows) needs the rows together to be tall enough, and any shortfall goes to the merge's last
 * row, and what would take a row over Excel's 409 points goes to the rows above it, from the bottom up.
 * No row is ever over 409 points ("Row height: 409 points", support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * a single-row text that needs more is cut at 409 (the print plan cuts long texts into row pieces before that).
 * Merged columns count as one width. `minimum` holds heights the plan wants at least (the title).
 */
export function fitRowHeights(
  grid: (PlanCell | null)[][],
  merges: string[],
  columnWidths: number[],
  styles: Record<string, CellStyle>,
  minimum: Record<number, number>,
): Record<number, number> {
  const heights: Record<number, number> = { ...minimum };
  const mergeAt = new Map<string, Rect>();
  for (const merge of merges) {
    const rect = parseRange(merge);
    mergeAt.set(`${rect.top},${rect.left}`, rect);
  }
  const tall: { rect: Rect; need: number }[] = [];
  grid.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell || !('value' in cell) || cell.value === '') return;
      const style = cell.style ? styles[cell.style] : undefined;
      if (!style?.wrap) return;
      const rect = mergeAt.get(`${r},${c}`) ?? { top: r, left: c, bottom: r, right: c };
      let width = 0;
      for (let k = rect.left; k <= rect.right; k++) width += columnWidths[k] ?? 0;
      const need = textHeight(String(cell.value), width, style.fontSize);
      if (rect.bottom === rect.top) heights[r + 1] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[r + 1] ?? 0, need));
      else tall.push({ rect, need });
    }),
  );
  for (const { rect, need } of tall) {
    let have = 0;
    // every row of a merge gets a height of its own, so that no spreadsheet's default decides it
    for (let r = rect.top; r <= rect.bottom; r++) have += heights[r + 1] ??= DEFAULT_ROW_HEIGHT;
    let short = Math.ceil(need - have);
    for (let r = rect.bottom; r >= rect.top && short > 0; r--) {
      const grow = Math.min(short, MAX_ROW_HEIGHT - heights[r + 1]!);
      if (grow <= 0) continue;
      heights[r + 1] = heights[r + 1]! + grow;
      short -= grow;
    }
  }
  for (const row of Object.keys(heights)) heights[Number(row)] = Math.min(MAX_ROW_HEIGHT, heights[Number(row)]!);
  return heights;
}

/** The height of a row no one sized (Excel's at 11 pt). */
export const DEFAULT_ROW_HEIGHT = 15;
