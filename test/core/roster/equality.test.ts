import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, evaluate, getPolicy, getRubric, peerClauses, type Policy, scoreRoster } from '../../../src/core';
import { factsOf } from '../../support/randomFacts';
import { rosterOf } from './rosterTable';

const tables: [string, Policy | undefined][] = [
  ['cq-jiangbei-2025-hospital', getPolicy('cq-jiangbei-2025')],
  ['cq-jiangbei-2025-pharmacy', getPolicy('cq-jiangbei-2025')],
  ['weihai-2021-hospital-l1', undefined],
  ['weihai-2021-hospital-l2', undefined],
];

// the roster's per-row scores are evaluate()'s and assess()'s of the same facts, for every bundled table,
// when no peer clause is in the roster (those are what the roster adds)
describe.each(tables)('roster rows score as one-institution sheets: %s', (id, policy) => {
  const rubric = getRubric(id);
  const peerIds = new Set(peerClauses(rubric).map((c) => c.inputId));
  const ownFacts = factsOf(rubric).map((facts) => Object.fromEntries(Object.entries(facts).filter(([k]) => !peerIds.has(k))));

  it('totals, items, grades and refunds equal evaluate and assess', () => {
    fc.assert(
      fc.property(fc.array(ownFacts, { minLength: 1, maxLength: 8 }), (rows) => {
        const roster = rosterOf(rows.map((facts, i) => ({ 机构编码: `X${i}`, 机构名称: `机构${i}`, 质量保证金: 20000, ...facts })));
        // every input column in the header, even where all rows left it blank
        const result = scoreRoster(rubric, roster, policy);
        expect(result.problems).toEqual([]);
        rows.forEach((facts, i) => {
          const alone = evaluate(rubric, facts);
          const row = result.institutions[i]!;
          expect(row.total.toString()).toBe(alone.total.toString());
          expect(row.items.map((it) => it.score.toString())).toEqual(alone.items.map((it) => it.score.toString()));
          expect(row.missing).toEqual(alone.missing);
          expect(row.vetoItems).toEqual(alone.vetoItems);
          if (policy) {
            const graded = assess(rubric, alone, policy, { deposit: 20000 });
            expect(row.gradeText).toBe(graded.gradeText);
            expect(row.refund?.toFixed(2)).toBe(graded.refund?.amount.toFixed(2));
          }
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('peer clauses in every bundled table', () => {
  it('each declares its peer computation', () => {
    const declared = Object.fromEntries(tables.map(([id]) => [id, peerClauses(getRubric(id)).map((c) => `${c.inputId}:${c.peer.kind}`)]));
    expect(declared).toEqual({
      'cq-jiangbei-2025-hospital': ['23.1:ranking'],
      'cq-jiangbei-2025-pharmacy': ['15.1:ranking'],
      'weihai-2021-hospital-l1': [
        '22.1:tiers',
        '24.1:lowBand',
        '24.2:lowBand',
        '25.1:lowBand',
        '26.1:intervals',
        '26.2:intervals',
        '27.1:intervals',
        '28.1:intervals',
        '29.1:lowBand',
      ],
      'weihai-2021-hospital-l2': [
        '25.1:lowBand',
        '25.2:lowBand',
        '26.1:lowBand',
        '27.1:intervals',
        '27.2:intervals',
        '28.1:intervals',
        '29.1:intervals',
        '30.1:lowBand',
      ],
    });
  });
});

describe('a one-institution sheet keeps the value typed by hand', () => {
  it('威海 二级 27.1 declares its peer intervals, and a typed 第二区间 still deducts 2; 江北 23.1 a typed rank 2 still earns 3', () => {
    const l2 = getRubric('weihai-2021-hospital-l2');
    expect(peerClauses(l2).find((c) => c.inputId === '27.1')!.peer.kind).toBe('intervals');
    const typed = evaluate(l2, { '27.1': '第二区间', '27.2': 1 });
    expect(typed.items.find((i) => i.id === '27')!.score.toNumber()).toBe(8);
    const jiangbei = getRubric('cq-jiangbei-2025-hospital');
    expect(
      evaluate(jiangbei, { '23.1': 2 })
        .items.find((i) => i.id === '23')!
        .score.toNumber(),
    ).toBe(3);
  });
});
