// The roster scores each row as `mib score` scores the same facts alone (issue 14's "Done when"): random
// facts for every bundled table, written to a CSV without the peer columns (those need the peers), each
// row compared item by item with `mib score --json` of its facts, and its grade and refund under a
// policy of the table's scale.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRubric, peerClauses, rubricIds } from '../../src/core';
import { mibWith } from '../support/mibRunner';
import { factsOf } from '../support/randomFacts';
import { rosterJsonOf, scratch, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-score-');
const ROWS = 12;
// a policy on each table's scale, or with --convert (威海's 795 points on 吉林's 100)
const POLICY: Record<string, string[]> = {
  'cq-jiangbei-2025-hospital': ['--policy', 'cq-jiangbei-2025'],
  'cq-jiangbei-2025-pharmacy': ['--policy', 'cq-jiangbei-2025'],
  'weihai-2021-hospital-l2': ['--policy', 'jilin-2025', '--convert'],
  'weihai-2021-hospital-l1': ['--policy', 'jilin-2025', '--convert'],
};

describe('mib roster: each row as mib score of the same facts', () => {
  it.each(rubricIds)('%s', async (rubricId) => {
    const rubric = getRubric(rubricId);
    const peerIds = new Set(peerClauses(rubric).map((c) => c.inputId));
    const samples = fc.sample(factsOf(rubric), { numRuns: ROWS, seed: 1414 }).map((facts) => {
      const kept = Object.entries(facts).filter(([id, value]) => !peerIds.has(id) && value !== undefined);
      return Object.fromEntries(kept);
    });
    const deposit = (i: number) => 10000 + i * 2500;
    const csv = writeCsv(
      path(`${rubricId}.csv`),
      samples.map((facts, i) => ({ 机构编码: `R${i}`, 机构名称: `机构${i}`, 质量保证金: deposit(i), ...facts })),
    );
    const policy = POLICY[rubricId] ?? [];
    const roster = await rosterJsonOf(rubricId, '--input', csv, ...policy);
    expect(roster.json.problems).toEqual([]);
    expect(roster.json.institutions).toHaveLength(ROWS);
    samples.forEach((facts, i) => {
      const score = mibWith({ 'facts.json': JSON.stringify(facts) })(
        'score',
        rubricId,
        '--input',
        'facts.json',
        ...policy,
        '--deposit',
        String(deposit(i)),
        '--json',
      );
      expect(score.code, score.err).toBe(0);
      const alone = JSON.parse(score.out) as {
        total: number;
        items: { id: string; score: number; overCap: number }[];
        vetoItems: string[];
        gradeText: string;
        refundText?: string;
        conversion?: { score: number };
      };
      const row = roster.json.institutions[i]!;
      expect(row.code).toBe(`R${i}`);
      expect(row.total).toBe(alone.conversion?.score ?? alone.total);
      expect(row.items).toEqual(alone.items.map((item) => expect.objectContaining({ id: item.id, score: item.score, overCap: item.overCap })));
      expect(row.vetoItems).toEqual(alone.vetoItems);
      expect(row.gradeText).toBe(alone.gradeText);
      expect(row.refundText).toBe(alone.refundText);
    });
    // the sample is not all alike (江北's random rows are mostly vetoed to 0, their items still differ)
    expect(new Set(roster.json.institutions.map((r) => JSON.stringify(r.items))).size).toBeGreaterThan(1);
  });
});
