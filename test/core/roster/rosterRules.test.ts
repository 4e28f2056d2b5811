// 名单规则 applied by scoreRoster (src/core/roster/rosterRules.ts): the share as a count under each rounding,
// equal scores at the cut under each ties reading, who is left out of the ranking, and groups by 级别/类型.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bulletin,
  institutionJson,
  type Policy,
  PolicySchema,
  publicList,
  readPreviousYear,
  type RosterRowResult,
  RubricSchema,
  scoreRoster,
  withConsequences,
} from '../../../src/core';
import { rosterOf } from './rosterTable';

// the guide's worked table and policy (docs/编写考核表与政策.md, sections 三 and 五): 30 + 40 + 考核组 score
const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');
// (its first table and first policy: later sections add complete files of their own)
const complete = [...guide.matchAll(/^ *```json 完整文件\n([\s\S]*?)^ *```$/gm)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
const tableJson = complete[0];
const policyJson = complete.find((file) => file.kind === 'policy');
const rubric = RubricSchema.parse(tableJson);
const policyWith = (...rules: Record<string, unknown>[]): Policy => PolicySchema.parse({ ...policyJson, rosterRules: rules });
const bottom = { rank: 'bottom', consequence: '暂停', text: '排名后的，暂停' };

/** One institution a score: 70 + points (points 0–30); fields and facts may be overridden. */
const row = (code: string, points: number | string, more: Record<string, unknown> = {}) => ({
  机构编码: code,
  机构名称: `${code}医院`,
  '1.1': false,
  '2.1': 0,
  '2.2': false,
  '3.1': 0.9,
  '4.1': points,
  '5.1': 0,
  ...more,
});
const scored = (rows: Record<string, unknown>[], policy: Policy) => scoreRoster(rubric, rosterOf(rows), policy);
const markedOf = (result: ReturnType<typeof scored>) => result.institutions.filter((r) => r.consequences).map((r) => r.institution.code);

describe('名单规则 in scoreRoster', () => {
  it('turns a share into a count as rounding says: 30% of 7 is 2.1 → 2 (round, floor) or 3 (ceil)', () => {
    const rows = [5, 1, 7, 3, 6, 2, 4].map((p, i) => row(`C${i + 1}`, p));
    for (const [rounding, codes] of [
      ['round', ['C2', 'C6']],
      ['floor', ['C2', 'C6']],
      ['ceil', ['C2', 'C6', 'C4']],
    ] as const) {
      const result = scored(rows, policyWith({ ...bottom, share: 0.3, rounding }));
      expect(result.rules![0]!.marked).toEqual(codes);
      expect(markedOf(result).sort()).toEqual([...codes].sort());
    }
    const top = scored(rows, policyWith({ ...bottom, rank: 'top', share: 0.3 }));
    expect(top.rules![0]!.marked).toEqual(['C3', 'C5']);
    expect(top.institutions.find((r) => r.institution.code === 'C3')!.consequences![0]).toMatchObject({ place: 1, of: 7, rank: 'top' });
  });

  it('equal scores across the cut: all marked (include, the default) or none (exclude), and the lines say so', () => {
    const rows = [0, 0, 5, 6, 7, 8, 9, 10, 11, 12].map((p, i) => row(`T${i + 1}`, p));
    const include = scored(rows, policyWith({ ...bottom, count: 1 }));
    expect(include.rules![0]).toMatchObject({ target: 1, marked: ['T1', 'T2'] });
    expect(include.rules![0]!.lines.join('\n')).toContain('得分相同跨越分界，并列的都列入，共 2 家');
    expect(include.institutions[1]!.consequences![0]).toMatchObject({ place: 1 });
    const exclude = scored(rows, policyWith({ ...bottom, count: 1, ties: 'exclude' }));
    expect(exclude.rules![0]!.marked).toEqual([]);
    expect(exclude.rules![0]!.lines[1]).toBe('  得分相同跨越分界，并列跨越分界的都不列入：按此无机构列入“暂停”');
    expect(markedOf(exclude)).toEqual([]);
    // ties inside the cut change nothing: the 2 lowest of count 2
    expect(scored(rows, policyWith({ ...bottom, count: 2, ties: 'exclude' })).rules![0]!.marked).toEqual(['T1', 'T2']);
  });

  it('leaves out a withheld grade (暂不评定) and a special case; ranks a 暂评 one, marking it provisional', () => {
    const rows = [
      row('W', 0, { '3.1': '九成' }), // an invalid fact: withheld
      row('S', 1, { 情形: '申请终止无违规' }),
      row('P', 2, { '5.1': undefined }), // a blank fact: 暂评
      ...[10, 11, 12, 13].map((p, i) => row(`R${i}`, p)),
    ];
    const policy = PolicySchema.parse({
      ...policyJson,
      specialCases: { requestedTerminationClean: { text: '申请终止协议且无违规的' } },
      rosterRules: [{ ...bottom, count: 1 }],
    });
    const outcome = scored(rows, policy).rules![0]!;
    expect(outcome).toMatchObject({
      ranked: 5,
      excluded: { withheld: 1, special: 1, subordinate: 0, ungraded: 0 },
      marked: ['P'],
      provisional: true,
    });
    expect(outcome.lines.join('\n')).toContain('未参加排名：暂不评定 1 家、考核之外的情形 1 家');
    expect(outcome.lines.join('\n')).toContain('排名中有暂评机构');
  });

  it('group "level" ranks each 级别/类型 apart; a count beyond the group marks all of it', () => {
    const rows = [row('A1', 3, { 级别: '二级' }), row('A2', 4, { 级别: '二级' }), row('B1', 9, { 级别: '一级' })];
    const result = scored(rows, policyWith({ ...bottom, count: 1, group: 'level' }, { ...bottom, consequence: '约谈', count: 5 }));
    expect(result.rules!.map((o) => [o.group, o.marked])).toEqual([
      ['二级', ['A1']],
      ['一级', ['B1']],
      ['', ['A1', 'A2', 'B1']],
    ]);
    expect(result.rules![2]!.lines[0]).toContain('（只有 3 家参加排名）');
    expect(result.institutions[0]!.consequences!.map((c) => c.consequence)).toEqual(['暂停', '约谈']);
  });

  it('a policy without rules gives no outcome and no marks; the readings say how each rule was applied', () => {
    const rows = [row('A', 1), row('B', 2)];
    const none = scoreRoster(rubric, rosterOf(rows), PolicySchema.parse(policyJson));
    expect(none.rules).toBeUndefined();
    const applied = scored(rows, policyWith({ ...bottom, count: 1 }));
    const readings = applied.readings.filter((r) => r.id === 'rosterRules');
    expect(readings).toHaveLength(1);
    expect(readings[0]!.text).toContain('按全部机构的最终得分排名，后 1 家：暂停');
    expect(readings[0]!.text).not.toContain('单张考核表不能判定');
  });
});

describe('the rows 名单规则 hold', () => {
  it('each is given to onHeld as soon as it is scored, marked with last year’s; the rules mark what it returned; onScored gets those', () => {
    const rows = [5, 1, 7].map((p, i) => row(`H${i + 1}`, p));
    const last = readPreviousYear(rubric, rosterOf([{ 机构编码: 'H2', 机构名称: 'H2医院', 最终得分: 75, 等次: '合格' }]), () => []);
    const events: string[] = [];
    const kept = new Map<number, RosterRowResult>();
    const result = scoreRoster(rubric, rosterOf(rows), policyWith({ ...bottom, count: 1 }), {
      previous: last,
      onRow: (done) => events.push(`scored ${done}`),
      onHeld: (whole, index) => {
        events.push(`held ${index}${whole.previous ? ` (上年 ${whole.previous.total?.toNumber()})` : ''}`);
        // what is held in the row's place: a copy without its items
        const copy = { ...whole, items: [] };
        kept.set(index, copy);
        return copy;
      },
      onScored: (marked, index) => {
        events.push(`handed on ${index}${marked.consequences ? ' 暂停' : ''}`);
        expect(marked).toBe(kept.get(index));
      },
    });
    // held as scored, one by one (not whole until the end); handed on, marked, once all are
    expect(events).toEqual([
      'held 0',
      'scored 1',
      'held 1 (上年 75)',
      'scored 2',
      'held 2',
      'scored 3',
      'handed on 0',
      'handed on 1 暂停',
      'handed on 2',
    ]);
    expect(result.institutions.every((r, i) => r === kept.get(i) && r.items.length === 0)).toBe(true);
    expect(result.rules![0]!.marked).toEqual(['H2']);
  });

  it('the JSON made of a row before it was marked, with its marks put in (withConsequences), is institutionJson of the marked row', () => {
    const policy = policyWith({ ...bottom, count: 1 }, { ...bottom, rank: 'top', count: 1, consequence: '表扬' });
    const lastYear = ['J1', 'J2', 'J3'].map((code) => ({ 机构编码: code, 机构名称: `${code}医院`, 最终得分: 75, 等次: '合格' }));
    const last = readPreviousYear(rubric, rosterOf(lastYear), () => []);
    const result = scoreRoster(rubric, rosterOf([row('J1', 5), row('J2', 1), row('J3', 9)]), policy, { previous: last });
    for (const marked of result.institutions) {
      const unmarked = JSON.parse(JSON.stringify(institutionJson({ ...marked, consequences: undefined }))) as Record<string, unknown>;
      // entry for entry and in order: the text is the same
      expect(JSON.stringify(withConsequences(unmarked, marked))).toBe(JSON.stringify(institutionJson(marked)));
    }
    expect(result.institutions.map((r) => r.consequences?.map((c) => c.consequence))).toEqual([undefined, ['暂停'], ['表扬']]);
    // the marks stand before last year's result, as institutionJson writes them
    expect(Object.keys(institutionJson(result.institutions[1]!)).slice(-2)).toEqual(['consequences', 'previous']);
  });
});

describe('名单规则 in the 公示名单 and the 通报', () => {
  it('the institutions a rule marks have its consequence in 处理结果, and the 通报 counts them', () => {
    const rows = [5, 1, 7, 3, 6, 2, 4].map((p, i) => row(`C${i + 1}`, p));
    const policy = policyWith({ ...bottom, count: 2 });
    const result = scored(rows, policy);
    const list = publicList(result, policy);
    const outcome = (code: string) => list.find((r) => r.code === code)!.outcome;
    // the two lowest (C2: 71, C6: 72) are marked; the others are not
    expect(outcome('C2')).toContain('暂停（');
    expect(outcome('C6')).toContain('暂停（');
    expect(outcome('C3')).not.toContain('暂停');
    expect(bulletin(result)).toContain('按考核得分排名：暂停 2 家。');
  });
});
