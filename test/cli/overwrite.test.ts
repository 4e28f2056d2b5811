// `-o` naming a file the command reads is refused before anything is read or written (issue 22): the input
// stays as it was, byte for byte.
import { linkSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../support/filledSheet';
import { mibOnDisk } from '../support/mibOnDisk';

const dir = mkdtempSync(join(tmpdir(), 'mib-overwrite-'));

describe('an output that is an input is refused', () => {
  it('mib collect a.xlsx -o a.xlsx, and through another spelling or a hard link', async () => {
    const { file } = await fillTemplate(join(dir, 'a.xlsx'), 'cq-jiangbei-2025-hospital', 'A1', { '6.1': 1 });
    const before = readFileSync(file);
    linkSync(file, join(dir, 'link.xlsx'));
    for (const output of [file, join(dir, '.', 'a.xlsx'), join(dir, 'link.xlsx')]) {
      const run = await mibOnDisk('collect', file, '-o', output);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/就是要读入的文件.*写出会覆盖它/);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('mib roster --input x.xlsx -o x.xlsx', async () => {
    const { file } = await fillTemplate(join(dir, 'x.xlsx'), 'cq-jiangbei-2025-hospital', 'X1', {});
    const before = readFileSync(file);
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', file, '-o', file);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/就是要读入的文件/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
