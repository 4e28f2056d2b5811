import { fileError } from '../files';
import { clipped, MibError, PLACEHOLDER } from '../../core';
import type { Flags } from '../args';
import { starterPolicy, starterTable, starterText } from '../starterFiles';

export interface NewIo {
  out(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, data: Uint8Array): void;
}

const starters = {
  table: { file: starterTable, what: '考核表' },
  policy: { file: starterPolicy, what: '政策' },
} as const;

const isStarter = (word: string): word is keyof typeof starters => Object.hasOwn(starters, word);

/** `mib new table|policy [-o file.json]`: a starting file with its explanations, on screen or written to a
 * new file (an existing file is never overwritten: it may be the author's work). */
export function newFile(io: NewIo, positionals: string[], flags: Flags): number {
  const word = positionals[0] ?? '';
  if (!isStarter(word)) {
    throw new MibError(
      'invalid-argument',
      '种类',
      `mib new 后应写 table（考核表）或 policy（政策），收到的是“${clipped(word)}”`,
      'mib new takes table or policy',
    );
  }
  const { file, what } = starters[word];
  const text = starterText(file);
  const output = flags.output;
  if (typeof output !== 'string') {
    io.out(text.trimEnd());
    return 0;
  }
  if (exists(io, output))
    throw new MibError('invalid-file', output, `文件“${clipped(output)}”已存在，未覆盖：请换一个文件名`, `${output} exists; not overwritten`);
  try {
    io.writeFile(output, new TextEncoder().encode(text));
  } catch (error) {
    throw fileError(output, error, { writing: true });
  }
  io.out(`已生成${what}起始文件 ${output}：把“${PLACEHOLDER}”换成通知原文，再运行 mib check ${output}`);
  return 0;
}

function exists(io: NewIo, path: string): boolean {
  try {
    io.readFile(path);
    return true;
  } catch {
    return false;
  }
}
