// Every face a user meets, run on one drawn own table + policy + facts (test/support/ownFiles.ts), each
// reduced to what the user reads: the table's total, the graded score, the grade text and the refund.
// `mib score --json` is the reference; the others are compared with it by test/agreement/ownFiles.test.ts.
import { formGrade, formRefund } from '../../src/sheet/formStatus';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { D, inputIndex, OUT_OF_SCALE, type RosterJson, registerPolicy, registerRubric, scaleFits, unregister, vetoedScore } from '../../src/core';
import { peerClauses } from '../../src/core/roster';
import { run } from '../../src/cli/main';
import { isFailure } from '../../src/functions/failure';
import { gradeLabel, refundAmount } from '../../src/functions/grade';
import { scoreTotal } from '../../src/functions/score';
import { auditSheet } from '../../src/sheet/audit';
import { MemoryFileStore } from '../../src/sheet/memory/memoryFiles';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planSheet } from '../../src/sheet/planSheet';
import { importFileText, storedVersion } from '../../src/sheet/storedFiles/load';
import type { PlanOptions } from '../../src/sheet/types';
import { fakeExcel } from '../excel/fakeExcel';
import { writePlan } from '../../src/excel/writer';
import { parseRange } from '../../src/sheet/memory/a1';
import { computeGrid, computePlan } from './hyperformula';
import { mibOnDisk } from './mibOnDisk';
import { mibWith } from './mibRunner';
import { OWN_POLICY_ID, OWN_RUBRIC_ID, type OwnCase } from './ownFiles';
import { csvOf } from './rosterFiles';

/** What a face shows: the table's own total (where the face shows it), the score graded (after 折算 and a
 * veto), the grade as shown, and the refund as text to the fen (or the words shown instead; null: none). */
export interface Shown {
  total?: number;
  graded?: number;
  grade: string;
  refund: string | null;
}

const TABLE = 'own-table.json';
const POLICY = 'own-policy.json';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const money = (value: unknown): string | null =>
  value === undefined || value === null || value === '' ? null : typeof value === 'number' ? value.toFixed(2) : String(value);

/** The sheet and the pane show neither 降档 nor a special case: those faces are asked only without them. */
export const onSheet = (c: OwnCase) => c.downgrade === 0 && c.specialCase === undefined;

/** Makes the case's files usable by id (MIB.*, planSheet, the pane's audit), as the pane's import does. */
export async function registered<T>(c: OwnCase, run: () => Promise<T> | T): Promise<T> {
  registerRubric(c.rubric);
  registerPolicy(c.policy);
  try {
    return await run();
  } finally {
    unregister('rubric', OWN_RUBRIC_ID);
    unregister('policy', OWN_POLICY_ID);
  }
}

// --- mib score --json: the reference ---------------------------------------------------------------------

export interface ScoreJson {
  total: number;
  /** the table's own sum before the policy's veto, where a veto changed it */
  totalBeforeVeto?: number;
  veto: boolean;
  missing: string[];
  invalid: unknown[];
  ownershipMissing?: boolean;
  gradeText: string;
  refund?: number | null;
  refundText?: string;
  conversion?: { score: number };
}

