import { readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
import { clipped, MibError, zodProblems } from '../core';
import { type Flags, parseCommandLine } from './args';
import { type CommandName, isCommandName } from './commands/specs';
import { openOutputFile, readFacts } from './files';
import { OwnFiles } from './ownFiles';
import { newFile } from './commands/new';
import { commandHelp, globalUsage } from './usage';
import { score } from './commands/score';
import { grade } from './commands/grade';
import { refund } from './commands/refund';
import { composite } from './commands/composite';
import { rubricsList } from './commands/rubrics';
import { check } from './commands/check';
import { help } from './commands/help';
import type { CommandIo, Io } from './io';

export type { Io } from './io';

const handlers: Record<
  Exclude<CommandName, 'template' | 'collect' | 'roster' | 'help'>,
  (io: CommandIo, positionals: string[], flags: Flags) => number
> = {
  score,
  grade,
  refund,
  composite,
  rubrics: (io, _positionals, flags) => rubricsList(io, flags),
  check,
  new: newFile,
};

/** Runs one command; returns the exit code (a promise for `template`, `collect` and `roster`, which read and
 * write workbooks). Never lets a stack trace reach the user. */
export function run(argv: string[], io: Io): number | Promise<number> {
  try {
    const [word, ...rest] = argv;
    if (word === undefined) {
      io.err(globalUsage());
      return 2;
    }
    if (word === '--help' || word === '-h') return help(io, []);
    if (!isCommandName(word)) {
      io.err(`${word.startsWith('-') ? `请先写命令，再写参数“${clipped(word)}”` : `未知的命令“${clipped(word)}”`}\n${globalUsage()}`);
      return 2;
    }
    const { command, positionals, flags } = parseCommandLine(word, rest);
    if (flags.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    if (command === 'help') return help(io, positionals);
    const files = new OwnFiles(io);
    // template, collect and roster load ExcelJS, csv-parse and iconv-lite: only when they run
    if (command === 'template') {
      return import('./commands/template')
        .then(({ template }) => template({ ...io, files, readFacts: (path) => readFacts(io, path) }, positionals, flags))
        .catch((error: unknown) => failure(io, error))
        .finally(() => files.release());
    }
    if (command === 'collect' || command === 'roster') {
      const readBytes = io.readBytes ?? (() => unreadable());
      const load = command === 'collect' ? import('./commands/collect').then((m) => m.collect) : import('./commands/roster').then((m) => m.roster);
      return load
        .then((handler) => handler({ ...io, files, readBytes }, positionals, flags))
        .catch((error: unknown) => failure(io, error))
        .finally(() => files.release());
    }
    try {
      return handlers[command]({ ...io, files }, positionals, flags);
    } finally {
      files.release();
    }
  } catch (error) {
    return failure(io, error);
  }
}

/** An Io that reads text only (a test's) cannot hand over a workbook's bytes. */
function unreadable(): never {
  throw new Error('this Io reads no bytes');
}

/** The exit code and a Chinese message for an error, never its stack. */
function failure(io: Io, error: unknown): number {
  if (error instanceof MibError) {
    // the core says what is wrong; the command line adds how to ask for 折算 here
    const how =
      error.code === 'scale-mismatch'
        ? '命令中加 --convert 即按政策分制折算。'
        : error.code === 'bonus-beyond-scale'
          ? '命令中加 --convert 即照常评定（不折算）。'
          : error.code === 'out-of-scale'
            ? '用 --scale <考核表编号|满分> 说明得分所用的考核表。'
            : '';
    io.err(`错误：${how ? `${error.message.replace(/。$/, '')}；${how}` : error.message}`);
    return 2;
  }
  if (error instanceof z.ZodError) {
    for (const p of zodProblems(error)) io.err(`错误：${p.message}`);
    return 2;
  }
  io.err(`内部错误：${clipped(error instanceof Error ? error.message : String(error))}`);
  return 70;
}

export const nodeIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
  readsDisk: true,
  openOutput: openOutputFile,
  // cli-progress loads only where a bar is drawn
  progress: async (label, total, options) => (process.stderr.isTTY ? (await import('./progress')).terminalBar(label, total, options) : undefined),
};
