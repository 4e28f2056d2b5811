import type { RosterTable } from '../../core/roster/types';
import { fileError, sameFile } from '../files';
import { readRosterTable } from '../roster/readRoster';

/**
 * The files to collect, each once: a file named twice (the same path, or another spelling of it) is read
 * once, at its first place, and `repeated` gives how many times it was named, for its line to say so
 * (rather than calling it a duplicate of itself).
 */
export function givenOnce(positionals: readonly string[]): { paths: string[]; repeated: Map<string, number> } {
  const paths: string[] = [];
  const repeated = new Map<string, number>();
  for (const path of positionals) {
    const first = paths.find((p) => p === path || sameFile(p, path));
    if (first === undefined) paths.push(path);
    else repeated.set(first, (repeated.get(first) ?? 1) + 1);
  }
  return { paths, repeated };
}

/** `--roster`: the agency's own list of institutions, read by the roster reader (CSV or .xlsx by what it
 * is). A file that cannot be read stops the command before any sheet is read, with a Chinese message. */
export async function readAgencyList(readBytes: (path: string) => Uint8Array, path: string): Promise<RosterTable> {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch (error) {
    throw fileError(path, error, { what: '机构名单文件' });
  }
  const table = await readRosterTable(bytes, path);
  return { ...table, source: path };
}
