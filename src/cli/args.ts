import { z } from 'zod';
import { MibError } from '../core';

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Record<string, string | true>;
}

/** Splits argv into a command, positionals and --flags (`--name value`, `--name=value`, bare `--json`). */
export function splitArgs(argv: string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) flags[name] = inline;
      else if (booleanFlags.has(name)) flags[name] = true;
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) {
          throw new MibError('invalid-argument', `--${name}`, `参数 --${name} 缺少取值`, `--${name} needs a value`);
        }
        flags[name] = next;
        i++;
      }
    } else if (/^-[a-zA-Z]$/.test(arg)) {
      // a one-letter flag takes the next word as its value (`-o file.xlsx`)
      const next = argv[i + 1];
      if (next === undefined) throw new MibError('invalid-argument', arg, `参数 ${arg} 缺少取值`, `${arg} needs a value`);
      flags[arg.slice(1)] = next;
      i++;
    } else positionals.push(arg);
  }
  return { command: positionals.shift(), positionals, flags };
}

/** A number from the command line, with a message naming the argument. */
export const numberArg = (name: string) =>
  z.string().transform((text, ctx) => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `${name} 应为数字，收到的是“${text}”` });
      return z.NEVER;
    }
    return n;
  });

/** Parses with zod and turns the first issue into a MibError naming the argument. */
export function parseArg<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = issue?.code === 'custom' ? issue.message : `${field}：${issue?.message ?? '取值无效'}`;
  throw new MibError('invalid-argument', field, message, `${field}: ${issue?.message ?? 'invalid value'}`);
}
