import {
  bundledPolicyIds,
  bundledRubricIds,
  checkedFile,
  clipped,
  getPolicy,
  getRubric,
  MibError,
  type Policy,
  registerPolicy,
  registerRubric,
  type Rubric,
  unregister,
} from '../core';
import type { FileToStore } from '../sheet/storedFiles/contract';
import { type FileReader, readText } from './files';
import { readJsonText } from '../core/files/jsonText';

/** An argument that names a file rather than an id: ids are lowercase letters, digits and hyphens, so a
 * slash, a backslash or a .json ending can only be a path. */
export const looksLikePath = (arg: string) => /[/\\]/.test(arg) || /\.json$/i.test(arg);

const EXAMPLE = { rubric: './my-table.json', policy: './my-policy.json' } as const;
const WHAT = { rubric: '考核表', policy: '政策' } as const;

/**
 * The tables and policies one `mib` command names, by id or by path. A path is read, checked as
 * `mib check` checks it (warnings go to stderr, errors stop the command) and registered for the rest of
 * the command, so every later `getRubric` / `getPolicy` (the sheet plan's too) finds it by its id;
 * `release` forgets them when the command ends. The files read are kept, text as written, for a
 * template to carry.
 */
export class OwnFiles {
  private readonly read = new Map<string, FileToStore & { path: string }>();

  constructor(private readonly io: FileReader & { err(text: string): void }) {}

  rubric(arg: string): Rubric {
    if (!looksLikePath(arg)) return byId('rubric', arg, () => getRubric(arg));
    const checked = this.load(arg, 'rubric');
    return checked.kind === 'rubric' ? checked.rubric : unreachable();
  }

  policy(arg: string): Policy {
    if (!looksLikePath(arg)) return byId('policy', arg, () => getPolicy(arg));
    const checked = this.load(arg, 'policy');
    return checked.kind === 'policy' ? checked.policy : unreachable();
  }

  /** The file a table or policy with this id was read from this command, or undefined (bundled). */
  pathOf(kind: 'rubric' | 'policy', id: string): string | undefined {
    return [...this.read.values()].find((f) => f.kind === kind && f.id === id)?.path;
  }

  /** Every file read, in the order read, for the template to carry (MIB_FILES). */
  stored(): FileToStore[] {
    return [...this.read.values()].map(({ kind, id, text }) => ({ kind, id, text }));
  }

  /** Forgets what this command registered: the registry is the process's, and a test runs many commands. */
  release(): void {
    for (const file of this.read.values()) unregister(file.kind, file.id);
    this.read.clear();
  }

  private load(path: string, kind: 'rubric' | 'policy') {
    const text = readText(this.io, path);
    const checked = checkedFile(readJsonText(text, path), path, kind);
    const value = checked.kind === 'rubric' ? checked.rubric : checked.policy;
    try {
      if (checked.kind === 'rubric') registerRubric(checked.rubric);
      else registerPolicy(checked.policy);
    } catch (error) {
      // the registry refuses a bundled id: name the file it came from
      if (error instanceof MibError)
        throw new MibError(error.code, error.field, `“${clipped(path)}”：${error.message}`, `${path}: ${error.messageEn}`);
      throw error;
    }
    for (const w of checked.warnings) this.io.err(`警告（${clipped(path)}）${w.field}：${w.message}`);
    this.read.set(`${kind}:${value.id}`, { kind, id: value.id, text, path });
    return checked;
  }
}

function unreachable(): never {
  throw new Error('checkedFile returned another kind than asked for');
}

/** A bundled (or registered) table or policy by id; an unknown id says which ids exist and that a file
 * path works too. */
function byId<T>(kind: 'rubric' | 'policy', id: string, get: () => T): T {
  try {
    return get();
  } catch (error) {
    if (!(error instanceof MibError) || (error.code !== 'unknown-rubric' && error.code !== 'unknown-policy')) throw error;
    const bundled = kind === 'rubric' ? bundledRubricIds : bundledPolicyIds;
    throw new MibError(
      error.code,
      error.field,
      `未知的${WHAT[kind]}编号“${clipped(id)}”。内置的有：${bundled.join('、')}；也可以给出${WHAT[kind]}文件的路径，如 ${EXAMPLE[kind]}`,
      `unknown ${kind} id "${clipped(id)}"; bundled ids: ${bundled.join(', ')}; a file path such as ${EXAMPLE[kind]} works too`,
    );
  }
}
