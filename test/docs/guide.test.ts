// The guide (docs/编写考核表与政策.md) stays true: its complete files pass `mib check`, its clause and
// policy fragments are the bundled files' own, its worked example scores as it says, and every message
// its table quotes is what `mib check` prints for that mistake.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import {
  bundledPolicyIds,
  bundledRubricIds,
  checkFile,
  getPolicy,
  getRubric,
  PolicySchema,
  registerPolicy,
  registerRubric,
  ruleDefinitions,
  RubricSchema,
  unregister,
} from '../../src/core';
import { mibWith } from '../support/mibRunner';

const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');
const blocks = [...guide.matchAll(/^ *```json( [^\n]*)?\n([\s\S]*?)^ *```$/gm)].map((m) => ({ label: (m[1] ?? '').trim(), text: m[2] ?? '' }));
const complete = blocks.filter((b) => b.label === '完整文件').map((b) => JSON.parse(b.text) as Record<string, unknown>);
const fragments = blocks.filter((b) => b.label === '片段');

const bundledClauses = bundledRubricIds.flatMap((id) => getRubric(id).items.flatMap((item) => item.rules));
const bundledGrades = bundledPolicyIds.flatMap((id) => getPolicy(id).grades);

describe('the guide’s JSON', () => {
  it('every json block says whether it is a complete file or a fragment', () => {
    expect(blocks.length).toBeGreaterThan(15);
    expect(blocks.filter((b) => !['完整文件', '片段', '示例片段'].includes(b.label))).toEqual([]);
  });

  it('each complete file passes mib check with no error and no warning', () => {
    expect(complete.map((f) => f.kind)).toContain('rubric');
    expect(complete.map((f) => f.kind)).toContain('policy');
    for (const file of complete) expect(checkFile(file)).toMatchObject({ errors: [], warnings: [] });
  });

  it('each clause fragment is a bundled table’s clause, word for word, and every rule kind has one', () => {
    const clauses = fragments
      .map((b) => JSON.parse(b.text) as { kind?: string })
      .filter((f) => f.kind !== undefined && Object.hasOwn(ruleDefinitions, f.kind));
    for (const clause of clauses) expect(bundledClauses).toContainEqual(clause);
    const kinds = new Set(clauses.flatMap((c) => [c.kind, ...((c as { methods?: { kind: string }[] }).methods ?? []).map((m) => m.kind)]));
    expect([...kinds].sort()).toEqual(Object.keys(ruleDefinitions).sort());
  });

  it('each grade and refund fragment is a bundled policy’s own', () => {
    const parsed = fragments.map((b) => JSON.parse(b.text) as Record<string, unknown>);
    const grades = parsed.filter((f) => 'label' in f);
    const refunds = parsed.filter((f) => f.kind === 'perPointBelow');
    expect(grades.length + refunds.length).toBe(2);
    for (const grade of grades) expect(bundledGrades).toContainEqual(grade);
    for (const refund of refunds) expect(bundledGrades.map((g) => g.refund)).toContainEqual(refund);
  });
});

