import type { Rubric } from '../core';

export type Item = Rubric['items'][number];

/** An item as the picker lists it: 序号, code where the table prints one, name. */
export const nameOf = (item: Item) => `${item.no}${item.code ? ` ${item.code}` : ''} ${item.indicator}`;

/** The items that match what was typed: by 序号 (that item first, then those it starts), code or any
 * part of the name; nothing typed lists them all. */
export function matchingItems(items: readonly Item[], query: string): Item[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...items];
  const matches = items.filter(
    (item) =>
      item.no.startsWith(q) ||
      (item.code ?? '').toLowerCase().includes(q) ||
      item.indicator.toLowerCase().includes(q) ||
      nameOf(item).toLowerCase() === q,
  );
  // “1” puts item 1 before 10–19
  return [...matches.filter((item) => item.no === q), ...matches.filter((item) => item.no !== q)];
}
