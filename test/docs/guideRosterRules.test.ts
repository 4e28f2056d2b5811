// The guide's section 十四 (名单规则) is enough to write a 太原-style policy: the test takes the guide's own
// complete table and policy (sections 三 and 五) and the section's fragments, writes them to files as a
// clerk would, and scores a 20- and a 7-institution roster with `mib roster` (text, JSON, workbook); a
// one-institution `mib score` says the rule needs the roster.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/core';
import { mibOnDisk } from '../support/mibOnDisk';
import { rosterJsonOf, scratch, writeCsv } from '../support/rosterFiles';

const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');
const jsonBlocks = (text: string) =>
  [...text.matchAll(/^ *```json( [^\n]*)?\n([\s\S]*?)^ *```$/gm)].map((m) => JSON.parse(m[2] ?? '') as Record<string, any>);
const complete = [...guide.matchAll(/^ *```json 完整文件\n([\s\S]*?)^ *```$/gm)].map((m) => JSON.parse(m[1] ?? '') as Record<string, any>);
const section = guide.slice(guide.indexOf('## 十四'));
const [taiyuan, praise] = jsonBlocks(section);
// the guide's worked example: its first table (section 三) and first policy (section 五); later sections add complete files of their own
const table = complete[0]!;
const policy = complete.find((file) => file.kind === 'policy')!;

const path = scratch('mib-guide-roster-rules-');
const tableFile = path('table.json');
const taiyuanFile = path('taiyuan.json');
const praiseFile = path('praise.json');
writeFileSync(tableFile, JSON.stringify(table));
writeFileSync(taiyuanFile, JSON.stringify({ ...policy, ...taiyuan }));
writeFileSync(praiseFile, JSON.stringify({ ...policy, ...praise }));

/** n institutions with every fact filled (grades final): 30 + 40 + the 考核组 score 10 + i, so J01 scores 80, the lowest. */
const institutions = (n: number, level?: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => ({
    机构编码: `J${String(i + 1).padStart(2, '0')}`,
    机构名称: `医院${i + 1}`,
    ...(level && { '级别/类型': level(i) }),
    '1.1': false,
    '2.1': 0,
    '2.2': false,
    '3.1': 0.9,
    '4.1': 10 + i,
    '5.1': 0,
  }));
const roster20 = writeCsv(path('r20.csv'), institutions(20));
const roster7 = writeCsv(path('r7.csv'), institutions(7));

