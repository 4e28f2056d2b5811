import { fileError, type OutputFile, refuseOverwrite } from '../files';
import {
  clipped,
  comparesYears,
  institutionJson,
  MibError,
  namesInstitutions,
  peerOptionsOf,
  type Policy,
  ranksRoster,
  type PreviousYear,
  readingLine,
  readingsBlock,
  readPreviousYear,
  type RosterOptions,
  type RosterResult,
  type RosterRowResult,
  type Rubric,
  rosterJsonWith,
  scoreRoster,
} from '../../core';
import { PrettyJsonWriter } from '../jsonOut';
import type { ProgressBar } from '../progress';
import { planPublishSheet, planRosterWorkbook } from '../../sheet/roster';
import type { GridPlan } from '../../sheet/types';
import { sniff } from '../../sheet/xlsx/fileKind';
import type { Flags } from '../args';
import { gridPlansToXlsx, gridPlansToStream } from '../gridXlsx';
import { gradedOnly, keptRow, SharedScores } from '../roster/keptRow';
import { HeldJson } from '../roster/heldJson';
import type { OwnFiles } from '../ownFiles';
import { type ReadRoster, readRoster } from '../roster/readRoster';
import { rosterOptions } from '../roster/rosterOptions';
import { rosterProblems, rosterReport } from '../roster/rosterReport';

