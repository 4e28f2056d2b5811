import type { OwnFiles } from './ownFiles';
import type { OutputFile } from './files';
import type { ProgressBar } from './progress';

/** What a command reads and writes through: the terminal, files (tests give their own). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  /** a file's bytes (workbooks, CSV in any encoding); commands that read only JSON do without it */
  readBytes?(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  /** the paths name files on this machine's disk (worker threads may read them themselves) */
  readsDisk?: boolean;
  /** a progress bar for a long command, where one can be seen (stderr is a terminal); none otherwise */
  progress?: ProgressBar;
  /** a file opened to be written as a stream (`mib roster -o` writes its workbook as it is made) */
  openOutput?(path: string): OutputFile;
}

/** What a command is given: the Io, and the tables and policies it names, by id or by path. */
export type CommandIo = Io & { files: OwnFiles };
