import { type CommandName, type CommandSpec, commands, type FlagSpec, HELP_FLAG } from './commands/specs';

const flagText = (name: string, flag: FlagSpec) => `--${name}${flag.kind === 'value' ? ` ${flag.value ?? '<值>'}` : ''}`;

/** The command's flags as a refusal lists them: "--policy <政策编号>、--veto、…、--help". */
export function flagList(command: CommandName): string {
  const spec: CommandSpec = commands[command];
  const names = Object.entries(spec.flags).map(([name, flag]) => flagText(name, flag));
  return names.length > 0 ? `${names.join('、')}；--help 查看说明` : '（无）；--help 查看说明';
}

/** One usage line, derived from the spec: `mib grade <得分> --policy <政策编号> [--downgrade <档数>] …` */
export function usageLine(command: CommandName): string {
  const spec: CommandSpec = commands[command];
  const words = spec.positionals.map((p) => {
    const shown = `<${p.name}>${p.many ? '…' : ''}`;
    return p.optional ? `[${shown}]` : shown;
  });
  for (const [name, flag] of Object.entries(spec.flags)) {
    const shown = flag.short ? `-${flag.short} ${flag.value ?? ''}`.trimEnd() : flagText(name, flag);
    words.push(flag.required ? shown : `[${shown}]`);
  }
  return `mib ${command} ${words.join(' ')}`.trimEnd();
}

/** What the spec says about a flag beyond its description: required, needs another, excludes others. */
const conditions = (flag: FlagSpec) =>
  (flag.required ? '（必填）' : '') +
  (flag.needs ? `（需同时给出 --${flag.needs}）` : '') +
  (flag.excludes ? `（不与 ${flag.excludes.map((name) => `--${name}`).join('、')} 同用）` : '');

/** The widest first column of --help; longer flags put their description on the next line. */
const COLUMN = 30;

/** Columns a text takes in a terminal: Chinese characters and full-width punctuation take two. */
const displayWidth = (text: string) =>
  Array.from(text).reduce(
    (sum, char) => sum + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(char) ? 2 : 1),
    0,
  );

/** `mib <command> --help`: the usage line, what the command does, and each argument. */
export function commandHelp(command: CommandName): string {
  const spec: CommandSpec = commands[command];
  const rows: [string, string][] = [
    ...spec.positionals.map((p): [string, string] => [`<${p.name}>`, p.description]),
    ...Object.entries(spec.flags).map(([name, flag]): [string, string] => [
      `${flag.short ? `-${flag.short}, ` : ''}${flagText(name, flag)}`,
      flag.description + conditions(flag),
    ]),
    [`-${HELP_FLAG.short}, --help`, HELP_FLAG.description],
  ];
  const width = Math.min(COLUMN, Math.max(...rows.map(([left]) => displayWidth(left))));
  const row = ([left, right]: [string, string]) => {
    const gap = width - displayWidth(left);
    // a long flag (an option's list of values) takes its own line, its description below it
    return gap < 0 ? `  ${left}\n  ${' '.repeat(width)}  ${right}` : `  ${left}${' '.repeat(gap)}  ${right}`;
  };
  return [`用法：${usageLine(command)}`, spec.description, ...(spec.notes ?? []), '', ...rows.map(row)].join('\n');
}

/** `mib`, `mib help`, `mib --help`: every command's usage line and what it does. */
export function globalUsage(): string {
  const lines = (Object.keys(commands) as CommandName[]).flatMap((command) => [`  ${usageLine(command)}`, `      ${commands[command].description}`]);
  return ['用法：mib <命令> [参数]；mib <命令> --help 显示该命令的说明', ...lines].join('\n');
}
