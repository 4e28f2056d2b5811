// `mib` run in-process on real files (a template is written to disk): the exit code and what it printed.
import { readFileSync, writeFileSync } from 'node:fs';
import { run } from '../../src/cli/main';

export async function mibOnDisk(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => readFileSync(path, 'utf8'),
    readBytes: (path) => readFileSync(path),
    writeFile: (path, data) => writeFileSync(path, data),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
