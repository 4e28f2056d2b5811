import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import {
  checkFile,
  compositeScore,
  DowngradeRefundSchema,
  evaluate,
  FractionalPointsSchema,
  fmt,
  getPolicy,
  getRubric,
  gradeOf,
  listPolicies,
  listRubrics,
  MibError,
  type Policy,
  readingLine,
  readingsOf,
  RatioRoundingSchema,
  RawInputsSchema,
  refundOf,
  resultToJson,
  specialRefund,
  zodProblems,
} from '../core';
import { numberArg, parseArg, splitArgs } from './args';
import { OwnershipArgSchema } from './ownershipArg';
import { template } from './templateCommand';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, data: Uint8Array): void;
}

const BOOLEAN_FLAGS = new Set(['json', 'veto', 'help', 'en']);

const USAGE = `用法（usage）:
  mib score <考核表编号> --input <事实.json> [--policy <政策编号>] [--deposit <金额>] [--downgrade <档数>] [--ownership 公立|民营] [--json]
  mib grade <得分> --policy <政策编号> [--downgrade <档数>] [--veto] [--json]
  mib refund <得分> --deposit <金额> --policy <政策编号> [--downgrade <档数>] [--veto]
             [--fractional-points proportional|whole|started] [--ratio-rounding percent-2|fraction-2|none]
             [--downgrade-refund grade|score] [--json]
  mib refund --case <requestedTerminationWithViolations|requestedTerminationClean|rescinded|underSixMonths> --deposit <金额> --policy <政策编号>
  mib composite <自身得分> <下属得分…> --policy <政策编号> [--json]
  mib template <考核表编号> -o <文件.xlsx> [--input <事实.json>] [--policy <政策编号>] [--deposit <金额>]
               [--code <机构编码>] [--name <机构名称>] [--year <年度>] [--ownership 公立|民营]   生成不需加载项也能计算的考核表模板
  mib rubrics [--json]          列出考核表与政策
  mib check <文件.json>         检查自定义考核表或政策文件（错误时退出码非 0）`;

const depositArg = numberArg('--deposit（质量保证金）').pipe(z.number().min(0, '--deposit（质量保证金）不能为负数'));
const downgradeArg = numberArg('--downgrade（降档数）').pipe(z.number().int('--downgrade（降档数）应为整数').min(0, '--downgrade（降档数）不能为负数'));
const scoreArg = numberArg('得分').pipe(z.number().min(0, '得分不能为负数'));

function requireFlag(flags: Record<string, string | true>, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new MibError('invalid-argument', `--${name}`, `缺少参数 --${name}`, `--${name} is required`);
  return value;
}

function requirePositional(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined) throw new MibError('invalid-argument', what, `缺少${what}`, `missing ${what}`);
  return value;
}

