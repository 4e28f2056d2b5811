import { parseRange, type Rect } from './memory/a1';
import { textHeight } from './textHeight';
import type { CellStyle, PlanCell } from './types';

/**
 * Row heights (points, by 1-based row) that show every wrapped text of the grid whole: a cell alone in
 * its row makes the row tall enough for it; a cell merged over several rows (an item's 计分方法 over its
 * clause rows) needs the rows together to be tall enough, and any shortfall goes to the merge's last
 * row. Merged columns count as one width. `minimum` holds heights the plan wants at least (the title).
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
      if (rect.bottom === rect.top) heights[r + 1] = Math.max(heights[r + 1] ?? 0, need);
      else tall.push({ rect, need });
    }),
  );
  for (const { rect, need } of tall) {
    let have = 0;
    // every row of a merge gets a height of its own, so that no spreadsheet's default decides it
    for (let r = rect.top; r <= rect.bottom; r++) have += heights[r + 1] ??= DEFAULT_ROW_HEIGHT;
    if (have < need) heights[rect.bottom + 1] = (heights[rect.bottom + 1] ?? DEFAULT_ROW_HEIGHT) + Math.ceil(need - have);
  }
  return heights;
}

/** The height of a row no one sized (Excel's at 11 pt). */
export const DEFAULT_ROW_HEIGHT = 15;
