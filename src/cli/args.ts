import * as z from 'zod';
import { clipped, decimalFromText, type Dec, MibError, zodProblems } from '../core';
import { type CommandName, type CommandSpec, commands, type FlagSpec, HELP_FLAG } from './commands/specs';
import { flagList } from './usage';

export type Flags = Record<string, string | true>;

export interface CommandLine {
  command: CommandName;
  positionals: string[];
  flags: Flags;
}

const refuse = (field: string, message: string, messageEn: string) => new MibError('invalid-argument', field, message, messageEn);

/** The spec's flags, with --help / -h that every command takes. */
function flagsOf(spec: CommandSpec): Record<string, FlagSpec> {
  return { ...spec.flags, help: HELP_FLAG };
}

/** The flag a word names (`--policy`, `--policy=x`, `-o`), or undefined when the command has no such flag. */
function lookup(flags: Record<string, FlagSpec>, word: string): { name: string; spec: FlagSpec; inline?: string } | undefined {
  if (word.startsWith('--')) {
    const [name = '', inline] = word.slice(2).split(/=(.*)/s, 2);
    const spec = Object.hasOwn(flags, name) ? flags[name] : undefined;
    return spec && { name, spec, ...(inline !== undefined && { inline }) };
  }
  const letter = word.slice(1);
  const found = Object.entries(flags).find(([, spec]) => spec.short === letter);
  return found && { name: found[0], spec: found[1] };
}

/** A word that is a flag: --anything, or a dash and a letter (-o). "-5" is a (negative) number. */
const isFlagWord = (word: string) => word.startsWith('--') || /^-[^\d.]/.test(word);

/**
 * Reads the words after the command against its spec. Refused, naming the command's valid flags: an
 * unknown flag, a flag given twice, a value for a yes/no flag, a missing value, an extra word, a required
 * flag left out. `--help` anywhere wins: the caller prints the command's help instead.
 */
export function parseCommandLine(command: CommandName, words: string[]): CommandLine {
  const spec: CommandSpec = commands[command];
  const flags = flagsOf(spec);
  const positionals: string[] = [];
  const given: Flags = {};
  let endOfFlags = false;
  if (words.some((word) => word === '--help' || word === '-h')) return { command, positionals: [], flags: { help: true } };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (endOfFlags || !isFlagWord(word)) {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      endOfFlags = true;
      continue;
    }
    const flag = lookup(flags, word);
    if (!flag) {
      const shown = clipped(word.split('=')[0] ?? word);
      throw refuse(shown, `mib ${command} 没有参数“${shown}”。可用的参数：${flagList(command)}`, `mib ${command} has no flag ${shown}`);
    }
    const display = `--${flag.name}`;
    if (Object.hasOwn(given, flag.name)) throw refuse(display, `参数 ${display} 给了两次，只能给一次`, `${display} is given twice`);
    if (flag.spec.kind === 'boolean') {
      if (flag.inline !== undefined)
        throw refuse(display, `参数 ${display} 不带取值，收到的是“${clipped(flag.inline)}”`, `${display} takes no value`);
      given[flag.name] = true;
      continue;
    }
    let text = flag.inline;
    if (text === undefined) {
      const next = words[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw refuse(display, `参数 ${display} 缺少取值 ${flag.spec.value ?? ''}`.trimEnd(), `${display} needs a value`);
      text = next;
      i++;
    }
    given[flag.name] = text;
  }
  const many = spec.positionals.some((p) => p.many);
  if (!many && positionals.length > spec.positionals.length) {
    const extra = clipped(positionals[spec.positionals.length] ?? '');
    const takes = spec.positionals.length === 0 ? '不接受位置参数' : `只接受 ${spec.positionals.map((p) => `<${p.name}>`).join(' ')}`;
    throw refuse(extra, `多余的参数“${extra}”：mib ${command} ${takes}。可用的参数：${flagList(command)}`, `unexpected argument "${extra}"`);
  }
  for (const [name, flag] of Object.entries(spec.flags)) {
    const written = flag.short ? `-${flag.short}` : `--${name}`;
    if (flag.required && !Object.hasOwn(given, name))
      throw refuse(written, `缺少参数 ${written} ${flag.value ?? ''}`.trimEnd(), `${written} is required`);
    if (!Object.hasOwn(given, name)) continue;
    if (flag.needs && !Object.hasOwn(given, flag.needs))
      throw refuse(`--${flag.needs}`, `参数 --${name} 需要同时给出 --${flag.needs}`, `--${name} needs --${flag.needs}`);
    const clash = flag.excludes?.find((other) => Object.hasOwn(given, other));
    if (clash) throw refuse(`--${clash}`, `参数 --${clash} 不适用于 --${name}：两者不能同时给出`, `--${clash} does not apply with --${name}`);
  }
  return { command, positionals, flags: given };
}

export interface DecimalRule {
  /** the argument, as messages name it: 得分, --deposit（质量保证金） */
  what: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A number argument as plain decimal text ("85", "84.5"; not "0x2710", "1e3", "Infinity"), exact. */
export function decimalArg(text: string, rule: DecimalRule): Dec {
  const shown = clipped(text);
  // "得分应为…", "下属得分 2 应为…": a space only after a name that ends in a digit or a letter
  const what = /[0-9A-Za-z]$/.test(rule.what) ? `${rule.what} ` : rule.what;
  const value = decimalFromText(text);
  if (value === null) {
    throw refuse(
      rule.what,
      `${what}应为数字（十进制写法，如 85 或 84.5），收到的是“${shown}”`,
      `${rule.what} must be a decimal number, got "${shown}"`,
    );
  }
  const min = rule.min ?? 0;
  if (value.lt(min))
    throw refuse(
      rule.what,
      min === 0 ? `${rule.what}不能为负数` : `${rule.what}不能小于 ${min}，收到的是“${shown}”`,
      `${rule.what} must be at least ${min}`,
    );
  if (rule.max !== undefined && value.gt(rule.max))
    throw refuse(rule.what, `${rule.what}不能大于 ${rule.max}，收到的是“${shown}”`, `${rule.what} must be at most ${rule.max}`);
  if (rule.integer && !value.isInteger()) throw refuse(rule.what, `${rule.what}应为整数，收到的是“${shown}”`, `${rule.what} must be a whole number`);
  return value;
}

/** Parses with zod (an option such as --ratio-rounding); the first issue becomes a Chinese MibError. */
export function parseArg<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problem = zodProblems(parsed.error)[0];
  const reason = problem?.message.replace(/^\(文件\)：/, '') ?? '取值无效';
  throw refuse(field, `${field}：${reason}，收到的是“${clipped(String(value))}”`, `${field}: ${problem?.messageEn ?? 'invalid value'}`);
}
