import { cellAddress, parseRange, type Rect } from './memory/a1';
import type { PlanCell } from './types';

function areaOf(range: string): Rect | null {
  try {
    return parseRange(range);
  } catch {
    return null;
  }
}

const holdsContent = (cell: PlanCell | null | undefined): boolean => cell !== null && cell !== undefined && ('value' in cell || 'formula' in cell);

/**
 * What a sheet plan gets wrong about its own cells: merges that overlap (Excel, ExcelJS and Office.js
 * refuse a cell merged twice: "Cannot merge already merged cells"), a merge that is not an A1 range, and
 * a value or formula under a merge but not at its top-left cell (a merged cell shows only that one, the
 * rest would be lost). Empty when the plan is sound.
 */
export function mergeConflicts(merges: readonly string[], grid: readonly (readonly (PlanCell | null)[])[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const range of merges) {
    const area = areaOf(range);
    if (!area) {
      problems.push(`合并区域 ${range} 不是 A1 区域`);
      continue;
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const address = cellAddress(r, c);
        const earlier = owner.get(address);
        if (earlier !== undefined) problems.push(`${address} 同时在合并区域 ${earlier} 与 ${range} 中`);
        else owner.set(address, range);
        const anchor = r === area.top && c === area.left;
        if (!anchor && holdsContent(grid[r]?.[c])) problems.push(`${address} 在合并区域 ${range} 中却另有内容`);
      }
    }
  }
  return problems;
}

/** Records the values and formulas put into a plan's grid and reports an address given two of them (a
 * style-only cell clears the address for a next one, as a layout pass that is redone does). */
export class CellClaims {
  private readonly claimed = new Set<string>();
  readonly problems: string[] = [];

  put(row: number, column: number, cell: PlanCell): void {
    const address = cellAddress(row - 1, column);
    if (!holdsContent(cell)) this.claimed.delete(address);
    else if (this.claimed.has(address)) this.problems.push(`${address} 被安排了两个内容`);
    else this.claimed.add(address);
  }
}
