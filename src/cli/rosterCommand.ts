import { refuseOverwrite } from './files';
import { clipped, institutionJson, MibError, readingLine, readingsBlock, type RosterResult, rosterJsonWith, scoreRoster } from '../core';
import { LazyList, writePrettyJson } from './jsonOut';
import type { ProgressBar } from './progress';
import { planPublishSheet, planRosterWorkbook } from '../sheet/roster';
import type { Flags } from './args';
import { gridPlansToXlsx, writeRosterWorkbook } from './gridXlsx';
import type { OwnFiles } from './ownFiles';
import { readRoster } from './roster/readRoster';
import { rosterOptions } from './roster/rosterOptions';
import { rosterProblems, rosterReport } from './roster/rosterReport';

export interface RosterIo {
  out(text: string): void;
  err(text: string): void;
  readBytes(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  /** a progress bar while the rows are scored, where one can be seen */
  progress?: ProgressBar;
  files: OwnFiles;
}

function refuse(field: string, message: string, messageEn: string): MibError {
  return new MibError('invalid-argument', field, message, messageEn);
}

/**
 * `mib roster <rubric> --input <roster.csv|.xlsx> [--policy p] [peer options] [--convert] [--complete]
 * [-o out.xlsx] [--json]`: every institution of the roster scored together (peer clauses computed over
 * each 同级 group, 吉林 第十一条 composites), graded and refunded under the policy. Exit 0 when no row has a
 * problem; 1 when some do (those rows flagged, all still scored, the workbook still written); 2 when the
 * command is refused or the file cannot be read as a roster (nothing written).
 */
export async function roster(io: RosterIo, positionals: string[], flags: Flags): Promise<number> {
  const id = positionals[0];
  if (id === undefined) throw refuse('考核表编号', '缺少考核表编号', 'missing rubric id');
  const input = flags.input;
  if (typeof input !== 'string') throw refuse('--input', '缺少参数 --input <名单.csv|名单.xlsx>', '--input is required');
  const output = typeof flags.output === 'string' ? flags.output : undefined;
  if (output !== undefined && !/\.xlsx$/i.test(output))
    throw refuse('-o', `输出文件应以 .xlsx 结尾，收到的是“${clipped(output)}”`, 'the output file must end in .xlsx');
  const publish = typeof flags.publish === 'string' ? flags.publish : undefined;
  if (publish !== undefined && !/\.xlsx$/i.test(publish))
    throw refuse('--publish', `公示名单文件应以 .xlsx 结尾，收到的是“${clipped(publish)}”`, 'the --publish file must end in .xlsx');
  // everything the command line can refuse is refused before the file is read
  refuseOverwrite(output, [input]);
  refuseOverwrite(publish, output === undefined ? [input] : [input, output]);
  const rubric = io.files.rubric(id);
  const policy = typeof flags.policy === 'string' ? io.files.policy(flags.policy) : undefined;
  const options = rosterOptions(flags);
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(input);
  } catch (error) {
    throw new MibError('invalid-file', input, `读不到名单文件“${clipped(input)}”：${clipped((error as Error).message)}`, `cannot read ${input}`);
  }
  const table = await readRoster(bytes, input);
  const progress = await io.progress?.('计分', table.rows.length);
  let scored;
  try {
    scored = scoreRoster(rubric, table, policy, { ...options, ...(progress && { onRow: () => progress.tick() }) });
  } finally {
    progress?.stop();
  }
  // the reader's problems (an error value in a cell) are the table's, listed first
  const result: RosterResult = { ...scored, problems: [...table.problems, ...scored.problems] };
  if (result.institutions.length === 0) {
    // no 机构编码 or 机构名称 column: nothing can be scored, so nothing is written
    for (const message of rosterProblems(result)) io.err(`错误：${message}`);
    io.err(`“${clipped(input)}”不能作为名单读入，未计分${output ? `，未生成 ${clipped(output)}` : ''}`);
    return 2;
  }
  const write = (path: string, data: Uint8Array) => {
    try {
      io.writeFile(path, data);
    } catch (error) {
      throw new MibError('invalid-file', path, `写不了文件“${clipped(path)}”：${clipped((error as Error).message)}`, `cannot write ${path}`);
    }
  };
  const today = new Date();
  if (output !== undefined) write(output, await writeRosterWorkbook(planRosterWorkbook(result, rubric, policy, today).sheets));
  // the 公示名单 alone, to send on
  if (publish !== undefined) write(publish, await gridPlansToXlsx([planPublishSheet(result, rubric, policy, today)]));
  const problems = rosterProblems(result);
  if (flags.jsonl === true) {
    // one institution a line, for other tools; the problems on stderr as in the text report
    for (const row of result.institutions) io.out(JSON.stringify(institutionJson(row)));
    for (const line of problemLines(problems)) io.err(line);
  } else if (flags.json === true) {
    // written as it goes: each institution's JSON is made as it is written (writePrettyJson)
    writePrettyJson(
      io.out,
      rosterJsonWith(result, new LazyList(result.institutions.length, (k) => institutionJson(result.institutions[k]!)), rubric),
    );
  } else {
    for (const line of rosterReport(result, { rubric, policy, source: table.source ?? input, output, publish, files: io.files })) io.out(line);
    for (const line of readingsBlock(result.readings, readingLine)) io.out(line);
    for (const line of problemLines(problems)) io.err(line);
  }
  return problems.length > 0 ? 1 : 0;
}

/** How many problems the text report lists; the rest are counted, and --json (or the workbook) has them all. */
const PROBLEMS_LISTED = 50;

function problemLines(problems: string[]): string[] {
  if (problems.length === 0) return [];
  const lines = [
    `问题（${problems.length} 条；有问题的行照常计分，请更正名单后重新计分）：`,
    ...problems.slice(0, PROBLEMS_LISTED).map((p) => `  ${p}`),
  ];
  if (problems.length > PROBLEMS_LISTED) lines.push(`  ……另有 ${problems.length - PROBLEMS_LISTED} 条，用 --json 或 -o 的工作簿查看全部`);
  return lines;
}
