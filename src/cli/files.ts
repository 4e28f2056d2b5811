import { createWriteStream, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { clipped, MibError } from '../core';
import { readJsonText } from '../core/files/jsonText';

export interface FileReader {
  readFile(path: string): string;
}

/** Why the system refused to read or write a file, in Chinese, from Node's error code: never the
 * error's own English text ("ENOENT: no such file or directory"). Empty where the code says nothing. */
export function fileFault(error: unknown, writing = false): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const said: Record<string, string> = {
    ENOENT: writing ? '所在的文件夹不存在' : '文件不存在（请核对文件名和所在的文件夹）',
    EACCES: '没有访问这个文件的权限',
    EPERM: '没有访问这个文件的权限',
    EISDIR: '这是一个文件夹，不是文件',
    ENOTDIR: '路径中有一段不是文件夹',
    EROFS: '磁盘或文件夹是只读的',
    ENOSPC: '磁盘空间不足',
    EBUSY: '文件正被其他程序占用（如在 Excel 中打开着），请关闭后重试',
    EMFILE: '同时打开的文件太多，请稍后重试',
    ENAMETOOLONG: '文件名太长',
  };
  return said[code] ?? '';
}

/** The refusal of a file that could not be read (what: 文件, 名单文件…) or written, naming it and why. */
export function fileError(path: string, error: unknown, how: { what?: string; writing?: boolean } = {}): MibError {
  const why = fileFault(error, how.writing);
  const head = how.writing ? `写不了文件“${clipped(path)}”` : `读不到${how.what ?? '文件'}“${clipped(path)}”`;
  return new MibError('invalid-file', path, why ? `${head}：${why}` : head, `cannot ${how.writing ? 'write' : 'read'} ${path}`);
}

/** A file's text; an unreadable file is a MibError naming it. */
export function readText(io: FileReader, path: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    throw fileError(path, error);
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

/** What names a file: its path once resolved and, where it exists, its place on the disk (device and
 * inode); two paths name one file when they share one of these. */
export function fileIdentities(path: string): string[] {
  const resolved = `path:${resolve(path)}`;
  try {
    const stat = statSync(path);
    return [resolved, `inode:${stat.dev}:${stat.ino}`];
  } catch {
    return [resolved];
  }
}

/** Whether two paths name one file: the same path once resolved, or (where both exist) the same file on
 * the disk through a link or another spelling. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const other = fileIdentities(b);
  return fileIdentities(a).some((identity) => other.includes(identity));
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

/** A file being written as a stream: put in its place by `commit` once whole; `abort` drops it. */
export interface OutputFile {
  stream: Writable;
  commit(): Promise<void>;
  abort(): void;
}

/** The hidden sibling a file is written into before it takes its name (openOutputFile): beside it, so the
 * rename stays on one disk, and this process's own. */
export const partFileOf = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.part`);

/**
 * A file written as it is made (`mib roster -o`'s workbook), into a hidden sibling first and renamed over
 * `path` only once whole: a run that fails part way (a full disk, an error while writing) leaves the file
 * that was there as it was, not cut short. Opened at once, so a path that cannot be written is refused
 * before anything is made.
 */
export function openOutputFile(path: string): OutputFile {
  const part = partFileOf(path);
  const stream = createWriteStream(part, { fd: openSync(part, 'w') });
  // a write the system refuses (a full disk) is this file's failure, given to whoever commits it: never an
  // unhandled 'error' event, which would end the command with Node's English stack after its own message
  let failed: Error | undefined;
  stream.on('error', (error) => {
    failed ??= error;
  });
  const closed = new Promise<void>((done) => stream.once('close', () => done()));
  return {
    stream,
    async commit() {
      await closed;
      if (failed) throw failed;
      renameSync(part, path);
    },
    abort() {
      stream.destroy();
      rmSync(part, { force: true });
    },
  };
}
