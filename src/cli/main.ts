import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import {
  type AssessOptions,
  assess,
  assessmentJson,
  checkFile,
  checkPair,
  type Conversion,
  conversionFor,
  conversionFromTotal,
  conversionLine,
  convertScore,
  type Dec,
  decisionReadings,
  circumstancesFrom,
  clipped,
  compositeScore,
  DowngradeRefundSchema,
  evaluate,
  extraWithheld,
  FractionalPointsSchema,
  fmt,
  bundledPolicyIds,
  bundledRubricIds,
  getRubric,
  gradeOf,
  type ItemResult,
  listPolicies,
  listRubrics,
  MibError,
  type Policy,
  type Problem,
  type Rubric,
  RubricSchema,
  readingLine,
  vetoConsequence,
  readingsBlock,
  readingsOf,
  RatioRoundingSchema,
  isUnstated,
  refundOutcome,
  refundShown,
  resultToJson,
  rubricIds,
  specialCaseLabels,
  specialCaseRule,
  specialRefund,
  specialRefundText,
  UNSTATED,
  withheldText,
  zodProblems,
  documentName,
  sourceText,
} from '../core';
import { decimalArg, type Flags, parseArg, parseCommandLine } from './args';
import { type CommandName, isCommandName } from './commands';
import { type OutputFile, openOutputFile, readFacts, readJson } from './files';
import { looksLikePath, OwnFiles } from './ownFiles';
import { SpecialCaseSchema } from './specialCase';
import { OwnershipArgSchema } from './ownershipArg';
import { newFile } from './newCommand';
import type { ProgressBar } from './progress';
import { commandHelp, globalUsage } from './usage';

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
type CommandIo = Io & { files: OwnFiles };

const DEPOSIT = { what: '--deposit（质量保证金）' };
const DOWNGRADE = { what: '--downgrade（降档数）', integer: true };
const SCORE = { what: '得分' };

/** A flag the spec marks required: the parser has checked it is there. */
function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new MibError('invalid-argument', `--${name}`, `缺少参数 --${name}`, `--${name} is required`);
  return value;
}

function requirePositional(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined) throw new MibError('invalid-argument', what, `缺少${what}`, `missing ${what}`);
  return value;
}

function policyOf(io: CommandIo, flags: Flags): Policy {
  return io.files.policy(required(flags, 'policy'));
}

function optionalDowngrade(flags: Flags): number | undefined {
  return typeof flags.downgrade === 'string' ? decimalArg(flags.downgrade, DOWNGRADE).toNumber() : undefined;
}

/** The grading options `score`, `grade` and `refund` share, as MIB.GRADE / MIB.REFUND take them. */
function gradingOptions(flags: Flags): AssessOptions {
  const downgrade = optionalDowngrade(flags);
  return {
    ...(flags.veto === true && { veto: true }),
    ...(downgrade !== undefined && { downgrade }),
    ...(typeof flags.case === 'string' && { specialCase: parseArg(SpecialCaseSchema, flags.case, '--case') }),
    ...(typeof flags['fractional-points'] === 'string' && {
      fractionalPoints: parseArg(FractionalPointsSchema, flags['fractional-points'], '--fractional-points'),
    }),
    ...(typeof flags['ratio-rounding'] === 'string' && { ratioRounding: parseArg(RatioRoundingSchema, flags['ratio-rounding'], '--ratio-rounding') }),
    ...(typeof flags['downgrade-refund'] === 'string' && {
      downgradeRefund: parseArg(DowngradeRefundSchema, flags['downgrade-refund'], '--downgrade-refund'),
    }),
    ...(typeof flags.circumstance === 'string' && { circumstances: circumstancesFrom(flags.circumstance) }),
  };
}

/** --circumstance names checked against the policy even where no refund is computed (no --deposit). */
function checkCircumstances(policy: Policy, options: AssessOptions): void {
  if (options.circumstances) extraWithheld(policy, options.circumstances);
}