export interface RosterIo {
  out(text: string): void;
  err(text: string): void;
  readBytes(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  /** a file opened to be written as a stream (the workbook, written as it is made); without it, the
   * workbook is made whole and given to writeFile */
  openOutput?(path: string): OutputFile;
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
  refuseOverwrite(output, [input, ...(typeof flags.previous === 'string' ? [flags.previous] : [])]);
  refuseOverwrite(publish, [input, ...(typeof flags.previous === 'string' ? [flags.previous] : []), ...(output === undefined ? [] : [output])]);
  const rubric = io.files.rubric(id);
  const policy = typeof flags.policy === 'string' ? io.files.policy(flags.policy) : undefined;
  const options = rosterOptions(flags);
  let bytes: Uint8Array | undefined;
  try {
    bytes = io.readBytes(input);
  } catch (error) {
    throw fileError(input, error, { what: '名单文件' });
  }
  // (a workbook whose header names no 机构编码 or 机构名称 is refused below, read no further than its first row)
  const rows = await readShowingProgress(io, bytes, input, '读取名单', namesInstitutions);
  bytes = undefined;
  const previous = typeof flags.previous === 'string' ? await readPrevious(io, flags.previous, rubric, policy, options) : undefined;
  const progress = await io.progress?.('计分', rows.count);
  // each row is written as it is scored (--json, --jsonl) and only what is still read is kept of it
  // (keptRow); the workbook is written from the kept rows, 汇总名单's rows made as they are written
  const jsonl = flags.jsonl === true;
  const json = !jsonl && flags.json === true ? new PrettyJsonWriter(io.out) : undefined;
  const shared = new SharedScores();
  const kept = (row: RosterRowResult, index: number): RosterRowResult => {
    rows.release(index);
    return keptRow(row, output !== undefined, shared);
  };
  // 名单规则 mark the rows once all are scored: each is held till then as it is kept, and its JSON as text
  const held = ranksRoster(policy);
  const heldJson = held && (jsonl || json) ? new HeldJson() : undefined;
  const onHeld = (row: RosterRowResult, index: number): RosterRowResult => {
    heldJson?.hold(row, index);
    return kept(row, index);
  };
  const onScored = (row: RosterRowResult, index: number): RosterRowResult => {
    const entry = () => heldJson?.take(row, index) ?? institutionJson(row);
    if (jsonl) io.out(JSON.stringify(entry()));
    else if (json) {
      if (index === 0) {
        // what rosterJsonWith puts before the institutions
        json.entry('rubric', rubric.id);
        json.entry('policy', policy?.id);
        json.entry('options', peerOptionsOf(options.peer));
        json.openList('institutions');
      }
      json.item(entry());
    }
    return held ? row : kept(row, index);
  };
  let scored;
  try {
    scored = scoreRoster(rubric, rows, policy, {
      ...options,
      onScored,
      onHeld,
      ...(previous && { previous }),
      ...(progress && { onRow: () => progress.tick() }),
    });
  } finally {
    progress?.stop();
  }
  // the reader's problems (an error value in a cell) are the table's, listed first
  const result: RosterResult = { ...scored, problems: [...rows.problems, ...scored.problems] };
  if (result.institutions.length === 0) {
    // no 机构编码 or 机构名称 column: nothing can be scored, so nothing is written (that column's message
    // first; a file that is no roster may name hundreds of other columns, of which the first are listed)
    const problems = rosterProblems(result);
    for (const message of problems.slice(0, PROBLEMS_LISTED)) io.err(`错误：${message}`);
    if (problems.length > PROBLEMS_LISTED) io.err(`……另有 ${problems.length - PROBLEMS_LISTED} 条问题未列出`);
    io.err(`“${clipped(input)}”不能作为名单读入，未计分${output ? `，未生成 ${clipped(output)}` : ''}`);
    return 2;
  }
  const today = new Date();
  if (output !== undefined) await writeWorkbook(io, output, planRosterWorkbook(result, rubric, policy, { streamed: true, date: today }).sheets);
  // the 公示名单 alone, to send on
  if (publish !== undefined) await writeWorkbook(io, publish, [planPublishSheet(result, rubric, policy, today)]);
  const problems = rosterProblems(result);
  if (jsonl) {
    // one institution a line, for other tools; the problems on stderr as in the text report
    for (const line of problemLines(problems)) io.err(line);
  } else if (json) {
    json.closeList();
    for (const [key, value] of Object.entries(rosterJsonWith(result, [], rubric))) if (!JSON_HEAD.has(key)) json.entry(key, value);
    json.end();
  } else {
    for (const line of rosterReport(result, { rubric, policy, source: rows.source ?? input, output, publish, files: io.files })) io.out(line);
    for (const line of readingsBlock(result.readings, readingLine)) io.out(line);
    for (const line of problemLines(problems)) io.err(line);
  }
  return problems.length > 0 ? 1 : 0;
}

/** The entries of --json written before and with the institutions, as each is scored. */
const JSON_HEAD = new Set(['rubric', 'policy', 'options', 'institutions']);

/** A workbook into its file: where the Io opens files, written as it is made into one beside it and put in
 * its place only once whole (a run that fails part way leaves the file that was there as it was); else
 * made whole and written at once. */
async function writeWorkbook(io: RosterIo, path: string, plans: readonly GridPlan[]): Promise<void> {
  const cannot = (error: unknown) => fileError(path, error, { writing: true });
  if (io.openOutput === undefined) {
    const data = await gridPlansToXlsx(plans);
    try {
      io.writeFile(path, data);
    } catch (error) {
      throw cannot(error);
    }
    return;
  }
  let file: OutputFile;
  try {
    file = io.openOutput(path);
  } catch (error) {
    throw cannot(error);
  }
  try {
    await gridPlansToStream(plans, file.stream);
    await file.commit();
  } catch (error) {
    file.abort();
    // the file's failure (a full disk) is said as such; any other is not the file's
    throw isSystemError(error) ? cannot(error) : error;
  }
}

/** An error of the system (a file, a disk: Node gives it a syscall), not of this program. */
const isSystemError = (error: unknown) => typeof (error as { syscall?: unknown } | null)?.syscall === 'string';

/** A roster file read (readRoster), with a bar of how far where it is an .xlsx (thousands of rows take seconds
 * to read; a CSV a moment); under a header `wanted` refuses, no further than the first row below it. */
async function readShowingProgress(
  io: RosterIo,
  bytes: Uint8Array,
  source: string,
  label: string,
  wanted: (header: readonly string[]) => boolean,
): Promise<ReadRoster> {
  const reading = sniff(bytes) === 'zip' ? await io.progress?.(label, 100, { percent: true }) : undefined;
  let shown = 0;
  try {
    const onRead = (done: number, total: number) => {
      const percent = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 100;
      if (percent > shown) reading?.tick(percent - shown);
      shown = Math.max(shown, percent);
    };
    return await readRoster(bytes, source, { onRead, wanted });
  } finally {
    reading?.stop();
  }
}

/** `--previous`: last year's roster or result workbook, read a row at a time as `--input` is (readRoster),
 * its results taken from its 最终得分 and 等次 or, where it has none, scored under this year's table, policy
 * and options, each row let go once scored and only what is compared kept of it (gradedOnly): read whole, and
 * scored keeping every row's result, a 20,000-row roster took 670 MB beside this year's 170. */
async function readPrevious(io: RosterIo, path: string, rubric: Rubric, policy: Policy | undefined, options: RosterOptions): Promise<PreviousYear> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(path);
  } catch (error) {
    throw fileError(path, error, { what: '上年名单' });
  }
  const last = await readShowingProgress(io, bytes, path, '读取上年名单', comparesYears);
  const graded = (row: RosterRowResult, index: number) => {
    last.release(index);
    return gradedOnly(row);
  };
  // (under 名单规则 each row is held as it is scored, as graded: their marks are not compared)
  return readPreviousYear(rubric, last, (rows) => scoreRoster(rubric, rows, policy, { ...options, onScored: graded, onHeld: graded }).institutions);
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
