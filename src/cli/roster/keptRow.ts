import type { RosterItemScore, RosterRowResult } from '../../core/roster/types';

const NONE: never[] = [];

/**
 * What `mib roster` keeps of a row once it is scored and written (a 100,000-row roster kept whole is
 * several gigabytes): what the summary, the readings, the text report and the problems read (the
 * institution, total, grade, money, vetoes, problems). The workbook's 汇总名单 is planned from the kept rows
 * once all are scored (a column appears when some row needs it), so `forSheet` keeps its columns too: the
 * item scores (one shared object for each item and score: most rows share most of them) and the peer
 * readings; the rest is let go.
 */
export function keptRow(row: RosterRowResult, forSheet: boolean, shared: Map<string, RosterItemScore>): RosterRowResult {
  const { institution } = row;
  return {
    ...row,
    institution: { ...institution, facts: {} },
    items: forSheet ? row.items.map((item) => sharedItem(item, shared)) : NONE,
    peer: forSheet ? row.peer : NONE,
    missing: forSheet ? row.missing : NONE,
  };
}

function sharedItem(item: RosterItemScore, shared: Map<string, RosterItemScore>): RosterItemScore {
  const key = `${item.id}\u0000${item.score.toString()}\u0000${item.overCap.toString()}`;
  const found = shared.get(key);
  if (found) return found;
  shared.set(key, item);
  return item;
}
