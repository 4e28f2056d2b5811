// `mib` run in-process on files held in memory: the exit code, what it printed, and the files (a file
// the command writes lands in the same record, as text).
import { run } from '../../src/cli/main';

export function mibWith(files: Record<string, string>) {
  return (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(argv, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      writeFile: (path, data) => {
        files[path] = new TextDecoder().decode(data);
      },
      readFile: (path) => {
        const text = files[path];
        if (text === undefined) throw new Error('ENOENT');
        return text;
      },
    });
    if (typeof code !== 'number') throw new Error('template is not run here');
    return { code, out: out.join('\n'), err: err.join('\n'), files };
  };
}