/** `--scale <rubric id | total>`: the table a bare score was counted on; converted onto the policy's scale. */
function scaleConversion(io: CommandIo, flags: Flags, policy: Policy): Conversion | undefined {
  if (typeof flags.scale !== 'string') return undefined;
  if (looksLikePath(flags.scale)) return conversionFor(io.files.rubric(flags.scale), policy, true);
  const id = flags.scale.trim().toLowerCase();
  if (rubricIds.includes(id)) return conversionFor(getRubric(id), policy, true);
  return conversionFromTotal(decimalArg(flags.scale, { what: '--scale（考核表满分）', min: 1 }), policy);
}

/** A bare score under `--scale`, converted, with the line that says how. */
function scoreOnPolicyScale(io: CommandIo, value: Dec, flags: Flags, policy: Policy): { score: Dec; lines: string[] } {
  const conversion = scaleConversion(io, flags, policy);
  if (!conversion) return { score: value, lines: [] };
  const converted = convertScore(conversion, value);
  return { score: converted, lines: [conversionLine(conversion, value, converted)] };
}

function score(io: CommandIo, positionals: string[], flags: Flags): number {
  const rubric = io.files.rubric(requirePositional(positionals, 0, '考核表编号'));
  const raw = readFacts(io, required(flags, 'input'));
  const ownership = typeof flags.ownership === 'string' ? parseArg(OwnershipArgSchema, flags.ownership, '--ownership') : undefined;
  const result = evaluate(rubric, raw, { ...(ownership && { ownership }) });
  if (result.invalid.length > 0) {
    for (const problem of result.invalid) io.err(`输入错误：${problem.message}`);
    io.err(
      `共 ${result.invalid.length} 处输入错误，未计分，不评定等次（${withheldText(result.invalid.length)}）。请更正 ${clipped(String(flags.input))} 后重试。`,
    );
    return 2;
  }
  const json: Record<string, unknown> = resultToJson(result);
  const policy = typeof flags.policy === 'string' ? policyOf(io, flags) : undefined;
  // beside the contract's `rubric` id: what the table (and policy) is, so a region's own file is named
  json.rubricInfo = rubricInfo(io, rubric);
  if (policy) json.policyInfo = policyInfo(io, policy);
  // every reading that bears on the result (口径说明): the table's, each clause's, the policy's
  const readings = readingsOf(rubric, { ...(policy && { policy }), ...(ownership && { ownership }) });
  json.readings = readings;
  const lines: string[] = [];
  let shownTotal = result.total;
  if (policy) {
    const options = gradingOptions(flags);
    checkCircumstances(policy, options);
    const assessed = assess(rubric, result, policy, {
      ...options,
      convert: flags.convert === true,
      complete: flags.complete === true,
      ...(typeof flags.deposit === 'string' && { deposit: decimalArg(flags.deposit, DEPOSIT) }),
    });
    Object.assign(json, assessmentJson(assessed));
    // the policy's veto governs the total beside it (tableTotal); the table's own text only without a policy
    json.total = assessed.total.toNumber();
    // and, where a veto changed it, the table's own sum it started from (what a composite weighs)
    if (result.veto) json.totalBeforeVeto = result.totalBeforeVeto.toNumber();
    shownTotal = assessed.total;
    // what a veto or a 降档 did, as `mib grade` / `mib refund` say it (the files' readings are listed already)
    if (assessed.grade) {
      const decided = decisionReadings(policy, assessed.grade, {
        ...(assessed.refund && { refund: assessed.refund }),
        ...(options.downgradeRefund && { downgradeRefund: options.downgradeRefund }),
      });
      readings.push(...decided.filter((d) => !readings.some((r) => r.text === d.text)));
    }
    if (assessed.conversion) lines.push(assessed.trace[0] ?? '');
    lines.push(`等次：${assessed.gradeText}（${policy.title}）`);
    // the notice prints no grade for the score: why none is given
    if (assessed.grade?.band.unstated) lines.push(`  ${UNSTATED}等次：${assessed.grade.band.text}`);
    if (assessed.refund) {
      const provisional = assessed.status.kind === 'provisional' ? '，暂计' : '';
      lines.push(`质量保证金返还：${assessed.refund.amount.toFixed(2)} 元（${fmt(assessed.refund.ratio.times(100))}%${provisional}）`);
    } else if (assessed.unstatedRefund) {
      lines.push(`质量保证金返还：${UNSTATED}（${assessed.unstatedRefund.unstated}）`);
    } else if (assessed.special?.refund) {
      lines.push(`质量保证金返还：${assessed.special.refund.amount?.toFixed(2) ?? specialRefundText(assessed.special.refund)}`);
    }
  }
  if (flags.json === true) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  io.out(`${documentName(rubric)}（${sourceText(rubric.provenance)}）`);
  const ownTable = io.files.pathOf('rubric', rubric.id);
  if (ownTable)
    io.out(
      `地区自己的考核表：编号 ${rubric.id}，${rubric.region}，${rubric.provenance.issuer}《${rubric.provenance.title}》（${rubric.provenance.date}），文件 ${ownTable}`,
    );
  const ownPolicy = policy && io.files.pathOf('policy', policy.id);
  if (policy && ownPolicy) io.out(`地区自己的政策：编号 ${policy.id}，${policy.title}（${policy.provenance.documentNumber}），文件 ${ownPolicy}`);
  for (const item of result.items) {
    const flag = item.veto ? ' 【否决】' : itemLabels(item);
    io.out(`${item.id.padStart(3)} ${item.code ?? ''} ${item.indicator}：${fmt(item.score)} / ${fmt(item.max)}${flag}`);
  }
  io.out(`总分：${fmt(shownTotal)} / ${fmt(result.max)}${result.bonusMax.gt(0) ? `（含加分 ${fmt(result.bonus)}）` : ''}`);
  if (result.veto) io.out(`否决项：${result.vetoItems.join('、')}（${vetoConsequence(policy).zh}）`);
  if (result.missing.length > 0) io.out(`未填写的事实（${result.missing.length} 项）：${result.missing.join('、')}`);
  if (result.ownershipMissing) io.out('未填写的机构性质：公立/民营（本表有只适用于公立医疗机构的条款，按公立计并列为未填写）');
  for (const line of lines) io.out(line);
  io.out('口径说明：');
  for (const reading of readings) io.out(`  ${readingLine(reading)}`);
  return 0;
}