function readJson(io: Io, path: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch {
    throw new MibError('invalid-file', path, `读不到文件“${path}”`, `cannot read ${path}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MibError('invalid-file', path, `文件“${path}”不是有效的 JSON：${(e as Error).message}`, `${path} is not valid JSON`);
  }
}

function policyOf(flags: Record<string, string | true>): Policy {
  return getPolicy(requireFlag(flags, 'policy'));
}

function optionalDowngrade(flags: Record<string, string | true>): number | undefined {
  return typeof flags.downgrade === 'string' ? parseArg(downgradeArg, flags.downgrade, '--downgrade') : undefined;
}

function score(io: Io, positionals: string[], flags: Record<string, string | true>): number {
  const rubric = getRubric(requirePositional(positionals, 0, '考核表编号'));
  const raw = parseArg(RawInputsSchema, readJson(io, requireFlag(flags, 'input')), '--input（应为“输入编号: 取值”的 JSON 对象）');
  const ownership = typeof flags.ownership === 'string' ? parseArg(OwnershipArgSchema, flags.ownership, '--ownership') : undefined;
  const result = evaluate(rubric, raw, { ...(ownership && { ownership }) });
  if (result.invalid.length > 0) {
    for (const problem of result.invalid) io.err(`输入错误：${problem.message}`);
    io.err(`共 ${result.invalid.length} 处输入错误，未计分。请更正 ${flags.input} 后重试。`);
    return 2;
  }
  const json: Record<string, unknown> = resultToJson(result);
  const downgrade = optionalDowngrade(flags);
  let gradeLine = '';
  const policy = typeof flags.policy === 'string' ? policyOf(flags) : undefined;
  // every reading that bears on the result (口径说明): the table's, each clause's, the policy's
  const readings = readingsOf(rubric, { ...(policy && { policy }), ...(ownership && { ownership }) });
  json.readings = readings;
  if (policy) {
    const grade = gradeOf(policy, result.total, { veto: result.veto, downgrade });
    json.grade = grade.label;
    gradeLine = `等次：${grade.label}（${policy.title}）`;
    if (typeof flags.deposit === 'string') {
      const refund = refundOf(policy, result.total, parseArg(depositArg, flags.deposit, '--deposit'), { veto: result.veto, downgrade });
      json.refund = refund.amount.toNumber();
      json.refundRatio = refund.ratio.toNumber();
      gradeLine += `\n质量保证金返还：${refund.amount.toFixed(2)} 元（${fmt(refund.ratio.times(100))}%）`;
    }
  } else if (typeof flags.deposit === 'string') {
    throw new MibError('invalid-argument', '--policy', '计算质量保证金返还需要 --policy', '--deposit needs --policy');
  }
  if (flags.json === true) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  io.out(`${rubric.title}（${rubric.provenance.documentNumber} ${rubric.provenance.attachment}）`);
  for (const item of result.items) {
    const flag = item.veto ? ' 【否决】' : item.overCap.gt(0) ? ` 【扣分超过单项分值 ${fmt(item.overCap)} 分】` : '';
    io.out(`${item.id.padStart(3)} ${item.code ?? ''} ${item.indicator}：${fmt(item.score)} / ${fmt(item.max)}${flag}`);
  }
  io.out(`总分：${fmt(result.total)} / ${fmt(result.max)}${result.bonusMax.gt(0) ? `（含加分 ${fmt(result.bonus)}）` : ''}`);
  if (result.veto) io.out(`否决项：${result.vetoItems.join('、')}（出现否决项得分为0）`);
  if (result.missing.length > 0) io.out(`未填写的事实（${result.missing.length} 项）：${result.missing.join('、')}`);
  if (result.ownershipMissing) io.out('未填写的机构性质：公立/民营（本表有只适用于公立医疗机构的条款，按公立计；用 --ownership 公立|民营 填写）');
  if (gradeLine) io.out(gradeLine);
  io.out('口径说明：');
  for (const reading of readings) io.out(`  ${readingLine(reading)}`);
  return 0;
}

function grade(io: Io, positionals: string[], flags: Record<string, string | true>): number {
  const value = parseArg(scoreArg, requirePositional(positionals, 0, '得分'), '得分');
  const result = gradeOf(policyOf(flags), value, { veto: flags.veto === true, downgrade: optionalDowngrade(flags) });
  if (flags.json === true) {
    io.out(JSON.stringify({ grade: result.label, scoreGrade: result.scoreLabel, consequences: result.consequences, agreementEnds: result.agreementEnds, trace: result.trace }, null, 2));
  } else io.out(result.label);
  return 0;
}

const SpecialCaseSchema = z.enum(['requestedTerminationWithViolations', 'requestedTerminationClean', 'rescinded', 'underSixMonths']);

function refund(io: Io, positionals: string[], flags: Record<string, string | true>): number {
  const policy = policyOf(flags);
  const deposit = parseArg(depositArg, requireFlag(flags, 'deposit'), '--deposit');
  if (typeof flags.case === 'string') {
    const special = specialRefund(policy, parseArg(SpecialCaseSchema, flags.case, '--case'), deposit);
    if (flags.json === true) {
      io.out(JSON.stringify({ amount: special.amount?.toNumber() ?? null, ratio: special.ratio?.toNumber() ?? null, deferred: special.deferred, trace: special.trace }, null, 2));
    } else io.out(special.deferred ? '本年度不返还，纳入下一年度考核后一并返还' : (special.amount?.toFixed(2) ?? ''));
    return 0;
  }
  const value = parseArg(scoreArg, requirePositional(positionals, 0, '得分'), '得分');
  const result = refundOf(policy, value, deposit, {
    veto: flags.veto === true,
    downgrade: optionalDowngrade(flags),
    ...(typeof flags['fractional-points'] === 'string' ? { fractionalPoints: parseArg(FractionalPointsSchema, flags['fractional-points'], '--fractional-points') } : {}),
    ...(typeof flags['ratio-rounding'] === 'string' ? { ratioRounding: parseArg(RatioRoundingSchema, flags['ratio-rounding'], '--ratio-rounding') } : {}),
    ...(typeof flags['downgrade-refund'] === 'string' ? { downgradeRefund: parseArg(DowngradeRefundSchema, flags['downgrade-refund'], '--downgrade-refund') } : {}),
  });
  if (flags.json === true) {
    io.out(JSON.stringify({ amount: result.amount.toNumber(), ratio: result.ratio.toNumber(), grade: result.grade.label, trace: result.trace }, null, 2));
  } else io.out(result.amount.toFixed(2));
  return 0;
}

function composite(io: Io, positionals: string[], flags: Record<string, string | true>): number {
  const [own, ...subs] = positionals.map((p, i) => parseArg(scoreArg, p, i === 0 ? '自身得分' : `下属得分 ${i}`));
  if (own === undefined) throw new MibError('invalid-argument', '自身得分', '缺少自身得分', 'missing own score');
  const result = compositeScore(policyOf(flags), own, subs);
  if (flags.json === true) io.out(JSON.stringify({ score: result.score.toNumber(), trace: result.trace }, null, 2));
  else io.out(fmt(result.score));
  return 0;
}

function rubricsList(io: Io, flags: Record<string, string | true>): number {
  const rubrics = listRubrics().map((r) => ({ id: r.id, title: r.title, region: r.region, year: r.year, institution: r.institution, source: `${r.provenance.documentNumber} ${r.provenance.attachment}`, items: r.items.length, total: r.total }));
  const policies = listPolicies().map((p) => ({ id: p.id, title: p.title, region: p.region, source: p.provenance.documentNumber, grades: p.grades.map((g) => g.label) }));
  if (flags.json === true) {
    io.out(JSON.stringify({ rubrics, policies }, null, 2));
    return 0;
  }
  io.out('考核表（rubrics）：');
  for (const r of rubrics) io.out(`  ${r.id.padEnd(28)} ${r.region} ${r.title}，${r.items} 项，${r.total} 分（${r.source}）`);
  io.out('政策（policies）：');
  for (const p of policies) io.out(`  ${p.id.padEnd(28)} ${p.title}：${p.grades.join(' / ')}（${p.source}）`);
  return 0;
}

function check(io: Io, positionals: string[], flags: Record<string, string | true>): number {
  const path = requirePositional(positionals, 0, '文件路径');
  const report = checkFile(readJson(io, path));
  if (flags.json === true) {
    io.out(JSON.stringify(report, null, 2));
    return report.errors.length > 0 ? 1 : 0;
  }
  for (const e of report.errors) io.err(`错误 ${e.field}：${e.message}`);
  for (const w of report.warnings) io.out(`警告 ${w.field}：${w.message}`);
  const what = report.kind === 'policy' ? '政策' : report.kind === 'rubric' ? '考核表' : '文件';
  if (report.errors.length > 0) {
    io.err(`${path}：${what}有 ${report.errors.length} 处错误、${report.warnings.length} 处警告`);
    return 1;
  }
  io.out(`${path}：${what}${report.id ? ` ${report.id}` : ''} 通过检查（${report.warnings.length} 处警告）`);
  return 0;
}

/** Runs one command; returns the exit code (a promise for `template`, which writes a file). Never lets a
 * stack trace reach the user. */
export function run(argv: string[], io: Io): number | Promise<number> {
  try {
    const { command, positionals, flags } = splitArgs(argv, BOOLEAN_FLAGS);
    switch (command) {
      case 'template':
        return template({ ...io, readJson: (path) => readJson(io, path) }, positionals, flags).catch((error: unknown) => failure(io, error));
      case 'score':
        return score(io, positionals, flags);
      case 'grade':
        return grade(io, positionals, flags);
      case 'refund':
        return refund(io, positionals, flags);
      case 'composite':
        return composite(io, positionals, flags);
      case 'rubrics':
        return rubricsList(io, flags);
      case 'check':
        return check(io, positionals, flags);
      case undefined:
      case 'help':
        io.out(USAGE);
        return command === undefined && flags.help !== true ? 2 : 0;
      default:
        io.err(`未知的命令“${command}”\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    return failure(io, error);
  }
}

/** The exit code and a Chinese message for an error, never its stack. */
function failure(io: Io, error: unknown): number {
  if (error instanceof MibError) {
    io.err(`错误：${error.message}`);
    return 2;
  }
  if (error instanceof z.ZodError) {
    for (const p of zodProblems(error)) io.err(`错误：${p.message}`);
    return 2;
  }
  io.err(`内部错误：${error instanceof Error ? error.message : String(error)}`);
  return 70;
}

export const nodeIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, data) => writeFileSync(path, data),
};
