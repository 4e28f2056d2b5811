import { clipped, fingerprint, getRubric, MibError } from '../../core';
import { type Collected, collector } from '../../sheet/collect';
import { memoizedReplanner } from '../../sheet/matchPlan';
import { planSheet } from '../../sheet/plan';
import type { Flags } from '../args';
import { refuseOverwrite } from '../files';
import { agencyListReport, whyUnwritable } from '../collect/agencyListReport';
import { givenOnce, readAgencyList } from '../collect/givenFiles';
import { readHere, readSources, workerCount } from '../collect/readSources';
import type { OwnFiles } from '../ownFiles';
import type { ProgressBar } from '../progress';

export interface CollectIo {
  out(text: string): void;
  err(text: string): void;
  readBytes(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  /** the paths name files on this machine's disk, which worker threads may read themselves */
  readsDisk?: boolean;
  /** a progress bar while the files are read, where one can be seen */
  progress?: ProgressBar;
  files: OwnFiles;
}

/**
 * `mib collect <files…> -o roster.xlsx [--rubric <id|file>] [--roster <names.csv|xlsx>] [--json]`: the
 * filled sheets institutions send back, gathered into one roster workbook that `mib roster` reads, with a
 * 收集情况 sheet of one line per file; with --roster, the agency's own list merged by 机构编码 and who sent
 * nothing named. Exit 0 when every file went in, 1 when some were refused (the roster is still written), 2
 * when none went in.
 */
export async function collect(io: CollectIo, positionals: string[], flags: Flags): Promise<number> {
  if (positionals.length === 0)
    throw new MibError('invalid-argument', '文件', '缺少要收集的考核表文件：mib collect <文件.xlsx…> -o 名单.xlsx', 'no files to collect');
  const output = flags.output;
  if (typeof output !== 'string') throw new MibError('invalid-argument', '-o', '缺少输出文件：-o <名单.xlsx>', 'missing -o <file.xlsx>');
  if (!/\.xlsx$/i.test(output))
    throw new MibError('invalid-argument', '-o', `输出文件应以 .xlsx 结尾，收到的是“${clipped(output)}”`, 'the output file must end in .xlsx');
  refuseOverwrite(output, typeof flags.roster === 'string' ? [...positionals, flags.roster] : positionals);
  const rubricId = typeof flags.rubric === 'string' ? io.files.rubric(flags.rubric).id : undefined;
  // a region's own table given as a file: the sheets must have been made from this version of it
  const ownTable = rubricId === undefined ? undefined : io.files.stored().find((file) => file.kind === 'rubric' && file.id === rubricId);
  // the agency's own list of institutions, read as `mib roster` reads a roster, before any sheet
  const agencyList = typeof flags.roster === 'string' ? await readAgencyList(io.readBytes, flags.roster) : undefined;
  // a file given twice is collected once, and its line says so
  const { paths, repeated } = givenOnce(positionals);
  // one layout per table and variant for all the files (威海 二级 takes ~13 ms to lay out)
  const replan = memoizedReplanner((id, variant) => planSheet(getRubric(id), { ...variant, convert: true }));
  // one workbook open at a time: 500 威海 workbooks held at once take over a gigabyte
  const gather = collector(replan, {
    ...(rubricId !== undefined && { rubricId }),
    ...(ownTable && { rubricVersion: fingerprint(ownTable.text) }),
    ...(repeated.size > 0 && { repeated }),
    ...(agencyList && { agencyList }),
  });
  let collected: Collected;
  // the roster's writer brings ExcelJS, loaded while the files are read (in worker threads, the main thread
  // is free meanwhile); reading them needs no ExcelJS
  let writer: Promise<typeof import('../collect/rosterWorkbook')> | undefined;
  try {
    const workers = io.readsDisk ? workerCount(paths.length) : 0;
    const progress = await io.progress?.('收集报送表', paths.length);
    try {
      for await (const item of readSources(paths, workers, (path) => readHere(io.readBytes, path), io.files.stored())) {
        writer ??= import('../collect/rosterWorkbook');
        // a file a worker read with another version of a region's own table than this thread has is read again here
        if ('source' in item) gather.add(item.source);
        else if (!gather.merge(item.read)) gather.add(await readHere(io.readBytes, item.path));
        progress?.tick();
      }
    } finally {
      progress?.stop();
    }
    collected = gather.result();
  } finally {
    gather.release();
  }
  const refused = collected.lines.filter((line) => line.status === 'refused').length;
  const flagged = collected.lines.filter((line) => line.status === 'flagged').length;
  const duplicate = collected.lines.filter((line) => line.status === 'duplicate').length;
  const written = collected.rows.length > 0;
  const { COLLECTED_SHEET, REPORT_SHEET, rosterWorkbook } = await (writer ?? import('../collect/rosterWorkbook'));
  if (written) {
    const data = await rosterWorkbook(collected);
    try {
      io.writeFile(output, data);
    } catch (error) {
      throw new MibError('invalid-file', output, `写不了文件“${clipped(output)}”：${whyUnwritable(error)}`, `cannot write ${output}`);
    }
  }
  if (flags.json === true) {
    io.out(
      JSON.stringify(
        {
          rubricId: collected.rubricId ?? null,
          output: written ? output : null,
          collected: collected.rows.length,
          refused,
          files: collected.lines.map((line) => ({
            file: line.source,
            ...(line.sheetName !== undefined && { sheet: line.sheetName }),
            status: line.status,
            ...(line.code !== undefined && { code: line.code, name: line.name }),
            ...(line.total !== undefined && { total: line.total }),
            ...(line.selfTotal !== undefined && { selfTotal: line.selfTotal }),
            counts: line.counts,
            flags: line.flags.map((f) => ({ kind: f.kind, ...(f.itemNo && { itemNo: f.itemNo }), address: f.address, message: f.message })),
            notes: line.notes,
            message: line.message,
          })),
          ...(collected.agencyList && { roster: collected.agencyList }),
        },
        null,
        2,
      ),
    );
  } else {
    for (const line of collected.lines) (line.status === 'refused' ? io.err : io.out)(line.message);
    if (collected.agencyList) for (const text of agencyListReport(collected.agencyList)) io.out(text);
    if (written) {
      const marked = [flagged > 0 && `${flagged} 份有审核提示`, duplicate > 0 && `${duplicate} 份机构编码重复`].filter(Boolean).join('、');
      io.out(
        `已收集 ${collected.rows.length} 份${marked ? `（其中 ${marked}）` : ''}${refused > 0 ? `，未收集 ${refused} 份` : ''}：${output}（工作表“${COLLECTED_SHEET}”是名单，“${REPORT_SHEET}”逐个文件列出收集情况）`,
      );
    }
  }
  if (!written) {
    io.err(`没有可收集的考核表：${paths.length} 个文件都未收集，未生成 ${clipped(output)}`);
    return 2;
  }
  return refused > 0 ? 1 : 0;
}