describe('the guide’s roster rules (section 十四)', () => {
  it('both fragments, put into the guide’s own policy, pass mib check with no warning', () => {
    expect(taiyuan?.rosterRules).toHaveLength(1);
    expect(praise?.rosterRules).toHaveLength(2);
    expect(checkFile({ ...policy, ...taiyuan })).toMatchObject({ errors: [], warnings: [] });
    expect(checkFile({ ...policy, ...praise })).toMatchObject({ errors: [], warnings: [] });
  });

  it('太原-style on 20 institutions marks exactly the bottom one, on every face of mib roster', async () => {
    const { code, json } = await rosterJsonOf(tableFile, '--input', roster20, '--policy', taiyuanFile);
    expect(code).toBe(0);
    expect(json.institutions.map((r) => r.total)).toEqual(Array.from({ length: 20 }, (_, i) => 80 + i));
    const rule = json.rules![0]!;
    expect(rule).toMatchObject({ rank: 'bottom', consequence: '暂停医保服务', ranked: 20, target: 1, marked: ['J01'], cutScore: 80 });
    const marked = json.institutions.filter((r) => r.consequences);
    expect(marked.map((r) => r.code)).toEqual(['J01']);
    expect(marked[0]!.consequences).toEqual([
      { rule: 0, consequence: '暂停医保服务', amount: '后 5%', rank: 'bottom', place: 1, of: 20, group: '', provisional: false },
    ]);

    const out = path('r20.xlsx');
    const text = await mibOnDisk('roster', tableFile, '--input', roster20, '--policy', taiyuanFile, '-o', out);
    expect(text.out).toContain('20 家的 5% 为 1 家，四舍五入为 1 家');
    expect(text.out).toContain('列入 1 家：J01 医院1（80 分）');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总名单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('名单规则') + 1;
    expect(column).toBeGreaterThan(0);
    const values = Array.from({ length: 20 }, (_, r) => sheet.getRow(r + 2).getCell(column).value ?? null);
    expect(values[0]).toBe('暂停医保服务（后 5%，倒数第 1 名，共 20 家）');
    expect(values.slice(1).every((v) => v === null)).toBe(true);
  });

  it('on 7 institutions 5% rounds (四舍五入, the documented default) to nobody, and the report says so as the guide does', async () => {
    const { code, json } = await rosterJsonOf(tableFile, '--input', roster7, '--policy', taiyuanFile);
    expect(code).toBe(0);
    expect(json.rules![0]).toMatchObject({ ranked: 7, target: 0, marked: [] });
    expect(json.institutions.some((r) => r.consequences)).toBe(false);
    const book = path('r7.xlsx');
    const text = await mibOnDisk('roster', tableFile, '--input', roster7, '--policy', taiyuanFile, '-o', book);
    // the workbook says it too: its 口径说明 sheet carries the rule's outcome
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const readings: string[] = [];
    workbook.getWorksheet('口径说明')!.eachRow((row) => readings.push(String(row.getCell(4).value ?? '')));
    expect(readings.find((r) => r.startsWith('名单规则'))).toContain('7 家的 5% 为 0.35 家，四舍五入为 0 家；按此无机构列入“暂停医保服务”');
    // what the guide quotes the report as saying
    for (const quoted of ['7 家的 5% 为 0.35 家，四舍五入为 0 家', '按此无机构列入']) {
      expect(section).toContain(`“${quoted}”`);
      expect(text.out).toContain(quoted);
    }
    // the guide's "ceil" reading marks one of 7
    const ceil = path('ceil.json');
    writeFileSync(ceil, JSON.stringify({ ...policy, rosterRules: [{ ...taiyuan!.rosterRules[0], rounding: 'ceil' }] }));
    const up = await rosterJsonOf(tableFile, '--input', roster7, '--policy', ceil);
    expect(up.json.rules![0]).toMatchObject({ target: 1, marked: ['J01'] });
  });

  it('前10% per 级别 and 末位 by count: one of each ten per level, and the lowest of all', async () => {
    const levels = writeCsv(
      path('levels.csv'),
      institutions(20, (i) => (i % 2 === 0 ? '二级' : '一级')),
    );
    const { json } = await rosterJsonOf(tableFile, '--input', levels, '--policy', praiseFile);
    const [byLevel2, byLevel1, last] = json.rules!;
    expect(byLevel2).toMatchObject({ group: '二级', ranked: 10, target: 1, marked: ['J19'] });
    expect(byLevel1).toMatchObject({ group: '一级', ranked: 10, target: 1, marked: ['J20'] });
    expect(last).toMatchObject({ consequence: '约谈', group: '', marked: ['J01'] });
  });

  it('the mib check message the section quotes is what mib check prints for a rule with neither share nor count', async () => {
    const quoted = /`(错误 rosterRules\.0\.share：[^`]*)`/.exec(section)![1]!;
    const { share: _share, ...neither } = taiyuan!.rosterRules[0];
    const file = path('neither.json');
    writeFileSync(file, JSON.stringify({ ...policy, rosterRules: [neither] }));
    const check = await mibOnDisk('check', file);
    expect(check.code).not.toBe(0);
    expect(`${check.out}\n${check.err}`).toContain(quoted);
  });

  it('a one-institution mib score says the rule needs the roster (口径说明)', async () => {
    const facts = path('facts.json');
    writeFileSync(facts, JSON.stringify(institutions(1).map(({ 机构编码: _c, 机构名称: _n, ...f }) => f)[0]));
    const score = await mibOnDisk('score', tableFile, '--input', facts, '--policy', taiyuanFile, '--json');
    const readings = (JSON.parse(score.out) as { readings: { id?: string; text: string }[] }).readings;
    expect(readings.find((r) => r.id === 'rosterRules')?.text).toContain(
      '须按全部机构的得分排名，单张考核表不能判定，在全部机构的名单汇总计分后给出',
    );
    // what the sheet prints names no command
    expect(readings.find((r) => r.id === 'rosterRules')?.text).not.toMatch(/mib|roster/);
  });
});
