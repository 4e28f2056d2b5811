/** An institution as the 汇总 tab lists it, by its index in the roster result. */
export interface Listed {
  index: number;
  code: string;
  name: string;
}

/** What the institution picker shows for a query: the first `limit` matches and how many more there are
 * (a roster of thousands must not put thousands of options in the page). */
export interface Matches {
  shown: Listed[];
  more: number;
}

/**
 * The institutions whose code or name holds what was typed (codes case-insensitive): an exact code
 * first, then codes that start with it, then the rest in roster order. Nothing typed lists from the top.
 */
export function matchingInstitutions(list: readonly { code: string; name: string }[], query: string, limit = 50): Matches {
  const q = query.trim().toLowerCase();
  const ranked: { listed: Listed; rank: number }[] = [];
  list.forEach(({ code, name }, index) => {
    const c = code.toLowerCase();
    const rank = q === '' ? 2 : c === q ? 0 : c.startsWith(q) ? 1 : c.includes(q) || name.toLowerCase().includes(q) ? 2 : -1;
    if (rank >= 0) ranked.push({ listed: { index, code, name }, rank });
  });
  // a stable sort: within a rank, roster order
  ranked.sort((a, b) => a.rank - b.rank);
  return { shown: ranked.slice(0, limit).map((r) => r.listed), more: Math.max(0, ranked.length - limit) };
}
