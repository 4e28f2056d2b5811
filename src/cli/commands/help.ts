import { clipped } from '../../core';
import { isCommandName } from './specs';
import { commandHelp, globalUsage } from '../usage';
import type { Io } from '../io';

/** `mib help [command]`: the global usage, or one command's help. */
export function help(io: Io, positionals: string[]): number {
  const [command] = positionals;
  if (command === undefined) io.out(globalUsage());
  else if (isCommandName(command)) io.out(commandHelp(command));
  else {
    io.err(`没有命令“${clipped(command)}”\n${globalUsage()}`);
    return 2;
  }
  return 0;
}
