// A `mib roster -o out.xlsx` that fails keeps the out.xlsx that was there, byte for byte, and says why in
// Chinese: the workbook is written into a hidden sibling (openOutputFile) and renamed over out.xlsx only once
// whole. Run in-process with the command's own file functions (nodeIo), on real files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partFileOf } from '../../src/cli/files';
import { nodeIo, run } from '../../src/cli/main';
import { jiangbeiRow } from '../support/jiangbeiRows';
import { scratch, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-kept-');

/** `mib` as the command line runs it (the disk, the hidden sibling), what it prints caught. */
async function mib(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A first run's workbook at `output`: the file a failed second run must keep. */
async function earlierWorkbook(output: string): Promise<Buffer> {
  const csv = writeCsv(path('last-week.csv'), [jiangbeiRow('A', '', {}), jiangbeiRow('B', '', { '6.1': 5 })]);
  const first = await mib('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'cq-jiangbei-2025', '-o', output);
  expect(first.code).toBe(0);
  return readFileSync(output);
}

const englishFault = /ENOSPC|ENOENT|EISDIR|no space|Invalid|Error/i;

describe('a failed mib roster -o keeps the file that was there', () => {
  // /dev/full takes the open and refuses every write with ENOSPC, as a full disk does part way through a file
  it.skipIf(!existsSync('/dev/full'))('the disk full while the workbook is written: out.xlsx as it was, 磁盘空间不足', async () => {
    const output = path('full.xlsx');
    const before = await earlierWorkbook(output);
    const csv = writeCsv(path('this-week.csv'), [jiangbeiRow('A', '', { '18.1': 0 }), jiangbeiRow('C', '', {})]);
    // the sibling this run writes into, on a full disk
    symlinkSync('/dev/full', partFileOf(output));
    const run = await mib('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'cq-jiangbei-2025', '-o', output);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`错误：写不了文件“${output}”：磁盘空间不足`);
    expect(run.err).not.toMatch(englishFault);
    expect(readFileSync(output).equals(before)).toBe(true);
    // the half-written sibling is gone; nothing else was left beside the file
    expect(readdirSync(dirname(output)).filter((name) => name.includes('full.xlsx'))).toEqual(['full.xlsx']);
  });

  it.skipIf(!existsSync('/dev/full'))('the compiled mib on a full disk: exit 2 and one Chinese line, no stack', async () => {
    const output = path('full-process.xlsx');
    const before = await earlierWorkbook(output);
    const csv = writeCsv(path('this-week.csv'), [jiangbeiRow('A', '', { '18.1': 0 }), jiangbeiRow('C', '', {})]);
    // the shell links partFileOf's name for its own pid, which `exec` hands on to the command
    const run = spawnSync(
      'sh',
      [
        '-c',
        'ln -s /dev/full "$(dirname "$1")/.$(basename "$1").$$.part" && shift && exec "$@"',
        'sh',
        output,
        process.execPath,
        'bin/mib.js',
      ].concat(['roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'cq-jiangbei-2025', '-o', output]),
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe(`错误：写不了文件“${output}”：磁盘空间不足\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(output).equals(before)).toBe(true);
    expect(readdirSync(dirname(output)).filter((name) => name.includes('full-process.xlsx'))).toEqual(['full-process.xlsx']);
  });

  it('a roster that cannot be scored (no 机构编码 column): out.xlsx as it was, 未生成', async () => {
    const output = path('unscored.xlsx');
    const before = await earlierWorkbook(output);
    const csv = writeCsv(path('no-codes.csv'), [{ 名称: '机构A', '18.1': 1 }]);
    const run = await mib('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'cq-jiangbei-2025', '-o', output);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`未计分，未生成 ${output}`);
    expect(run.err).not.toMatch(englishFault);
    expect(readFileSync(output).equals(before)).toBe(true);
  });
});
