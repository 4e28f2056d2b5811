// Issue 23, written from the guide alone (docs/编写考核表与政策.md): the table of 4.6 (an item that earns and
// deducts) and the 灌南-style policy of section 十二 (a band the notice leaves unstated), with the facts the
// guide gives, score as the guide says on every face (test/support/ownFaces.ts: mib score, the template's
// formulas in HyperFormula and LibreOffice, the Office.js writer, MIB.SCORE/GRADE/REFUND, mib roster of one
// and many rows, the pane, mib collect); the guide's fragment for a printed grade with an unstated refund
// does the same; a gap left silent is still refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, PolicySchema, type RosterJson, RubricSchema } from '../../src/core';
import { mibOnDisk } from '../support/mibOnDisk';
import { mibWith } from '../support/mibRunner';
import { expectEveryFaceAgrees, expectSame, mibScoreJson, planOf, registered, type Shown, shownOfScore } from '../support/ownFaces';
import { OWN_POLICY_ID, OWN_RUBRIC_ID, type OwnCase } from '../support/ownFiles';
import { csvOf, scratch } from '../support/rosterFiles';
import { recalculate, sofficeVersion } from '../support/sofficeRecalc';

// the guide is the only source of the files and facts below
const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');

const section = (heading: string) => {
  const from = guide.indexOf(heading);
  const next = guide.indexOf('\n## ', from + 1);
  const nextSub = guide.indexOf('\n### ', from + 1);
  const ends = [next, nextSub].filter((i) => i > from);
  return guide.slice(from, ends.length > 0 ? Math.min(...ends) : undefined);
};
const blocks = (text: string, label: string) =>
  [...text.matchAll(/^ *```json( [^\n]*)?\n([\s\S]*?)^ *```$/gm)]
    .filter((m) => (m[1] ?? '').trim() === label)
    .map((m) => JSON.parse(m[2] ?? '') as Record<string, any>);
