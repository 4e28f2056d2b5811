// `mib roster` streamed (issue 21): a 3,000-row 威海 二级 CSV (the bench runs 100,000) by -o and by --json,
// each in a child process as a user runs it (bin/mib.js: the workbook written into a file stream, the JSON
// as each row is scored). The output is checked against the same roster scored whole in this process:
// every 汇总名单 row, and the JSON text byte for byte. No time is asserted.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/cli/roster/readCsv';
import { getPolicy, getRubric, rosterJson, scoreRoster } from '../../src/core';
import { planRosterWorkbook, ROSTER_SHEET } from '../../src/sheet/roster';
import { weihaiRosterCsv } from '../../bench/rosterStages';
import { scratch } from '../support/rosterFiles';

const ROWS = 3_000;
const file = scratch('mib-roster-streamed-');
const csv = file('roster.csv');
const bytes = weihaiRosterCsv(ROWS);
writeFileSync(csv, bytes);
const args = ['bin/mib.js', 'roster', 'weihai-2021-hospital-l2', '--input', csv, '--policy', 'jilin-2025', '--convert'];
const rubric = getRubric('weihai-2021-hospital-l2');
const policy = getPolicy('jilin-2025');
// the same roster scored whole, in this process
const whole = scoreRoster(rubric, readCsv(bytes, 'roster.csv'), policy, { convert: true });

/** `node bin/mib.js …`, its standard output into a file. */
function mib(more: string[], stdout: string) {
  const fd = openSync(stdout, 'w');
  try {
    return spawnSync(process.execPath, [...args, ...more], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
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