/** The table's id, title and provenance, and whether it is bundled or read from a file this command. */
function rubricInfo(io: CommandIo, rubric: Rubric) {
  const p = rubric.provenance;
  const file = io.files.pathOf('rubric', rubric.id);
  return {
    id: rubric.id,
    title: rubric.title,
    region: rubric.region,
    year: rubric.year,
    source: `${p.documentNumber} ${p.attachment}`,
    issuer: p.issuer,
    document: p.title,
    date: p.date,
    bundled: bundledRubricIds.includes(rubric.id),
    ...(file !== undefined && { file }),
  };
}

function policyInfo(io: CommandIo, policy: Policy) {
  const p = policy.provenance;
  const file = io.files.pathOf('policy', policy.id);
  return {
    id: policy.id,
    title: policy.title,
    region: policy.region,
    source: p.documentNumber,
    issuer: p.issuer,
    document: p.title,
    date: p.date,
    bundled: bundledPolicyIds.includes(policy.id),
    ...(file !== undefined && { file }),
  };
}

/** 【扣分超过单项分值 N 分】 only when the item's deductions run past its points; a clause's own
 * "最多扣N分" is named as that clause's cap (【第k条封顶，N 分未计】). */
function itemLabels(item: ItemResult): string {
  const labels = item.clauses.flatMap((c, k) => (c.capped.gt(0) ? [` 【第${k + 1}条封顶，${fmt(c.capped)} 分未计】`] : []));
  if (item.overCap.gt(0)) labels.unshift(` 【扣分超过单项分值 ${fmt(item.overCap)} 分】`);
  return labels.join('');
}

