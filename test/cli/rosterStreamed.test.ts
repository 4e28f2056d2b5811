// `mib roster` streamed (issue 21): a 3,000-row 威海 二级 CSV (the bench runs 100,000) by -o and by --json,
// each in a child process as a user runs it (bin/mib.js: the workbook written into a file stream, the JSON
// as each row is scored). The output is checked against the same roster scored whole in this process:
// every 汇总名单 row, and the JSON text byte for byte; under a policy with 名单规则 (which hold the rows until
// all are scored, each kept slim and its JSON held as text) the same. No time is asserted.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/cli/roster/readCsv';
import { getPolicy, getRubric, institutionJson, rosterJson, scoreRoster } from '../../src/core';
import { PolicySchema } from '../../src/core/policy/schema';
import { planRosterWorkbook, ROSTER_SHEET } from '../../src/sheet/roster';
import { weihaiRosterCsv } from '../../bench/rosterStages';
import { scratch } from '../support/rosterFiles';

const ROWS = 3_000;
const file = scratch('mib-roster-streamed-');
const csv = file('roster.csv');
const bytes = weihaiRosterCsv(ROWS);
writeFileSync(csv, bytes);
const command = ['bin/mib.js', 'roster', 'weihai-2021-hospital-l2', '--input', csv, '--convert'];
const args = [...command, '--policy', 'jilin-2025'];
const rubric = getRubric('weihai-2021-hospital-l2');
const policy = getPolicy('jilin-2025');
// the same roster scored whole, in this process
const whole = scoreRoster(rubric, readCsv(bytes, 'roster.csv'), policy, { convert: true });

/** `node bin/mib.js …`, its standard output into a file. */
function mib(more: string[], stdout: string, first = args) {
  const fd = openSync(stdout, 'w');
  try {
    return spawnSync(process.execPath, [...first, ...more], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

describe(`mib roster of ${ROWS.toLocaleString('en-US')} rows, streamed`, () => {
  it('-o: 汇总名单 has every row, each as the roster scored whole gives it', async () => {
    const out = file('out.xlsx');
    const run = mib(['-o', out], file('report.txt'));
    expect(run.stderr).not.toContain('内部错误');
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(ROSTER_SHEET)!;
    expect(sheet.rowCount).toBe(ROWS + 1);
    const plan = planRosterWorkbook(whole, rubric, policy).roster;
    const column = (key: string) => plan.columns.findIndex((c) => c.key === key) + 1;
    // a known institution: W1234's final score (795 points 折算 to 百分制) and grade
    const w1234 = whole.institutions.find((row) => row.institution.code === 'W1234')!;
    const row = sheet.getRow(1234 + 2);
    expect(row.getCell(column('code')).value).toBe('W1234');
    expect(row.getCell(column('total')).value).toBe(w1234.total.toNumber());
    expect(row.getCell(column('grade')).value).toBe(w1234.grade ?? null);
    // and every row, every column
    const body = plan.plan.body!.rows;
    for (let r = 0; r < ROWS; r++) {
      const cells = (sheet.getRow(r + 2).values as unknown[]).slice(1);
      const expected = body[r]!.map((v) => v ?? undefined);
      while (expected.length > 0 && expected.at(-1) === undefined) expected.pop();
      expect(cells, `row ${r + 2}`).toEqual(expected);
    }
  });

  it('--json: the text JSON.stringify gives of the roster scored whole, every institution in order', () => {
    const out = file('out.json');
    const run = mib(['--json'], out);
    expect(run.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(`${JSON.stringify(rosterJson(whole, rubric), null, 2)}\n`);
    const json = JSON.parse(text) as { institutions: { code: string; total: number }[] };
    expect(json.institutions).toHaveLength(ROWS);
    expect(json.institutions[1234]).toMatchObject({ code: 'W1234', total: whole.institutions[1234]!.total.toNumber() });
  });
});

describe(`mib roster of ${ROWS.toLocaleString('en-US')} rows under 名单规则, the rows held until the rules have run`, () => {
  // jilin-2025 with two rules of its own: the last 5% of all, the first 10% of each 级别/类型
  const json = { ...(JSON.parse(readFileSync('rubrics/policies/jilin-2025.json', 'utf8')) as Record<string, unknown>), id: 'jilin-rules' };
  const rules = [
    { rank: 'bottom', share: 0.05, consequence: '暂停医保结算', text: '考核得分排名后5%的，暂停医保结算' },
    { rank: 'top', share: 0.1, group: 'level', consequence: '通报表扬', text: '前10%的通报表扬' },
  ];
  const policyFile = file('rules.json');
  writeFileSync(policyFile, JSON.stringify({ ...json, rosterRules: rules }));
  const withRules = PolicySchema.parse({ ...json, rosterRules: rules });
  const ruled = scoreRoster(rubric, readCsv(bytes, 'roster.csv'), withRules, { convert: true });
  const marked = ruled.institutions.filter((row) => row.consequences).length;
  // `mib …` as above, the policy given as the file
  const mibWithRules = (more: string[], stdout: string) => mib(['--policy', policyFile, ...more], stdout, command);

  it('--json and --jsonl: the text of the roster scored whole, each marked institution with its marks', () => {
    // 5% of 3,000 and 10% of each level: hundreds marked, some by both rules
    expect(marked).toBeGreaterThan(300);
    const out = file('rules.json.txt');
    expect(mibWithRules(['--json'], out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(rosterJson(ruled, rubric), null, 2)}\n`);
    const lines = file('rules.jsonl');
    expect(mibWithRules(['--jsonl'], lines).status).toBe(0);
    const text = readFileSync(lines, 'utf8').trimEnd().split('\n');
    expect(text).toEqual(ruled.institutions.map((row) => JSON.stringify(institutionJson(row))));
    expect(text.filter((line) => line.includes('"consequences"'))).toHaveLength(marked);
  });

  it('-o: the 名单规则 column of 汇总名单 names the consequences of each marked institution', async () => {
    const out = file('rules.xlsx');
    expect(mibWithRules(['-o', out], file('rules-report.txt')).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(ROSTER_SHEET)!;
    const plan = planRosterWorkbook(ruled, rubric, withRules).roster;
    const column = plan.columns.findIndex((c) => c.key === 'consequences') + 1;
    expect(column).toBeGreaterThan(0);
    const body = plan.plan.body!.rows;
    let shown = 0;
    for (let r = 0; r < ROWS; r++) {
      const value = sheet.getRow(r + 2).getCell(column).value;
      expect(value ?? null, `row ${r + 2}`).toBe(body[r]![column - 1] ?? null);
      if (value) shown++;
    }
    expect(shown).toBe(marked);
  });
});