const factsIn = (text: string) => [...text.matchAll(/`(\{"1\.1"[^`]*\})`/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);

const mixedSection = section('### 4.6');
const unstatedSection = section('## 十二');
const table = blocks(mixedSection, '完整文件')[0]!;
const policy = blocks(unstatedSection, '完整文件')[0]!;
const refundFragment = blocks(unstatedSection, '示例片段')[0]!;
const [passing, failing] = factsIn(unstatedSection);

/** The guide's files as a case of the faces: the ids the faces register them under, the guide's deposit. */
function guideCase(policyJson: Record<string, any>, facts: Record<string, unknown>, others: Record<string, unknown>[] = []): OwnCase {
  const rubricJson = { ...table, id: OWN_RUBRIC_ID };
  const ownPolicy = { ...policyJson, id: OWN_POLICY_ID };
  return {
    rubricJson,
    policyJson: ownPolicy,
    rubric: RubricSchema.parse(rubricJson),
    policy: PolicySchema.parse(ownPolicy),
    facts,
    others,
    measures: [],
    circumstances: [],
    downgrade: 0,
    complete: true,
    deposit: '50000',
  };
}

/** The 灌南 policy with its last band printed as 不合格 and only the refund unstated, as the guide says. */
function printedGrade(): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(policy)) as Record<string, any>;
  const last = copy.grades[copy.grades.length - 1];
  copy.grades[copy.grades.length - 1] = { label: '不合格', max: last.max, text: '70分以下为不合格', refund: refundFragment };
  return copy;
}

describe('the guide’s 4.6 and 十二 as a region writes them', () => {
  it('finds the table, the policy, the fragment and both sets of facts in the guide', () => {
    expect(table?.id).toBe('shili-2025-pharmacy');
    expect(policy?.id).toBe('shili-guannan-2025');
    expect(refundFragment?.kind).toBe('unstated');
    expect(factsIn(mixedSection)).toEqual([passing]);
    expect([passing, failing].every((f) => f !== undefined)).toBe(true);
  });

  it('mib check accepts the marked band and refuses the same gap left silent', () => {
    expect(checkFile(policy)).toMatchObject({ errors: [], warnings: [] });
    expect(checkFile(printedGrade())).toMatchObject({ errors: [] });
    const silent = JSON.parse(JSON.stringify(policy)) as Record<string, any>;
    silent.grades.pop();
    expect(
      checkFile(silent)
        .errors.map((e) => e.message)
        .join('\n'),
    ).toContain('低于 70 分的得分没有等次');
    // a band marked unstated that still names a printed grade is a contradiction
    const named = JSON.parse(JSON.stringify(policy)) as Record<string, any>;
    named.grades[3].label = '不合格';
    expect(
      checkFile(named)
        .errors.map((e) => `${e.field} ${e.message}`)
        .join('\n'),
    ).toMatch(/grades\.3\.label .*删去 "unstated"/);
  });

  it('the item that earns and deducts scores as 4.6 says: 2 − 1 = 1, and 2 − 3 = 0 with 1 over the item’s points', () => {
    const c = guideCase(policy, passing!);
    const json = mibScoreJson(c) as unknown as { total: number; items: { id: string; score: number; overCap: number }[] };
    expect(json.total).toBe(81);
    expect(json.items[0]).toMatchObject({ id: '1', score: 1, overCap: 0 });
    const low = mibScoreJson(guideCase(policy, failing!)) as unknown as { total: number; items: { id: string; score: number; overCap: number }[] };
    expect(low.total).toBe(60);
    expect(low.items[0]).toMatchObject({ id: '1', score: 0, overCap: 1 });
    expect(mixedSection).toContain('第1项得 2 分、扣 1 分，1 分；第2项 80 分；总分 81');
  });

  it('81 is 良好 with 45000.00 back, 60 is 方案未规定 with no amount and the notice’s reason', () => {
    const high = mibScoreJson(guideCase(policy, passing!)) as unknown as Record<string, unknown>;
    expect(shownOfScore(high as never, guideCase(policy, passing!))).toMatchObject({ grade: '良好', refund: '45000.00' });
    const low = mibScoreJson(guideCase(policy, failing!)) as unknown as Record<string, unknown>;
    expect(low).toMatchObject({ gradeText: '方案未规定', refund: null, refundText: '方案未规定' });
    expect(low.refundUnstated).toBe(policy.grades[3].refund.text);
    expect(low.gradeUnstated).toBe(policy.grades[3].text);
    expect(unstatedSection).toContain('总分 81，等次“良好”，\n返还 50000 × (1 − 10%) = 45000.00 元');
    expect(unstatedSection).toContain(`原因：${policy.grades[3].refund.text}`);
  });

  it('the sheet’s 口径说明 and mib score’s readings say which scores the notice leaves unstated, and why', async () => {
    const c = guideCase(policy, failing!);
    const plan = await registered(c, () => planOf(c));
    const reading = `70 分以下：原文未规定等次（${policy.grades[3].text}）与保证金返还（${policy.grades[3].refund.text}）`;
    expect(JSON.stringify(plan)).toContain(reading);
    const json = mibScoreJson(c) as unknown as { readings: { text: string }[] };
    expect(json.readings.map((r) => r.text).join('\n')).toContain(reading);
  });

  it('mib grade and mib refund print 方案未规定 and say why on stderr', () => {
    const mib = mibWith({ 'p.json': JSON.stringify(policy) });
    const grade = mib('grade', '60', '--policy', 'p.json');
    expect([grade.code, grade.out.trim()]).toEqual([0, '方案未规定']);
    expect(grade.err).toContain(policy.grades[3].text);
    const refund = mib('refund', '60', '--deposit', '50000', '--policy', 'p.json');
    expect([refund.code, refund.out.trim()]).toEqual([0, '方案未规定']);
    expect(refund.err).toContain(policy.grades[3].refund.text);
    const json = JSON.parse(mib('refund', '60', '--deposit', '50000', '--policy', 'p.json', '--json').out) as Record<string, unknown>;
    expect(json).toMatchObject({ amount: null, ratio: null, unstated: policy.grades[3].refund.text });
    expect(mib('refund', '75', '--deposit', '50000', '--policy', 'p.json').out.trim()).toBe('35000.00');
  });

  it('every face shows what mib score shows, for each set of facts (and the two as one roster)', async () => {
    const dir = scratch('mib-guide-regions-');
    for (const [i, facts] of [passing!, failing!].entries()) {
      const other = i === 0 ? failing! : passing!;
      await expectEveryFaceAgrees(guideCase(policy, facts, [other]), (name) => dir(`${i}-${name}`));
    }
  }, 300_000);

  it('the printed grade with an unstated refund: 60 is 不合格, its refund 方案未规定, on every face', async () => {
    const c = guideCase(printedGrade(), failing!, [passing!]);
    expect(shownOfScore(mibScoreJson(c), c)).toMatchObject({ grade: '不合格', refund: '方案未规定' });
    await expectEveryFaceAgrees(c, scratch('mib-guide-printed-'));
  }, 300_000);

  it('a roster counts the unstated row apart: its own grade line and its own deferred deposit', async () => {
    const c = guideCase(policy, passing!);
    const dir = scratch('mib-guide-roster-');
    const records = [passing!, failing!].map((facts, i) => ({ 机构编码: `G00${i + 1}`, 机构名称: `机构${i + 1}`, 质量保证金: '50000', ...facts }));
    writeFileSync(dir('t.json'), JSON.stringify(c.rubricJson));
    writeFileSync(dir('p.json'), JSON.stringify(c.policyJson));
    writeFileSync(dir('r.csv'), csvOf(records));
    const r = await mibOnDisk('roster', dir('t.json'), '--input', dir('r.csv'), '--policy', dir('p.json'), '--complete', '--json');
    const json = JSON.parse(r.out) as RosterJson;
    expect(json.summary.perGrade).toContainEqual({ label: '方案未规定', count: 1 });
    expect(json.summary.deferredText.unstated).toBe('50000.00');
    expect(json.summary.refundPaidText).toBe('45000.00');
    expect(json.institutions[1]).toMatchObject({ gradeText: '方案未规定', refund: null, refundText: '方案未规定', depositState: 'unstated' });
  });
});

describe.skipIf(!sofficeVersion())('the guide’s 灌南 policy: LibreOffice recalculates the template as mib score', () => {
  it('for the unstated band (grade and refund are text) and a stated one', async () => {
    const dir = scratch('mib-guide-soffice-');
    const cases = [guideCase(policy, failing!), guideCase(printedGrade(), failing!), guideCase(policy, passing!)];
    const files: string[] = [];
    for (const [i, c] of cases.entries()) {
      const [t, p, f, out] = ['t.json', 'p.json', 'f.json', 'template.xlsx'].map((n) => dir(`${i}-${n}`)) as [string, string, string, string];
      writeFileSync(t, JSON.stringify(c.rubricJson));
      writeFileSync(p, JSON.stringify(c.policyJson));
      writeFileSync(f, JSON.stringify(c.facts));
      const made = await mibOnDisk('template', t, '--policy', p, '--input', f, '--deposit', c.deposit, '--complete', '-o', out);
      expect(made.code, made.err).toBe(0);
      files.push(out);
    }
    const computed = await recalculate(files);
    for (const [i, c] of cases.entries()) {
      const plan = await registered(c, () => planOf(c));
      const cell = computed.get(files[i]!)!;
      const refund = cell(plan.fields.refund!);
      const shown: Shown = {
        total: cell(plan.fields.total) as number,
        grade: String(cell(plan.fields.grade!)),
        refund: typeof refund === 'number' ? refund.toFixed(2) : String(refund),
      };
      expectSame(`LibreOffice, case ${i}`, shown, shownOfScore(mibScoreJson(c), c));
    }
    expect(cases.map((c) => shownOfScore(mibScoreJson(c), c).refund)).toEqual(['方案未规定', '方案未规定', '45000.00']);
  }, 300_000);
});
