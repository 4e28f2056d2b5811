// Long commands show their progress on stderr when it is a terminal, and print nothing of it into a pipe.
// The terminal is a real pseudo-terminal (util-linux's `script`), the command the compiled mib.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../support/filledSheet';
import { twelveInstitutions } from '../support/jiangbeiRows';
import { writeCsv } from '../support/rosterFiles';

const dir = mkdtempSync(join(tmpdir(), 'mib-progress-'));

describe('progress on stderr', () => {
  it('mib collect draws a bar in a terminal and none into a pipe', async () => {
    const files: string[] = [];
    for (let k = 0; k < 3; k++) files.push((await fillTemplate(join(dir, `${k}.xlsx`), 'cq-jiangbei-2025-hospital', `P${k}`, {})).file);
    const command = ['node', 'bin/mib.js', 'collect', ...files, '-o', join(dir, 'out.xlsx')];

    const log = join(dir, 'terminal.log');
    const inTerminal = spawnSync('script', ['-qec', `${command.join(' ')} > /dev/null`, log], { encoding: 'utf8' });
    expect(inTerminal.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/收集报送表 [█░]+ 3\/3 100%/);

    const piped = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('已收集 3 份');
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('收集报送表 ');
  }, 120_000);

  it('mib roster draws a bar while it scores, and none into a pipe', () => {
    const csv = writeCsv(join(dir, 'roster.csv'), twelveInstitutions());
    const command = ['node', 'bin/mib.js', 'roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'jilin-2025'];
    const log = join(dir, 'roster.log');
    spawnSync('script', ['-qec', `${command.join(' ')} > /dev/null`, log], { encoding: 'utf8' });
    expect(readFileSync(log, 'utf8')).toMatch(/计分 [█░]+ 12\/12 100%/);
    const piped = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    expect(`${piped.stdout}${piped.stderr}`).not.toMatch(/计分 [█░]/);
  }, 120_000);

  it('mib roster of an .xlsx roster draws a bar while it reads the sheet, then while it scores', async () => {
    const records = twelveInstitutions();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    const header = Object.keys(records[0]!);
    sheet.addRow(header);
    for (const record of records) sheet.addRow(header.map((key) => (record[key] ?? null) as ExcelJS.CellValue));
    const xlsx = join(dir, 'roster.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const command = ['node', 'bin/mib.js', 'roster', 'cq-jiangbei-2025-hospital', '--input', xlsx, '--policy', 'jilin-2025'];
    const log = join(dir, 'roster-xlsx.log');
    spawnSync('script', ['-qec', `${command.join(' ')} > /dev/null`, log], { encoding: 'utf8' });
    const drawn = readFileSync(log, 'utf8');
    // the share of the sheet read alone (its bytes mean nothing to a clerk), then the rows scored
    expect(drawn).toMatch(/读取名单 [█░]+ 100%/);
    expect(drawn).not.toMatch(/读取名单 [█░]+ \d+\//);
    expect(drawn).toMatch(/计分 [█░]+ 12\/12 100%/);
    const piped = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    expect(piped.stdout).toContain('12 家机构');
    expect(`${piped.stdout}${piped.stderr}`).not.toMatch(/读取名单 [█░]/);
    // last year's roster (--previous) as an .xlsx: a bar of its own
    const withPrevious = join(dir, 'roster-previous.log');
    spawnSync('script', ['-qec', `${[...command, '--previous', xlsx].join(' ')} > /dev/null`, withPrevious], { encoding: 'utf8' });
    expect(readFileSync(withPrevious, 'utf8')).toMatch(/读取上年名单 [█░]+ 100%/);
  }, 120_000);
});
