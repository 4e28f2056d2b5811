import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { clipped, MibError } from '../core';
import { readJsonText } from '../core/jsonText';

export interface FileReader {
  readFile(path: string): string;
}

/** A file's text; an unreadable file is a MibError naming it. */
export function readText(io: FileReader, path: string): string {
  try {
    return io.readFile(path);
  } catch {
    throw new MibError('invalid-file', path, `读不到文件“${clipped(path)}”`, `cannot read ${path}`);
  }
}

/** A JSON file's value; an unreadable file or bad JSON is a MibError naming the file (and line, column). */
export function readJson(io: FileReader, path: string): unknown {
  return readJsonText(readText(io, path), path);
}

const kindOf = (value: unknown) =>
  Array.isArray(value)
    ? '数组'
    : value === null
      ? 'null'
      : typeof value === 'string'
        ? '字符串'
        : typeof value === 'number'
          ? '数字'
          : typeof value === 'boolean'
            ? '布尔值'
            : '其他值';

/** A facts file (--input): a JSON object from input id to value. Its own keys are kept as they are, even
 * "__proto__", so the core reports each unknown id instead of losing it in a copy. */
export function readFacts(io: FileReader, path: string): Record<string, unknown> {
  const value = readJson(io, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MibError(
      'invalid-file',
      '--input',
      `--input 文件“${clipped(path)}”应为“输入编号: 取值”的 JSON 对象（如 {"4.2": 1}），收到的是${kindOf(value)}`,
      `--input ${path} must be a JSON object of input id to value`,
    );
  }
  return value as Record<string, unknown>;
}

/** Whether two paths name one file: the same path once resolved, or (where both exist) the same file on
 * the disk through a link or another spelling. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Refuses, before anything is read, an output (-o) that names one of the command's inputs: writing it
 * would overwrite the file being read (`mib collect a.xlsx -o a.xlsx`). */
export function refuseOverwrite(output: string | undefined, inputs: readonly string[]): void {
  if (output === undefined) return;
  const input = inputs.find((path) => sameFile(path, output));
  if (input !== undefined)
    throw new MibError(
      'invalid-argument',
      '-o',
      `输出文件“${clipped(output)}”就是要读入的文件“${clipped(input)}”，写出会覆盖它：请另取一个输出文件名`,
      `the output ${output} is one of the input files`,
    );
}
