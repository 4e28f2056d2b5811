import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getRubric, peerClauses, rubricIds } from '../../src/core';
import { readXlsx } from '../../src/cli/roster/readXlsx';
import { type Filled, type FillOptions, fillTemplate } from '../support/filledSheet';
import { mibOnDisk } from '../support/mibOnDisk';
import { factsOf } from '../support/randomFacts';

const dir = mkdtempSync(join(tmpdir(), 'mib-collect-'));
const path = (name: string) => join(dir, name);

const filledSheet = (rubricId: string, code: string, facts: Record<string, unknown>, options: FillOptions = {}) =>
  fillTemplate(path(`${rubricId}-${code}.xlsx`), rubricId, code, facts, options);

describe('mib collect: round trip of filled templates', () => {
  it.each(rubricIds)(
    '%s: the roster holds the facts written, one row per file, self-scores summed',
    async (rubricId) => {
      const rubric = getRubric(rubricId);
      const samples = fc.sample(factsOf(rubric), { numRuns: 3, seed: 14 });
      const filled: Filled[] = [];
      for (const [k, facts] of samples.entries()) filled.push(await filledSheet(rubricId, `C${k}`, facts, { withAddinFunctions: k === 2 }));
      const out = path(`${rubricId}-roster.xlsx`);
      const run = await mibOnDisk('collect', ...filled.map((f) => f.file), '-o', out, '--json');
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out) as {
        rubricId: string;
        collected: number;
        files: { status: string; counts: Record<string, number>; selfTotal?: string; total: string; notes: string[] }[];
      };
      expect(report.rubricId).toBe(rubricId);
      const peerIds = new Set(peerClauses(rubric).map((c) => c.inputId));
      expect(report.collected).toBe(3);
      // self-scores typed as computed: nothing differs, no formula is touched
      for (const line of report.files) {
        expect(line.status).toBe('ok');
        expect(line.counts.selfScoreDiffers ?? 0).toBe(0);
        expect(line.counts.formulaChanged ?? 0).toBe(0);
        expect(line.counts.valueOverFormula ?? 0).toBe(0);
      }

      const roster = await readXlsx(readFileSync(out), out);
      const ids = filled[0]!.plan.inputs.map((i) => i.id);
      expect(roster.header).toEqual(['机构编码', '机构名称', '公立/民营', '质量保证金', '自评得分', ...ids]);
      expect(roster.rows.map((row) => row[0])).toEqual(filled.map((f) => f.code));
      filled.forEach((f, r) => {
        const row = roster.rows[r]!;
        expect(row.slice(1, 4)).toEqual([`机构${f.code}`, '公立', 50000]);
        // a peer clause's typed value stays out (its column is for the measure mib roster compares), said on the line
        ids.forEach((id, k) => expect([id, row[5 + k] ?? null]).toEqual([id, peerIds.has(id) ? null : (f.facts[id] ?? null)]));
        const typed = [...peerIds].filter((id) => f.facts[id] !== undefined);
        if (typed.length > 0)
          expect(report.files[r]!.notes).toContainEqual(expect.stringContaining(`与同级机构比较的 ${typed.join('、')} 本表填写的值未带入名单`));
        const result = evaluate(rubric, f.facts, { ownership: 'public' });
        expect(report.files[r]!.total).toBe(result.total.toString());
        // without a veto the sheet's total is the items' scores summed, as the self-scores are
        if (!result.veto) expect(row[4]).toBe(result.total.toNumber());
      });
    },
    60_000,
  );
});

