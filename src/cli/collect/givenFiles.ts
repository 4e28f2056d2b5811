import { clipped, MibError } from '../../core';
import { headerLacks } from '../../core/roster/institutions';
import type { RosterTable } from '../../core/roster/types';
import { fileError, fileIdentities } from '../files';
import { readRosterTable } from '../roster/readRoster';

/**
 * The files to collect, each once: a file named twice (the same path, or another spelling of it) is read
 * once, at its first place, and `repeated` gives how many times it was named, for its line to say so
 * (rather than calling it a duplicate of itself). Each path is looked up on the disk once: comparing every
 * pair (sameFile) took 2 s of 500 files' 3.4 s on the main thread while worker threads read them.
 */
export function givenOnce(positionals: readonly string[]): { paths: string[]; repeated: Map<string, number> } {
  const paths: string[] = [];
  const repeated = new Map<string, number>();
  const firstOf = new Map<string, string>();
  for (const path of positionals) {
    const identities = fileIdentities(path);
    const first = identities.map((identity) => firstOf.get(identity)).find((p) => p !== undefined);
    if (first === undefined) {
      paths.push(path);
      for (const identity of identities) firstOf.set(identity, path);
    } else repeated.set(first, (repeated.get(first) ?? 1) + 1);
  }
  return { paths, repeated };
}

/** `--roster`: the agency's own list of institutions, read by the roster reader (CSV or .xlsx by what it
 * is). A file that cannot be read stops the command before any sheet is read, with a Chinese message, and
 * so does a list whose header names no 机构编码 or no 机构名称: it lists no institution to check the sheets
 * against (every sheet would be "not on the list", and the list "all sent"). */
export async function readAgencyList(readBytes: (path: string) => Uint8Array, path: string): Promise<RosterTable> {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch (error) {
    throw fileError(path, error, { what: '机构名单文件' });
  }
  const table = await readRosterTable(bytes, path);
  const lacks = headerLacks(table.header, table.rows[0], table.cellName);
  if (lacks.length > 0)
    throw new MibError(
      'invalid-file',
      path,
      `机构名单“${clipped(path)}”不能用来核对：${lacks.map((p) => p.message).join('；')}`,
      `the list ${path} cannot be used: ${lacks.map((p) => p.messageEn).join('; ')}`,
    );
  return { ...table, source: path };
}