describe('the guide’s section 十一 (policy kinds regions use)', () => {
  it('each fragment, put into a copy of 吉林’s policy, passes mib check', () => {
    const from = guide.indexOf('## 十一');
    const next = guide.indexOf('\n## ', from + 1);
    const section = guide.slice(from, next < 0 ? undefined : next);
    const parts = [...section.matchAll(/^```json 片段\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
    expect(parts).toHaveLength(3);
    const jilin = JSON.parse(JSON.stringify(getPolicy('jilin-2025'))) as Record<string, any>;
    for (const part of parts) {
      const policy = JSON.parse(JSON.stringify(jilin)) as Record<string, any>;
      if (part.kind === 'withhold') policy.grades[1].refund = part;
      else Object.assign(policy, part);
      if (part.veto) policy.veto = part.veto;
      expect(checkFile({ ...policy, id: 'guide-11' }), JSON.stringify(part)).toMatchObject({ errors: [] });
    }
  });
});

describe('the guide’s worked example (section 十)', () => {
  const table = complete.find((f) => f.id === 'shili-2025-hospital');
  const policy = complete.find((f) => f.id === 'shili-2025');
  registerRubric(RubricSchema.parse(table));
  registerPolicy(PolicySchema.parse(policy));
  afterAll(() => {
    unregister('rubric', 'shili-2025-hospital');
    unregister('policy', 'shili-2025');
  });

  it('scores 77, 合格, 37000.00 of a 50000 deposit, as the guide says', () => {
    const facts = guide.match(/事实\n`(\{[^`]*\})`/)?.[1] ?? '';
    const mib = mibWith({ 'facts.json': facts });
    const { code, out } = mib('score', 'shili-2025-hospital', '--input', 'facts.json', '--policy', 'shili-2025', '--deposit', '50000', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { total: number; grade: string; refundText: string; items: { id: string; score: number }[] };
    expect(json.total).toBe(77);
    expect(json.grade).toBe('合格');
    expect(json.refundText).toBe('37000.00');
    expect(json.items.find((i) => i.id === '2')?.score).toBe(29);
    expect(guide).toContain('总分 77，等次“合格”，返还 50000 × (1 − 13 × 2%) = 37000.00 元');
  });
});

/** What `mib check` prints for a file. */
function checkOutput(file: unknown): string {
  const lines: string[] = [];
  run(['check', 'x.json'], {
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    readFile: () => JSON.stringify(file),
    writeFile: () => undefined,
  });
  return lines.join('\n');
}

describe('the guide’s table of mib check messages (section 九) quotes what mib check prints', () => {
  const starter = (kind: 'table' | 'policy') => JSON.parse(mibWith({})('new', kind).out.replaceAll('【待填】', '')) as Record<string, any>;
  const mistakes: [string, (t: Record<string, any>, p: Record<string, any>) => unknown][] = [
    ['no kind', (t) => (delete t.kind, t)],
    ['no title', (t) => (delete t.title, t)],
    ['title as number', (t) => ((t.title = 1), t)],
    ['no refundFollows', (_t, p) => ((p.downgrade = { reasons: [{ steps: 1, text: '降一档的情形' }] }), p)],
    ['year as text', (t) => ((t.year = '2025'), t)],
    ['unknown field', (t) => ((t.items[1].score = 10), t)],
    ['clause kind', (t) => ((t.items[1].rules[0].kind = 'perTime'), t)],
    ['refund kind', (_t, p) => ((p.grades[0].refund.kind = 'all'), p)],
    ['institution', (t) => ((t.institution = 'clinic'), t)],
    ['input type', (t) => ((t.items[1].rules[0].input.type = 'boolean'), t)],
    ['id', (t) => ((t.id = 'My Table'), t)],
    ['no', (t) => ((t.items[1].no = '二'), t)],
    ['input id', (t) => ((t.items[1].rules[0].input.id = '2-1'), t)],
    ['negative points', (t) => ((t.items[1].rules[0].points = -1), t)],
    ['no rules', (t) => ((t.items[1].rules = []), t)],
    [
      'linear base',
      (t) => (
        (t.items[2].rules[0] = {
          kind: 'linear',
          input: { id: '3.1', label: 'x', type: 'ratio' },
          reference: 0.2,
          direction: 'above',
          step: 0.01,
          pointsPerStep: 1,
          effect: 'earn',
          text: 'x',
        }),
        t
      ),
    ],
    ['repeated no', (t) => ((t.items[2].no = '2'), (t.items[2].rules[0].input.id = '2.3'), t)],
    ['section', (t) => ((t.items[1].section = '基金管理'), t)],
    ['input prefix', (t) => ((t.items[1].rules[0].input.id = '3.1'), t)],
    ['repeated input', (t) => ((t.items[1].rules[1].input.id = '2.1'), t)],
    ['null points', (t) => ((t.items[1].points = null), t)],
    ['gap', (_t, p) => ((p.grades[1].max = 89), p)],
    ['overlap', (_t, p) => ((p.grades[1].max = 91), p)],
    ['top max', (_t, p) => ((p.grades[0].max = 100), p)],
    ['bottom min', (_t, p) => ((p.grades[3].min = 0.5), p)],
    ['min above max', (_t, p) => ((p.grades[1].min = 95), p)],
    ['repeated grade', (_t, p) => ((p.grades[1].label = '优秀'), p)],
    ['veto grade', (_t, p) => ((p.veto.grade = '差'), p)],
    ['veto lifts', (_t, p) => ((p.veto = { effect: 'setScore', score: 90, text: '考核得分按90分计' }), p)],
    ['refund missing', (_t, p) => (delete p.grades[0].refund, p)],
    ['rate as percent', (_t, p) => ((p.grades[1].refund.ratePerPoint = 2), p)],
    ['total', (t) => ((t.total = 100), t)],
    ['unreachable', (t) => ((t.items[2].rules[0].effect = 'earn'), (t.items[2].rules[0].points = 5), t)],
    ['input order', (t) => ((t.items[1].rules[1].input.id = '2.3'), t)],
    ['layout', (t) => ((t.items[1].code = 'B2'), t)],
  ];
  const printed = mistakes.map(([, make]) => checkOutput(make(starter('table'), starter('policy')))).join('\n');
  const placeholder = checkOutput(JSON.parse(mibWith({})('new', 'table').out));

  it('every 错误/警告 line the table quotes is printed for one of the mistakes it names', () => {
    const quoted = [...guide.matchAll(/^\| `((?:错误|警告) [^`]*)`/gm)].map((m) => m[1] ?? '');
    expect(quoted.length).toBeGreaterThan(25);
    const lines = `${printed}\n${placeholder}`.split('\n');
    for (const quote of quoted) {
      // a quote cut with …… matches the start of the printed line
      const [head = ''] = quote.split('……');
      const cut = head.replace(/（$/, '');
      expect(
        lines.some((line) => (quote.includes('……') ? line.startsWith(cut) : line === quote)),
        quote,
      ).toBe(true);
    }
  });
});