describe('mib collect: files that cannot go in get one line each, the rest go in', () => {
  it('a tampered formula, a value typed over a formula, a differing self-score, a foreign, a damaged and another table', async () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    const facts = fc.sample(factsOf(weihai), { numRuns: 1, seed: 7 })[0]!;
    const good = await filledSheet(weihai.id, 'W1', facts, { policyId: 'jilin-2025' });
    const tampered = await filledSheet(weihai.id, 'W2', facts, {
      policyId: 'jilin-2025',
      edit: (sheet, plan) => {
        const first = plan.items[0]!;
        sheet.getCell(first.score).value = { formula: `${first.score.replace(/\d+/, '')}1+0` } as ExcelJS.CellFormulaValue;
        sheet.getCell(plan.items[1]!.score).value = 99;
        sheet.getCell(plan.items[2]!.selfScore).value = 0.5;
      },
    });
    const sameCode = await filledSheet(weihai.id, 'W1', facts, { policyId: 'jilin-2025' });
    const sameCodeFile = path('W1-again.xlsx');
    writeFileSync(sameCodeFile, readFileSync(sameCode.file));
    const otherTable = await filledSheet('weihai-2021-hospital-l1', 'L1', {});
    const foreign = path('foreign.xlsx');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['机构编码', '机构名称']);
    writeFileSync(foreign, new Uint8Array(await plain.xlsx.writeBuffer()));
    const damaged = path('damaged.xlsx');
    writeFileSync(damaged, readFileSync(good.file).subarray(0, 4000));

    const out = path('mixed-roster.xlsx');
    const files = [good.file, foreign, tampered.file, damaged, otherTable.file, sameCodeFile];
    const run = await mibOnDisk('collect', ...files, '-o', out);
    expect(run.code).toBe(1);
    const lines = [...run.out.split('\n'), ...run.err.split('\n')];
    const lineOf = (file: string) => {
      const found = lines.filter((l) => l.startsWith(`${file}：`));
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    expect(lineOf(foreign)).toBe(`${foreign}：未收集——不是 MIB 考核助手生成的考核表（工作簿中没有带 MIB_RUBRIC 名称的工作表）`);
    expect(lineOf(damaged)).toMatch(/^.*damaged\.xlsx：未收集——文件已损坏或不是 Excel 工作簿，读不了/);
    expect(lineOf(otherTable.file)).toContain('未收集——考核表是“威海 一级 2021 医疗机构”，与本次收集的“威海 二级及以上 2021 医疗机构”不同');
    const tamperedLine = lineOf(tampered.file);
    expect(tamperedLine).toContain('已收集（有审核提示） W2 机构W2');
    expect(tamperedLine).toContain('公式被修改 1');
    expect(tamperedLine).toContain('公式被覆盖 1');
    expect(tamperedLine).toContain('自评不符 1');
    // the same 机构编码 twice: both in, each naming the other
    expect(lineOf(good.file)).toContain(`机构编码 W1 与 ${sameCodeFile} 重复`);
    expect(lineOf(sameCodeFile)).toContain(`机构编码 W1 与 ${good.file} 重复`);
    expect(run.out).toContain('已收集 3 份（其中 1 份有审核提示、2 份机构编码重复），未收集 3 份');

    const roster = await readXlsx(readFileSync(out), out);
    expect(roster.rows.map((row) => row[0])).toEqual(['W1', 'W2', 'W1']);
    // the report sheet: one line per file, in the order given
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const report = workbook.getWorksheet('收集情况')!;
    const statuses = files.map((_, i) => report.getRow(i + 2).getCell(3).value);
    expect(statuses).toEqual(['已收集（机构编码重复）', '未收集', '已收集（有审核提示）', '未收集', '未收集', '已收集（机构编码重复）']);
    // the tampered cells are named in the details
    const details = String(report.getRow(4).getCell(10).value);
    expect(details).toContain(`${tampered.plan.items[0]!.score} 公式与考核表不符`);
    expect(details).toContain(`${tampered.plan.items[1]!.score} 公式被数值覆盖`);
  }, 60_000);

  it('--rubric refuses sheets of every other table; no file in is exit 2 and no roster', async () => {
    const jiangbei = await filledSheet('cq-jiangbei-2025-hospital', 'J1', {});
    const out = path('none.xlsx');
    const run = await mibOnDisk('collect', jiangbei.file, '--rubric', 'weihai-2021-hospital-l2', '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain('未收集——考核表是“江北 2025 医疗机构”，与本次收集的“威海 二级及以上 2021 医疗机构”不同');
    expect(run.err).toContain('没有可收集的考核表：1 个文件都未收集，未生成');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('mib collect: a region’s own table travels in the sheets', () => {
  it('taken from the files’ MIB_FILES without --rubric (with its own policy); another version of it is said', async () => {
    const { regionExamples } = await import('../support/regionExamples');
    const region = regionExamples('mib-collect-region-');
    const first = join(region.dir, 'R1.xlsx');
    const second = join(region.dir, 'R2.xlsx');
    const later = join(region.dir, 'R3.xlsx');
    expect((await mibOnDisk('template', region.table, '--code', 'R1', '-o', first)).code).toBe(0);
    expect((await mibOnDisk('template', region.table, '--policy', region.policy, '--code', 'R2', '-o', second)).code).toBe(0);
    // the table edited since (a later version under the same id)
    const table = JSON.parse(readFileSync(region.table, 'utf8')) as { title: string };
    writeFileSync(region.table, JSON.stringify({ ...table, title: `${table.title}（修订）` }, null, 2));
    expect((await mibOnDisk('template', region.table, '--code', 'R3', '-o', later)).code).toBe(0);

    const run = await mibOnDisk('collect', first, second, later, '-o', join(region.dir, 'roster.xlsx'), '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { rubricId: string; files: { status: string; code: string; notes: string[] }[] };
    expect(report.rubricId).toBe('moudi-2026-hospital');
    expect(report.files.map((f) => [f.code, f.status])).toEqual([
      ['R1', 'ok'],
      ['R2', 'ok'],
      ['R3', 'flagged'],
    ]);
    expect(report.files[2]!.notes[0]).toMatch(/^本表按考核表“[^”]+”的另一版本生成（版本 \S+，本次收集的为 \S+），请核对或重新生成后填报$/);
    // --rubric with the table as it is now: the two sheets made from the first version are flagged
    const given = await mibOnDisk('collect', first, later, '--rubric', region.table, '-o', join(region.dir, 'given.xlsx'), '--json');
    const statuses = (JSON.parse(given.out) as { files: { status: string }[] }).files.map((f) => f.status);
    expect(statuses).toEqual(['flagged', 'ok']);
    // the registry is left as it was: the table is not known by id after the command
    const after = await mibOnDisk('collect', first, '-o', join(region.dir, 'again.xlsx'), '--rubric', 'moudi-2026-hospital');
    expect(after.code).toBe(2);
    expect(after.err).toContain('未知的考核表编号“moudi-2026-hospital”');
  });
});

describe('mib collect: a sheet saved again by LibreOffice (as an institution with WPS or LibreOffice does)', () => {
  it('is collected with its facts and no formula flagged', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdirSync } = await import('node:fs');
    const { sofficeVersion } = await import('../support/sofficeRecalc');
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const rubric = getRubric('weihai-2021-hospital-l2');
    const facts = fc.sample(factsOf(rubric), { numRuns: 1, seed: 21 })[0]!;
    const filled = await filledSheet(rubric.id, 'LO1', facts, { policyId: 'jilin-2025' });
    const work = mkdtempSync(join(tmpdir(), 'mib-collect-lo-'));
    mkdirSync(join(work, 'profile'));
    mkdirSync(join(work, 'out'));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(work, 'out'),
        filled.file,
      ],
      { stdio: 'pipe', timeout: 170_000 },
    );
    const saved = join(work, 'out', `${rubric.id}-LO1.xlsx`);
    const out = join(work, 'roster.xlsx');
    const run = await mibOnDisk('collect', saved, '-o', out, '--json');
    expect(run.code).toBe(0);
    const line = (JSON.parse(run.out) as { files: { status: string; counts: Record<string, number> }[] }).files[0]!;
    expect(line.status).toBe('ok');
    expect(line.counts.formulaChanged ?? 0).toBe(0);
    expect(line.counts.valueOverFormula ?? 0).toBe(0);
    const roster = await readXlsx(readFileSync(out), out);
    const ids = filled.plan.inputs.map((i) => i.id);
    // LibreOffice keeps each number's value (its text may differ: 0.9000000000000001 comes back as 0.9)
    ids.forEach((id, k) => {
      const written = facts[id];
      const read = roster.rows[0]![5 + k] ?? null;
      if (peerClauses(rubric).some((c) => c.inputId === id)) expect([id, read]).toEqual([id, null]);
      else if (typeof written === 'number') expect([id, Number(read)]).toEqual([id, Number(written.toPrecision(15))]);
      else expect([id, read]).toEqual([id, written ?? null]);
    });
  }, 180_000);
});
