// The roster (issue 14): 10,000 威海 二级 institutions scored together, peer clauses included (their
// columns hold raw measures), in two groups of 级别. Prints the time of each part (wall and CPU) and the
// peak RSS; asserts nothing. In this process, after the other sections: bench/rosterStages.ts runs the same
// in a fresh process, as `mib roster` does.
import { getRubric, peerClauses, type RosterTable, scoreRoster } from '../src/core';
import { readInstitutions } from '../src/core/roster/institutions';
import { computePeers } from '../src/core/roster/peerValues';
import { peerOptionsOf } from '../src/core/roster/peer/options';
import { roster } from './core';
import { timed } from './measure';

/** `count` 威海 二级 institutions with random facts, a measure in every peer column, two groups of 级别. */
export function weihaiRosterTable(count: number): RosterTable {
  const rubric = getRubric('weihai-2021-hospital-l2');
  const facts = roster(rubric, count);
  const peerIds = new Set(peerClauses(rubric).map((c) => c.inputId));
  // a peer column holds the measure: a rate from −30% to 70% (growth) or 0–40% (自费率, 占比)
  facts.forEach((row, i) => {
    for (const id of peerIds) row[id] = Math.round(((i * 7919 + id.length * 104729) % 1000) - 300) / 1000;
  });
  for (const row of facts) for (const id of ['25.1', '25.2', '26.1', '30.1']) row[id] = Math.abs(row[id] as number) * 0.4;
  const ids = Object.keys(facts[0] ?? {});
  return {
    header: ['机构编码', '机构名称', '级别', ...ids],
    rows: facts.map((row, i) => [`W${i}`, `医院${i}`, i % 2 ? '二级' : '三级', ...ids.map((id) => row[id])]),
    cellName: (r, c) => `R${r + 2}C${c + 1}`,
  };
}

export async function benchRoster(count = 10000): Promise<void> {
  const rubric = getRubric('weihai-2021-hospital-l2');
  const peerIds = new Set(peerClauses(rubric).map((c) => c.inputId));
  const table = weihaiRosterTable(count);
  const read = await timed(`roster: read ${count} rows`, () => readInstitutions(rubric, table));
  await timed(`roster: ${peerIds.size} peer clauses over 2 groups`, () => computePeers(rubric, read.institutions, read.columns, peerOptionsOf()));
  const result = await timed(`roster: scoreRoster of ${count} 威海 二级 institutions (read, peers, evaluate, summary)`, () =>
    scoreRoster(rubric, table),
  );
  console.log(`roster: problems ${result.problems.length}`);
}