function grade(io: CommandIo, positionals: string[], flags: Flags): number {
  const policy = policyOf(io, flags);
  const options = gradingOptions(flags);
  if (options.specialCase) {
    const rule = specialCaseRule(policy, options.specialCase);
    const label = specialCaseLabels[options.specialCase].zh;
    if (flags.json === true) io.out(JSON.stringify({ grade: null, gradeText: label, trace: [rule.text] }, null, 2));
    else io.out(label);
    return 0;
  }
  const { score: graded, lines } = scoreOnPolicyScale(io, decimalArg(requirePositional(positionals, 0, '得分'), SCORE), flags, policy);
  const result = gradeOf(policy, graded, options);
  // the readings that decided it: in the JSON, and on stderr under the value (stdout keeps one value)
  const readings = decisionReadings(policy, result, { ...(lines[0] !== undefined && { conversion: lines[0] }) });
  if (flags.json === true) {
    io.out(
      JSON.stringify(
        {
          grade: result.label,
          scoreGrade: result.scoreLabel,
          ...(lines.length > 0 && { converted: graded.toNumber() }),
          consequences: result.consequences,
          agreementEnds: result.agreementEnds,
          ...(result.band.unstated && { unstated: result.band.text }),
          trace: [...lines, ...result.trace],
          readings,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(lines.length > 0 ? `${result.label}（${lines[0]}）` : result.label);
    // where the notice prints no grade for the score, why
    if (result.band.unstated) io.err(`${UNSTATED}：${result.band.text}`);
    for (const line of readingsBlock(readings, readingLine)) io.err(line);
  }
  return 0;
}

function refund(io: CommandIo, positionals: string[], flags: Flags): number {
  const policy = policyOf(io, flags);
  const deposit = decimalArg(required(flags, 'deposit'), DEPOSIT);
  const options = gradingOptions(flags);
  if (options.specialCase) {
    if (positionals.length > 0)
      throw new MibError(
        'invalid-argument',
        '得分',
        `--case 的情形不按得分计算：请去掉得分“${clipped(positionals[0] ?? '')}”`,
        '--case takes no score',
      );
    const special = specialRefund(policy, options.specialCase, deposit);
    if (flags.json === true) {
      io.out(
        JSON.stringify(
          { amount: special.amount?.toNumber() ?? null, ratio: special.ratio?.toNumber() ?? null, deferred: special.deferred, trace: special.trace },
          null,
          2,
        ),
      );
    } else io.out(special.amount?.toFixed(2) ?? specialRefundText(special) ?? '');
    return 0;
  }
  const { score: graded, lines } = scoreOnPolicyScale(io, decimalArg(requirePositional(positionals, 0, '得分'), SCORE), flags, policy);
  const result = refundOutcome(policy, graded, deposit, options);
  const readings = decisionReadings(policy, result.grade, {
    ...(!isUnstated(result) && { refund: result }),
    ...(options.downgradeRefund && { downgradeRefund: options.downgradeRefund }),
    ...(options.circumstances && { circumstances: options.circumstances }),
    ...(lines[0] !== undefined && { conversion: lines[0] }),
  });
  if (flags.json === true) {
    io.out(
      JSON.stringify(
        {
          // no amount where the notice leaves the band's refund unstated, and why
          ...(isUnstated(result)
            ? { amount: null, ratio: null, amountText: UNSTATED, unstated: result.unstated }
            : { amount: result.amount.toNumber(), ratio: result.ratio.toNumber() }),
          grade: result.grade.label,
          ...(lines.length > 0 && { converted: graded.toNumber() }),
          trace: [...lines, ...result.trace],
          readings,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(refundShown(result));
    // where the notice states no refund for the band, why there is no amount
    if (isUnstated(result)) io.err(`${UNSTATED}：${result.unstated}`);
    for (const line of readingsBlock(readings, readingLine)) io.err(line);
  }
  return 0;
}

function composite(io: CommandIo, positionals: string[], flags: Flags): number {
  const [own, ...subs] = positionals.map((p, i) => decimalArg(p, { what: i === 0 ? '自身得分' : `下属得分 ${i}` }));
  if (own === undefined) throw new MibError('invalid-argument', '自身得分', '缺少自身得分', 'missing own score');
  const result = compositeScore(policyOf(io, flags), own, subs);
  if (flags.json === true) io.out(JSON.stringify({ score: result.score.toNumber(), trace: result.trace }, null, 2));
  else io.out(fmt(result.score));
  return 0;
}

function rubricsList(io: Io, flags: Flags): number {
  const rubrics = listRubrics().map((r) => ({
    id: r.id,
    title: r.title,
    region: r.region,
    year: r.year,
    institution: r.institution,
    source: `${r.provenance.documentNumber} ${r.provenance.attachment}`,
    items: r.items.length,
    total: r.total,
  }));
  const policies = listPolicies().map((p) => ({
    id: p.id,
    title: p.title,
    region: p.region,
    source: p.provenance.documentNumber,
    grades: p.grades.map((g) => g.label),
  }));
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

function check(io: CommandIo, positionals: string[], flags: Flags): number {
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
function nextSteps(kind: 'rubric' | 'policy' | 'unknown', path: string): string[] {
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

const handlers: Record<
  Exclude<CommandName, 'template' | 'collect' | 'roster' | 'help'>,
  (io: CommandIo, positionals: string[], flags: Flags) => number
> = {
  score,
  grade,
  refund,
  composite,
  rubrics: (io, _positionals, flags) => rubricsList(io, flags),
  check,
  new: newFile,
};

/** `mib help [command]`: the global usage, or one command's help. */
function help(io: Io, positionals: string[]): number {
  const [command] = positionals;
  if (command === undefined) io.out(globalUsage());
  else if (isCommandName(command)) io.out(commandHelp(command));
  else {
    io.err(`没有命令“${clipped(command)}”\n${globalUsage()}`);
    return 2;
  }
  return 0;
}

/** Runs one command; returns the exit code (a promise for `template`, `collect` and `roster`, which read and
 * write workbooks). Never lets a stack trace reach the user. */
export function run(argv: string[], io: Io): number | Promise<number> {
  try {
    const [word, ...rest] = argv;
    if (word === undefined) {
      io.err(globalUsage());
      return 2;
    }
    if (word === '--help' || word === '-h') return help(io, []);
    if (!isCommandName(word)) {
      io.err(`${word.startsWith('-') ? `请先写命令，再写参数“${clipped(word)}”` : `未知的命令“${clipped(word)}”`}\n${globalUsage()}`);
      return 2;
    }
    const { command, positionals, flags } = parseCommandLine(word, rest);
    if (flags.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    if (command === 'help') return help(io, positionals);
    const files = new OwnFiles(io);
    // template, collect and roster load ExcelJS, csv-parse and iconv-lite: only when they run
    if (command === 'template') {
      return import('./templateCommand')
        .then(({ template }) => template({ ...io, files, readFacts: (path) => readFacts(io, path) }, positionals, flags))
        .catch((error: unknown) => failure(io, error))
        .finally(() => files.release());
    }
    if (command === 'collect' || command === 'roster') {
      const readBytes = io.readBytes ?? (() => unreadable());
      const load = command === 'collect' ? import('./collectCommand').then((m) => m.collect) : import('./rosterCommand').then((m) => m.roster);
      return load
        .then((handler) => handler({ ...io, files, readBytes }, positionals, flags))
        .catch((error: unknown) => failure(io, error))
        .finally(() => files.release());
    }
    try {
      return handlers[command]({ ...io, files }, positionals, flags);
    } finally {
      files.release();
    }
  } catch (error) {
    return failure(io, error);
  }
}

/** An Io that reads text only (a test's) cannot hand over a workbook's bytes. */
function unreadable(): never {
  throw new Error('this Io reads no bytes');
}

/** The exit code and a Chinese message for an error, never its stack. */
function failure(io: Io, error: unknown): number {
  if (error instanceof MibError) {
    // the core says what is wrong; the command line adds how to ask for 折算 here
    const how =
      error.code === 'scale-mismatch'
        ? '命令中加 --convert 即按政策分制折算。'
        : error.code === 'bonus-beyond-scale'
          ? '命令中加 --convert 即照常评定（不折算）。'
          : error.code === 'out-of-scale'
            ? '用 --scale <考核表编号|满分> 说明得分所用的考核表。'
            : '';
    io.err(`错误：${how ? `${error.message.replace(/。$/, '')}；${how}` : error.message}`);
    return 2;
  }
  if (error instanceof z.ZodError) {
    for (const p of zodProblems(error)) io.err(`错误：${p.message}`);
    return 2;
  }
  io.err(`内部错误：${clipped(error instanceof Error ? error.message : String(error))}`);
  return 70;
}

export const nodeIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
  readsDisk: true,
  openOutput: openOutputFile,
  // cli-progress loads only where a bar is drawn
  progress: async (label, total) => (process.stderr.isTTY ? (await import('./progress')).terminalBar(label, total) : undefined),
};
