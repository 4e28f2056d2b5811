// Issue 22 deliver 6: no English or library text reaches a user. A file the command cannot read or
// write is named, with why in Chinese (never Node's "ENOENT: no such file or directory"); the help says
// 用法 alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFault } from '../../src/cli/files';
import { globalUsage } from '../../src/cli/usage';
import { mibOnDisk } from '../support/mibOnDisk';

const dir = mkdtempSync(join(tmpdir(), 'mib-plain-'));
const nowhere = join(dir, 'no-such-folder');
/** Latin words of English a person should not read: Node's error texts, the help's gloss. */
const english = /ENOENT|EACCES|EISDIR|no such file|directory|usage|open '/i;

describe('a file that cannot be read or written is named, in Chinese', () => {
  it('mib score with a facts file that is not there', async () => {
    const run = await mibOnDisk('score', 'cq-jiangbei-2025-hospital', '--input', join(dir, 'facts.json'));
    expect(run.code).toBe(2);
    expect(run.err).toBe(`错误：读不到文件“${join(dir, 'facts.json')}”：文件不存在（请核对文件名和所在的文件夹）`);
  });

  it('mib roster with a roster that is not there, or a folder for a roster', async () => {
    const missing = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', join(dir, '名单.csv'));
    expect(missing.err).toBe(`错误：读不到名单文件“${join(dir, '名单.csv')}”：文件不存在（请核对文件名和所在的文件夹）`);
    const folder = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', dir);
    expect(folder.err).toBe(`错误：读不到名单文件“${dir}”：这是一个文件夹，不是文件`);
    expect(`${missing.err}${folder.err}`).not.toMatch(english);
  });

  it('mib template and mib new into a folder that is not there', async () => {
    const template = await mibOnDisk('template', 'cq-jiangbei-2025-hospital', '-o', join(nowhere, '考核表.xlsx'));
    expect(template.err).toBe(`错误：写不了文件“${join(nowhere, '考核表.xlsx')}”：所在的文件夹不存在`);
    const starter = await mibOnDisk('new', 'policy', '-o', join(nowhere, '政策.json'));
    expect(starter.err).toBe(`错误：写不了文件“${join(nowhere, '政策.json')}”：所在的文件夹不存在`);
  });

  it('an error without a known code says nothing more than the file’s name, never its English text', () => {
    expect(fileFault(new Error('ENOENT: no such file or directory'))).toBe('');
    expect(fileFault(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))).toBe('没有访问这个文件的权限');
    expect(fileFault(Object.assign(new Error('EBUSY'), { code: 'EBUSY' }), true)).toBe('文件正被其他程序占用（如在 Excel 中打开着），请关闭后重试');
  });
});

describe('the help', () => {
  it('says 用法, not 用法（usage）', async () => {
    expect(globalUsage().split('\n')[0]).toBe('用法：mib <命令> [参数]；mib <命令> --help 显示该命令的说明');
    const help = await mibOnDisk('help');
    expect(help.out.split('\n')[0]).toBe('用法：mib <命令> [参数]；mib <命令> --help 显示该命令的说明');
    expect(help.out).not.toMatch(english);
  });
});
