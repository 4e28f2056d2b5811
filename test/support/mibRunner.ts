// `mib` run in-process on files held in memory: the exit code and what it printed.
import { run } from '../../src/cli/main';

export function mibWith(files: Record<string, string>) {
  return (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(argv, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      writeFile: () => {
        throw new Error('no files are written here');
      },
      readFile: (path) => {
        const text = files[path];
        if (text === undefined) throw new Error('ENOENT');
        return text;
      },
    });
    if (typeof code !== 'number') throw new Error('template is not run here');
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
