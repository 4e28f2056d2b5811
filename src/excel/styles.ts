/// <reference types="office-js" />
import { type Rect, parseRange, rangeAddress } from '../sheet/memory/a1';
import type { CellStyle, GridPlan } from '../sheet/types';

/** The formatting that is set through Range.format (number formats go with the cell arrays). */
export type AreaStyle = Omit<CellStyle, 'numberFormat'>;

/** One style and the cells that carry it, as comma-separated address lists for worksheet.getRanges. */
export interface StyleGroup {
  style: AreaStyle;
  areas: string[];
}

/**
 * Office.js rejects a getRanges address list somewhere past ~8,000 characters (office-js #5198, no
 * documented limit): keep each list well below that.
 */
const MAX_AREAS_ADDRESS = 2000;

/**
 * Groups the plan's cells by identical formatting (whatever the style's name), turns each group into
 * few rectangles (runs in a row, stacked while the next row has the same run) and packs those into
 * getRanges address lists. Cells hidden under a merge take the merge's top-left style, so borders
 * and fills cover the whole merged area.
 */
export function styleGroups(plan: GridPlan): StyleGroup[] {
  const styleAt = styleLookup(plan);
  const groups = new Map<string, { style: AreaStyle; rects: Rect[]; open: Map<string, Rect> }>();
  const rows = plan.grid.length;
  const columns = Math.max(plan.columnCount, ...plan.grid.map((row) => row.length), 0);

  for (let r = 0; r < rows; r++) {
    const runs = new Map<string, { style: AreaStyle; left: number; right: number }[]>();
    for (let c = 0; c < columns; c++) {
      const style = styleAt(r, c);
      if (!style) continue;
      const key = styleKey(style);
      const list = runs.get(key) ?? [];
      const last = list.at(-1);
      if (last && last.right === c - 1) last.right = c;
      else list.push({ style, left: c, right: c });
      runs.set(key, list);
    }
    for (const [key, list] of runs) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { style: list[0]!.style, rects: [], open: new Map() }));
      const next = new Map<string, Rect>();
      for (const run of list) {
        const span = `${run.left}:${run.right}`;
        const above = group.open.get(span);
        // a rectangle grows only while the row just above had the same run
        if (above && above.bottom === r - 1) {
          above.bottom = r;
          next.set(span, above);
        } else {
          const rect = { top: r, left: run.left, bottom: r, right: run.right };
          group.rects.push(rect);
          next.set(span, rect);
        }
      }
      group.open = next;
    }
  }
  return [...groups.values()].map(({ style, rects }) => ({ style, areas: packAddresses(rects.map(rangeAddress)) }));
}

/** Sets a style on a range or on several areas at once. */
export function applyStyle(format: Excel.RangeFormat, style: AreaStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontal !== undefined) format.horizontalAlignment = capitalized(style.horizontal);
  if (style.vertical !== undefined) format.verticalAlignment = capitalized(style.vertical);
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
  // cells are locked by default: only the input cells are set
  if (style.locked === false) format.protection.locked = false;
}

/** The formatting of each cell, or undefined where nothing needs setting. */
function styleLookup(plan: GridPlan): (row: number, col: number) => AreaStyle | undefined {
  const mergeOwner = new Map<string, string>();
  for (const merge of plan.merges) {
    const rect = parseRange(merge);
    const owner = plan.grid[rect.top]?.[rect.left]?.style;
    if (owner === undefined) continue;
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) mergeOwner.set(`${r},${c}`, owner);
    }
  }
  return (row, col) => {
    const name = plan.grid[row]?.[col]?.style ?? mergeOwner.get(`${row},${col}`);
    if (name === undefined) return undefined;
    const { numberFormat: _numberFormat, locked, ...rest } = plan.styles[name] ?? {};
    const style: AreaStyle = locked === false ? { ...rest, locked } : rest;
    return Object.keys(style).length === 0 ? undefined : style;
  };
}

function styleKey(style: AreaStyle): string {
  return JSON.stringify(Object.entries(style).sort(([a], [b]) => a.localeCompare(b)));
}

function packAddresses(addresses: string[]): string[] {
  const lists: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > MAX_AREAS_ADDRESS) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

function capitalized<T extends string>(word: T): Capitalize<T> {
  return (word.charAt(0).toUpperCase() + word.slice(1)) as Capitalize<T>;
}
