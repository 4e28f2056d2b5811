import { checkFile, checkPair, MibError, type Problem, RubricSchema } from '../../core';
import { type Flags } from '../args';
import { readJson } from '../files';
import { requirePositional } from './grading';
import type { CommandIo } from '../io';

export function check(io: CommandIo, positionals: string[], flags: Flags): number {
  const path = requirePositional(positionals, 0, '文件路径');
  const json = readJson(io, path);
  const report = checkFile(json);
  // --policy: the table beside the policy it is graded by (what the two say differently, as warnings)
  if (typeof flags.policy === 'string') {
    if (report.kind !== 'rubric')
      throw new MibError(
        'invalid-argument',
        '--policy',
        '--policy 只用于检查考核表：mib check <考核表.json> --policy <政策>',
        '--policy goes with a table file',
      );
    const policy = io.files.policy(flags.policy);
    if (report.errors.length === 0) {
      const rubric = RubricSchema.parse(json);
      report.warnings.push(...checkPair(rubric, policy).map((w) => ({ ...w, field: `（与政策 ${policy.id}）${w.field}` })));
    }
  }
  if (flags.json === true) {
    io.out(JSON.stringify(report, null, 2));
    return report.errors.length > 0 ? 1 : 0;
  }
  // a schema's message already starts with its field (zodProblems): say the field once
  const line = (p: Problem) => (p.message.startsWith(`${p.field}：`) ? p.message : `${p.field}：${p.message}`);
  for (const e of report.errors) io.err(`错误 ${line(e)}`);
  for (const w of report.warnings) io.out(`警告 ${line(w)}`);
  const what = report.kind === 'policy' ? '政策' : report.kind === 'rubric' ? '考核表' : '文件';
  if (report.errors.length > 0) {
    io.err(`${path}：${what}有 ${report.errors.length} 处错误、${report.warnings.length} 处警告`);
    return 1;
  }
  io.out(`${path}：${what}${report.id ? ` ${report.id}` : ''} 通过检查（${report.warnings.length} 处警告）`);
  for (const line of nextSteps(report.kind, path)) io.out(line);
  return 0;
}

/** What to do with a file that passed: the commands that take it by path. */
export function nextSteps(kind: 'rubric' | 'policy' | 'unknown', path: string): string[] {
  const file = /^(\.{1,2}[\\/]|[\\/]|[A-Za-z]:)/.test(path) ? path : `./${path}`;
  if (kind === 'rubric') {
    return [
      '下一步：',
      `  mib score ${file} --input 事实.json [--policy 政策]    按事实文件打分`,
      `  mib template ${file} [--policy 政策] -o 考核表.xlsx    生成可填报的 Excel 考核表`,
    ];
  }
  if (kind === 'policy') {
    return [
      '下一步：',
      `  mib grade 85 --policy ${file}                           评定等次`,
      `  mib score <考核表> --input 事实.json --policy ${file}    打分并评定等次（与返还）`,
    ];
  }
  return [];
}