export function mibScoreJson(c: OwnCase, facts: Record<string, unknown> = c.facts): ScoreJson {
  const argv = ['score', TABLE, '--input', 'facts.json', '--policy', POLICY, '--deposit', c.deposit, '--convert', '--json'];
  if (c.complete) argv.push('--complete');
  if (c.ownership) argv.push('--ownership', c.ownership);
  if (c.circumstances.length > 0) argv.push('--circumstance', c.circumstances.join(','));
  if (c.downgrade > 0) argv.push('--downgrade', String(c.downgrade));
  if (c.specialCase) argv.push('--case', c.specialCase);
  const r = mibWith({ [TABLE]: json(c.rubricJson), [POLICY]: json(c.policyJson), 'facts.json': JSON.stringify(facts) })(...argv);
  if (r.code !== 0) throw new Error(`mib ${argv.join(' ')} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as ScoreJson;
}

/** `mib score --json` as shown: a refund withheld (暂评未确认, 暂不评定) shows the grade's words in its
 * cell; a special case without an amount (履约不满6个月) shows none. */
/** A roster row's refund as the other faces show it: the amount, or where there is none (暂不评定, a score
 * beyond the policy's scale) the words the grade cell holds, as the sheet's refund cell repeats them. */
function rowRefund(c: OwnCase, row: RosterRow): string | null {
  return c.specialCase ? money(row.refund) : c.policy.refund ? (row.refundText ?? row.gradeText) : null;
}

export function shownOfScore(s: ScoreJson, c: OwnCase): Shown {
  const refund = c.specialCase ? money(s.refund) : c.policy.refund ? (s.refundText ?? s.gradeText) : null;
  // the score graded, where mib score shows it: its conversion.score is the converted score before the
  // policy's veto (the 折算得分 cell), not the vetoed one a roster's total is; under a veto the grade says it
  return { total: s.total, graded: s.veto ? undefined : (s.conversion?.score ?? s.total), grade: s.gradeText, refund };
}

/** What the form shows where mib score grades provisionally (facts blank): 待填报 and the count, no verdict. */
export function asForm(shown: Shown, s: ScoreJson): Shown {
  const missing = s.missing.length + (s.ownershipMissing ? 1 : 0);
  const status = {
    kind: s.invalid.length > 0 ? 'withheld' : /^暂评/.test(s.gradeText) ? 'provisional' : 'final',
    invalid: s.invalid.length,
    missing,
  } as const;
  return { ...shown, grade: formGrade(status, shown.grade), refund: shown.refund === null ? null : formRefund(status, shown.refund) };
}

// --- mib template's plan recalculated by HyperFormula ----------------------------------------------------

export function planOf(c: OwnCase, extra: Partial<PlanOptions> = {}) {
  return planSheet(c.rubric, {
    policyId: OWN_POLICY_ID,
    deposit: c.deposit,
    inputs: c.facts,
    convert: true,
    complete: c.complete,
    ...(c.ownership && { ownership: c.ownership === '公立' ? 'public' : 'private' }),
    ...(c.circumstances.length > 0 && { circumstances: c.circumstances }),
    ...extra,
  });
}

export function sheetFace(c: OwnCase): Shown {
  const plan = planOf(c);
  const cell = computePlan(plan);
  const total = cell(plan.fields.total);
  return {
    total: total as number,
    grade: String(cell(plan.fields.grade!)),
    refund: plan.fields.refund ? money(cell(plan.fields.refund)) : null,
  };
}

// --- MIB.SCORE, then MIB.GRADE / MIB.REFUND of its total ----------------------------------------------------

export function functionsFace(c: OwnCase, reference: ScoreJson): Shown {
  const ids = [...inputIndex(c.rubric).byId.keys()];
  const total = scoreTotal(
    OWN_RUBRIC_ID,
    ids.map((id) => [id]),
    ids.map((id) => [c.facts[id] ?? null]),
    c.ownership ?? null,
    // as the sheet's add-in cell passes it: the policy's veto governs the total
    OWN_POLICY_ID,
  );
  if (isFailure(total)) throw new Error(`MIB.SCORE: ${total.message}`);
  const args = {
    veto: reference.veto,
    scale: scaleFits(c.rubric, c.policy) ? null : OWN_RUBRIC_ID,
    invalid: reference.invalid.length,
    missing: c.complete ? 0 : reference.missing.length + (reference.ownershipMissing ? 1 : 0),
    downgrade: c.downgrade,
    specialCase: c.specialCase ?? null,
  };
  const grade = gradeLabel(total, OWN_POLICY_ID, args);
  if (isFailure(grade)) throw new Error(`MIB.GRADE: ${grade.message}`);
  let refund: string | null = null;
  if (c.policy.refund || c.specialCase) {
    const amount = refundAmount(total, c.deposit, OWN_POLICY_ID, { ...args, circumstances: c.circumstances.join('，') || null });
    if (isFailure(amount)) throw new Error(`MIB.REFUND: ${amount.message}`);
    // a special case without an amount: MIB.REFUND shows the case's deposit rule in words
    refund = c.specialCase && typeof amount === 'string' ? null : money(amount);
  }
  return { total, grade, refund };
}

// --- mib roster --json: one row, and the case among others -------------------------------------------------

type RosterRow = RosterJson['institutions'][number];

/** A roster row as a clerk types it: institution fields, then the facts (a peer clause's column holding
 * the measure drawn for it). */
export function rosterRecord(c: OwnCase, code: string, facts: Record<string, unknown>): Record<string, unknown> {
  return {
    机构编码: code,
    机构名称: `机构${code}`,
    ...(c.ownership && { '公立/民营': c.ownership }),
    质量保证金: c.deposit,
    ...(c.downgrade > 0 && { 降档: c.downgrade }),
    ...(c.specialCase && { 情形: c.specialCase }),
    // as the sheet's 扣减情形 cell holds them (the roster column seam rosterCircumstances added)
    ...(c.circumstances.length > 0 && { 扣减情形: c.circumstances.join('，') }),
    ...facts,
  };
}

export async function rosterFace(c: OwnCase, records: Record<string, unknown>[], code: string): Promise<{ shown: Shown; row: RosterRow }> {
  const argv = ['roster', TABLE, '--input', 'roster.csv', '--policy', POLICY, '--convert', '--json'];
  if (c.complete) argv.push('--complete');
  const files: Record<string, string> = { [TABLE]: json(c.rubricJson), [POLICY]: json(c.policyJson), 'roster.csv': csvOf(records) };
  const out: string[] = [];
  const err: string[] = [];
  const code_ = await run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    writeFile: () => undefined,
    readFile: (path) =>
      files[path] ??
      (() => {
        throw new Error('ENOENT');
      })(),
    readBytes: (path) => new TextEncoder().encode(files[path] ?? ''),
  });
  const r = { code: code_, out: out.join('\n'), err: err.join('\n') };
  if (r.out === '') throw new Error(`mib roster printed no JSON (exit ${r.code}): ${r.err}`);
  const row = (JSON.parse(r.out) as RosterJson).institutions.find((i) => i.code === code)!;
  return { shown: { graded: row.total, grade: row.gradeText, refund: rowRefund(c, row) }, row };
}

/** The facts `mib score` needs to meet a roster row: a peer clause's input as the roster computed it (a row
 * of a group of one has none). */
export function factsSeenBy(c: OwnCase, facts: Record<string, unknown>, row: RosterRow): Record<string, unknown> {
  const peerIds = new Set(peerInputIds(c));
  const own = Object.fromEntries(Object.entries(facts).filter(([id]) => !peerIds.has(id)));
  for (const p of row.peer) if (p.value !== undefined) own[p.id] = p.value;
  return own;
}

export function peerInputIds(c: OwnCase): string[] {
  return peerClauses(c.rubric).map((p) => p.inputId);
}

/** The score a policy grades (after 折算), as `mib composite` takes it. */
const graded = (s: ScoreJson) => s.conversion?.score ?? s.total;

/** The case's institution as the parent of two others (上级机构编码) under the policy's 第十一条; the
 * subordinates with the case's ownership and deposit, without its 降档, case or circumstances. */
export async function compositeFace(c: OwnCase): Promise<{ shown: Shown; row: RosterRow }> {
  const { specialCase: _case, ...rest } = c;
  const plain: OwnCase = { ...rest, downgrade: 0, circumstances: [] };
  const subordinates = c.others.slice(0, 2).map((facts, i) => ({ ...rosterRecord(plain, `S00${i + 1}`, facts), 上级机构编码: 'A001' }));
  return rosterFace(c, [rosterRecord(c, 'A001', c.facts), ...subordinates], 'A001');
}

// --- the add-in's Office.js writer (the pane's 新建考核表), on the stand-in Excel, recalculated by HyperFormula

export async function officeWriterFace(c: OwnCase): Promise<Shown> {
  const plan = planOf(c);
  const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }] });
  const name = await writePlan(excel.context, plan);
  const rows: (string | number | null)[][] = [];
  // the form's own cells (its working print, 填报明细, is a sheet of its own)
  for (const write of excel.writes.filter((w) => w.property === 'formulas' && w.sheet === name)) {
    const rect = parseRange(write.address);
    (write.value as unknown[][]).forEach((line, r) =>
      line.forEach((value, k) => {
        const row = (rows[rect.top + r] ??= []);
        row[rect.left + k] = value === '' || value === undefined ? null : (value as string | number);
      }),
    );
  }
  const width = Math.max(...rows.map((r) => r?.length ?? 0));
  const cell = computeGrid(Array.from(rows, (r) => Array.from({ length: width }, (_, k) => r?.[k] ?? null)));
  return {
    total: cell(plan.fields.total) as number,
    grade: String(cell(plan.fields.grade!)),
    refund: plan.fields.refund ? money(cell(plan.fields.refund)) : null,
  };
}

// --- the pane: the files imported into the workbook, a sheet made, its audit summary -----------------------

export async function paneFace(c: OwnCase): Promise<Shown> {
  const store = new MemoryFileStore();
  for (const [text, name] of [
    [json(c.rubricJson), TABLE],
    [json(c.policyJson), POLICY],
  ] as const) {
    const imported = await importFileText(store, text, name);
    if (imported.status !== 'stored') throw new Error(`import ${name}: ${imported.problems.map((p) => p.message).join('；')}`);
  }
  const book = new MemoryWorkbook();
  const name = await book.createSheet(planOf(c, { rubricVersion: storedVersion('rubric', OWN_RUBRIC_ID)! }));
  const summary = auditSheet(await book.readSheet(name)).summary;
  // the pane shows the total to six decimals (fmt), as its summary line reads: compared at that precision
  return { total: Number(summary.total), grade: summary.grade ?? '', refund: summary.refund ?? (c.policy.refund ? (summary.grade ?? null) : null) };
}

// --- mib collect of the filled template, then mib roster of what it collected --------------------------------

/** `mib template` of the pair (on disk), filled with the facts as an institution fills it in Excel, then
 * `mib collect` of it and `mib roster` of what it collected. */
export async function collectFace(c: OwnCase, dir: (name: string) => string): Promise<{ shown: Shown; row: RosterRow }> {
  const [filled, table, policy, roster] = ['filled.xlsx', TABLE, POLICY, 'roster.xlsx'].map(dir) as [string, string, string, string];
  writeFileSync(table, json(c.rubricJson));
  writeFileSync(policy, json(c.policyJson));
  const argv = ['template', table, '--policy', policy, '--convert', '--deposit', c.deposit, '--code', 'C001', '--name', '机构C001', '-o', filled];
  if (c.ownership) argv.push('--ownership', c.ownership);
  if (c.circumstances.length > 0) argv.push('--circumstance', c.circumstances.join(','));
  const made = await mibOnDisk(...argv);
  if (made.code !== 0) throw new Error(`mib template exited ${made.code}: ${made.err}`);
  // where each fact goes: the same plan, made with the files registered
  const plan = await registered(c, () => planOf(c, { inputs: {} }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filled);
  const sheet = workbook.worksheets[0]!;
  for (const input of plan.inputs) {
    const value = c.facts[input.id];
    if (value !== undefined) sheet.getCell(input.address).value = value as ExcelJS.CellValue;
  }
  await workbook.xlsx.writeFile(filled);
  const collected = await mibOnDisk('collect', filled, '-o', roster, '--rubric', table);
  if (collected.code !== 0) throw new Error(`mib collect exited ${collected.code}: ${collected.err}`);
  const r = await mibOnDisk('roster', table, '--input', roster, '--policy', policy, '--convert', '--json', ...(c.complete ? ['--complete'] : []));
  if (r.out === '') throw new Error(`mib roster of the collected roster printed no JSON (exit ${r.code}): ${r.err}`);
  const row = (JSON.parse(r.out) as RosterJson).institutions[0]!;
  return { shown: { graded: row.total, grade: row.gradeText, refund: rowRefund(c, row) }, row };
}

// --- every face against `mib score` --------------------------------------------------------------------------

/** The same total (where both show one), graded score, grade text and refund. */
export function expectSame(face: string, shown: Shown, reference: Shown): void {
  if (shown.total !== undefined && reference.total !== undefined) expect(shown.total, `${face}: total`).toBeCloseTo(reference.total, 9);
  if (shown.graded !== undefined && reference.graded !== undefined) expect(shown.graded, `${face}: graded score`).toBeCloseTo(reference.graded, 9);
  expect(shown.grade, `${face}: grade`).toBe(reference.grade);
  expect(shown.refund, `${face}: refund`).toBe(reference.refund);
}

/** Runs every face on the case and requires each to show what `mib score --json` shows; `dir` names the
 * files of `mib template` and `mib collect`. */
export async function expectEveryFaceAgrees(c: OwnCase, dir: (name: string) => string): Promise<void> {
  const cli = mibScoreJson(c);
  const reference = shownOfScore(cli, c);
  const peers = peerInputIds(c);
  // a peer clause's column holds the raw measure; `mib score` then meets the value the roster computed
  const withMeasures = (facts: Record<string, unknown>, row: number) => ({ ...facts, ...(peers.length > 0 && c.measures[row]) });
  const againstRoster = (row: RosterRow) => shownOfScore(mibScoreJson(c, factsSeenBy(c, c.facts, row)), c);

  await registered(c, async () => {
    if (onSheet(c)) expectSame('mib template (HyperFormula)', sheetFace(c), asForm(reference, cli));
    if (onSheet(c)) expectSame('the Office.js writer (HyperFormula)', await officeWriterFace(c), asForm(reference, cli));
    expectSame('MIB.SCORE + MIB.GRADE/REFUND', functionsFace(c, cli), reference);
    if (onSheet(c)) {
      const pane = await paneFace(c);
      expectSame('the pane', pane, { ...reference, ...(reference.total !== undefined && { total: Number(reference.total.toFixed(6)) }) });
    }
  });

  const one = await rosterFace(c, [rosterRecord(c, 'A001', withMeasures(c.facts, 0))], 'A001');
  expectSame('mib roster, one row', one.shown, againstRoster(one.row));

  const records = [c.facts, ...c.others].map((facts, i) => rosterRecord(c, `A${String(i + 1).padStart(3, '0')}`, withMeasures(facts, i)));
  const many = await rosterFace(c, records.reverse(), 'A001');
  expectSame('mib roster, many rows', many.shown, againstRoster(many.row));

  if (c.policy.composite && c.others.length >= 2 && peers.length === 0) {
    const { shown, row } = await compositeFace(c);
    // the policy's veto acts on each subordinate's score before it feeds the composite, and on the composite
    const afterVeto = (s: ScoreJson, score: number) => (s.veto ? vetoedScore(c.policy.veto, new D(score)).score.toNumber() : score);
    const parent = mibScoreJson(c, factsSeenBy(c, c.facts, row));
    const subordinates = c.others.slice(0, 2).map((facts) => {
      const s = mibScoreJson(c, facts);
      return afterVeto(s, graded(s));
    });
    const run = mibWith({ [POLICY]: json(c.policyJson) });
    // the parent's own score before its veto: the composite is weighed first, then vetoed
    const own = parent.conversion?.score ?? parent.totalBeforeVeto ?? parent.total;
    const composite = run('composite', String(own), ...subordinates.map(String), '--policy', POLICY);
    expect(composite.code, composite.err).toBe(0);
    // mib composite prints six decimals
    expect(shown.graded, 'mib roster, a parent under 第十一条: the composite score').toBeCloseTo(afterVeto(parent, Number(composite.out.trim())), 6);
    if (row.gradeStatus === 'final' && row.vetoItems.length === 0 && !c.specialCase) {
      const grade = run('grade', String(shown.graded), '--policy', POLICY, ...(c.downgrade > 0 ? ['--downgrade', String(c.downgrade)] : []));
      // a composite the bonus carried past the policy's scale is not graded; a bare score past it is a mistake
      if (shown.grade === OUT_OF_SCALE) expect(grade.err, 'mib grade of a composite beyond the scale').toMatch(/不在政策.*的分制内/);
      else expect(shown.grade, 'mib roster, a parent under 第十一条: its grade').toBe(grade.code === 0 ? grade.out.trim() : grade.err);
    }
  }

  if (onSheet(c)) {
    const collected = await collectFace(c, dir);
    expectSame('mib collect → mib roster', collected.shown, againstRoster(collected.row));
  }
}
