// What `mib roster` reads and writes: CSV in GBK as Chinese Excel saves it, an .xlsx roster, the roster
// `mib collect` writes (collect → roster), and the workbook -o writes, read back.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { getRubric, peerClauses } from '../../src/core';
import { fillTemplate } from '../support/filledSheet';
import { mibOnDisk } from '../support/mibOnDisk';
import { mibWith } from '../support/mibRunner';
import { factsOf } from '../support/randomFacts';
import { csvOf, rosterJsonOf, scratch, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-input-');
const regionFiles = {
  'table.json': readFileSync('examples/region/table.json', 'utf8'),
  'policy.json': readFileSync('examples/region/policy.json', 'utf8'),
};

// 江北 医院: three institutions with Chinese names, mixed facts (a veto in one, deductions in another)
const records = [
  {
    机构编码: '500001',
    机构名称: '重庆市江北区人民医院',
    '公立/民营': '公立',
    质量保证金: 80000,
    '5.1': '是',
    '5.2': '是',
    '6.1': 2,
    '18.1': 1,
    '20.1': 0.95,
  },
  { 机构编码: '500002', 机构名称: '江北区某某骨科医院（民营）', '公立/民营': '民营', 质量保证金: 30000, '1.1': '是', '6.1': 0 },
  { 机构编码: '500003', 机构名称: '石马河街道社区卫生服务中心', '公立/民营': '公立', 质量保证金: 12345.67, '5.1': '否', '6.1': 7, '21.1': 0.3 },
];
const JIANGBEI = ['cq-jiangbei-2025-hospital', '--policy', 'cq-jiangbei-2025'];
const utf8 = writeCsv(path('jiangbei-utf8.csv'), records);

describe('mib roster input', () => {
  it("a GBK CSV (Chinese Excel's plain “CSV”) reads as the UTF-8 one does, names intact", async () => {
    const gbk = path('jiangbei-gbk.csv');
    writeFileSync(gbk, iconv.encode(csvOf(records), 'gbk'));
    const fromGbk = await rosterJsonOf(...JIANGBEI, '--input', gbk);
    const fromUtf8 = await rosterJsonOf(...JIANGBEI, '--input', utf8);
    expect(fromGbk.code).toBe(0);
    expect(fromGbk.json.institutions.map((r) => r.name)).toEqual(records.map((r) => r.机构名称));
    expect(fromGbk.json.institutions).toEqual(fromUtf8.json.institutions);
    // 1.1 is a veto (江北 1: "未缴纳罚金的不签订协议"): the whole score is 0
    expect(fromGbk.json.institutions[1]!.vetoItems).toEqual(['1']);
    expect(fromGbk.json.institutions[1]!.total).toBe(0);
    const text = await mibOnDisk('roster', ...JIANGBEI, '--input', gbk);
    expect(text.out).toContain(`名单：${gbk}（CSV，GBK 编码），3 家机构`);
  });

  it('an .xlsx roster (sheet 名单, numbers as numbers, yes/no as TRUE/FALSE) reads as the CSV does', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这张不是名单']);
    const sheet = workbook.addWorksheet('名单');
    const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
    sheet.addRow(header);
    for (const record of records) {
      const row = record as Record<string, unknown>;
      sheet.addRow(header.map((h) => (row[h] === '是' ? true : row[h] === '否' ? false : (row[h] ?? null))));
    }
    const xlsx = path('jiangbei.xlsx');
    writeFileSync(xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const fromXlsx = await rosterJsonOf(...JIANGBEI, '--input', xlsx);
    const fromCsv = await rosterJsonOf(...JIANGBEI, '--input', utf8);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.json.institutions).toEqual(fromCsv.json.institutions);
    expect(fromXlsx.json.institutions.map((r) => r.refundText)).toEqual(fromCsv.json.institutions.map((r) => r.refundText));
  });

  it("collect → roster: the submitted sheets' facts score in the roster as mib score scores them", async () => {
    const rubricId = 'weihai-2021-hospital-l2';
    const rubric = getRubric(rubricId);
    // an institution leaves the peer clauses blank: it cannot know its interval; the agency adds the measures
    const peerIds = new Set(peerClauses(rubric).map((c) => c.inputId));
    const samples = fc
      .sample(factsOf(rubric), { numRuns: 3, seed: 1405 })
      .map((facts) => Object.fromEntries(Object.entries(facts).filter(([id, v]) => !peerIds.has(id) && v !== undefined)));
    const files: string[] = [];
    for (const [k, facts] of samples.entries()) files.push((await fillTemplate(path(`W${k}.xlsx`), rubricId, `W${k}`, facts)).file);
    const collected = path('collected.xlsx');
    const collect = await mibOnDisk('collect', ...files, '-o', collected);
    expect(collect.code, collect.err).toBe(0);
    const { code, json } = await rosterJsonOf(rubricId, '--input', collected, '--policy', 'jilin-2025', '--convert');
    expect(json.problems).toEqual([]);
    expect(code).toBe(0);
    expect(json.institutions.map((r) => r.code)).toEqual(['W0', 'W1', 'W2']);
    samples.forEach((facts, k) => {
      const alone = mibWith({ 'f.json': JSON.stringify(facts) })(
        'score',
        rubricId,
        '--input',
        'f.json',
        '--ownership',
        '公立',
        '--policy',
        'jilin-2025',
        '--convert',
        '--deposit',
        '50000',
        '--json',
      );
      const score = JSON.parse(alone.out) as {
        conversion: { score: number };
        gradeText: string;
        refundText?: string;
        items: { id: string; score: number }[];
      };
      const row = json.institutions[k]!;
      expect(row.total).toBe(score.conversion.score);
      expect(row.gradeText).toBe(score.gradeText);
      expect(row.refundText).toBe(score.refundText);
      expect(row.items.map((i) => i.score)).toEqual(score.items.map((i) => i.score));
    });
  });

  it('collect → roster: a rank an institution typed (江北 23.1) is not read as its 办理量; the line says so', async () => {
    // typed as a one-institution sheet holds it: 23.1 is the rank, 1 the best; as a measure it would be the
    // smallest 办理量, the worst of the three
    const files: string[] = [];
    for (const [k, rank] of [1, 2, 3].entries())
      files.push((await fillTemplate(path(`J${k}.xlsx`), 'cq-jiangbei-2025-hospital', `J${k}`, { '23.1': rank, '6.1': 0 })).file);
    const collected = path('collected-ranks.xlsx');
    const collect = await mibOnDisk('collect', ...files, '-o', collected);
    expect(collect.code).toBe(0);
    const note = '与同级机构比较的 23.1 本表填写的值未带入名单：名单中这些列填原始数据（医保业务办理量（以月报为准）），汇总名单时按同级机构计算';
    for (const file of files) expect(collect.out.split('\n').find((line) => line.startsWith(`${file}：`))).toContain(note);
    const { code, json } = await rosterJsonOf('cq-jiangbei-2025-hospital', '--input', collected);
    expect(code).toBe(0);
    // no measures yet: no ranking computed, 23.1 missing in every row (暂评 until the agency adds them)
    expect(json.groups).toEqual([]);
    for (const row of json.institutions) expect(row.missing).toContain('23.1');
  });

  it("a region's own table and policy given as files (as mib score takes them), named in the report", async () => {
    const facts = JSON.parse(readFileSync('examples/region/facts.json', 'utf8')) as Record<string, unknown>;
    const input = writeCsv(path('region.csv'), [{ 机构编码: 'M1', 机构名称: '某地医院', 质量保证金: 50000, ...facts }]);
    const files = ['examples/region/table.json', '--input', input, '--policy', 'examples/region/policy.json'];
    const { code, json } = await rosterJsonOf(...files);
    expect(code).toBe(0);
    const alone = mibWith({ 'f.json': JSON.stringify(facts), ...regionFiles })(
      'score',
      'table.json',
      '--input',
      'f.json',
      '--policy',
      'policy.json',
      '--deposit',
      '50000',
      '--json',
    );
    const score = JSON.parse(alone.out) as { total: number; grade: string; refundText: string };
    expect(json.institutions[0]).toMatchObject({ total: score.total, grade: score.grade, refundText: score.refundText });
    expect(json.rubric).toBe('moudi-2026-hospital');
    const text = await mibOnDisk('roster', ...files);
    expect(text.out).toContain('地区自己的考核表 examples/region/table.json');
    expect(text.out).toContain('地区自己的政策 examples/region/policy.json');
  });

  it("-o writes a workbook whose 汇总名单 rows are the JSON's, and the report says where it went", async () => {
    const out = path('jiangbei-summary.xlsx');
    const { code, json } = await rosterJsonOf(...JIANGBEI, '--input', utf8, '-o', out);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总名单', '汇总统计', '口径说明', '公示名单']);
    const sheet = workbook.getWorksheet('汇总名单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const cell = (r: number, name: string) => {
      const value = sheet.getRow(r + 2).getCell(column(name)).value;
      return value === undefined ? null : value;
    };
    expect(sheet.rowCount).toBe(1 + json.institutions.length);
    json.institutions.forEach((row, r) => {
      expect(cell(r, '机构编码')).toBe(row.code);
      expect(cell(r, '机构名称')).toBe(row.name);
      expect(cell(r, '最终得分')).toBe(row.total);
      expect(cell(r, '等次')).toBe(row.grade ?? null);
      expect(cell(r, '评定结果')).toBe(row.gradeText);
      expect(cell(r, '返还金额')).toBe(row.refund);
      expect(cell(r, '否决项')).toBe(row.vetoItems.join('、') || null);
      for (const item of row.items) expect(cell(r, header.find((h) => String(h).startsWith(`${item.id} `)) as string)).toBe(item.score);
    });
    const text = await mibOnDisk('roster', ...JIANGBEI, '--input', utf8, '-o', out);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`已写入 ${out}：工作表“汇总名单”（各机构结果）、“汇总统计”`);
    expect(text.out).toContain('各行都已计分，没有问题');
  });
});
