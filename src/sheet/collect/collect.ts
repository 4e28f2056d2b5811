import { D, fmt, getRubric, rubricIds, rubricLabel } from '../../core';
import type { RosterTable } from '../../core/roster/types';
import { type AuditFlag, type AuditFlagKind, auditOrder } from '../audit';
import type { Replanner } from '../matchPlan';
import { type AgencyList, mergeAgencyList } from './agencyList';
import { CarriedFiles } from './carriedFiles';
import { withoutPeerValues } from './peerColumns';
import { type CollectedSheet, type CollectSource, readSubmission, type ReadSubmission, resolvedOf } from './readSubmission';
import { type RosterRecord, rosterTable } from './rosterRows';

export type CollectStatus = 'ok' | 'flagged' | 'duplicate' | 'refused';

/** One line of the report: a file (or one sheet of it) and what became of it. */
export interface CollectLine {
  source: string;
  /** the sheet the line is of (absent when the file could not be opened or holds none of ours) */
  sheetName?: string;
  /** how the messages name it: the file, and the sheet where the file has several */
  place: string;
  status: CollectStatus;
  code?: string;
  name?: string;
  /** the audit's flags on the sheet */
  flags: AuditFlag[];
  /** flags per kind, only the kinds present */
  counts: Partial<Record<AuditFlagKind, number>>;
  /** the computed total and the self-assessed one, as text */
  total?: string;
  selfTotal?: string;
  /** what else a reviewer should know: a blank 机构编码, self-scores missing, the code given twice */
  notes: string[];
  /** the whole line in Chinese */
  message: string;
}

export interface Collected {
  /** the table collected for (--rubric, or the first sheet's) */
  rubricId?: string;
  /** the roster: 机构编码, 机构名称, (级别,) 公立/民营, 质量保证金, (上级机构编码, 扣减情形,) 自评得分, then the
   * input ids (rosterRows.ts) */
  header: string[];
  rows: unknown[][];
  lines: CollectLine[];
  /** the sheets that went in, in row order */
  sheets: CollectedSheet[];
  /** the agency's own list merged (--roster): who sent nothing, and problems of the list */
  agencyList?: AgencyList;
}

/** The audit kinds that say the sheet was tampered with or filled wrongly: they make a line "flagged". */
export const AUDIT_KINDS: readonly AuditFlagKind[] = ['rubricChanged', 'invalidInput', 'formulaChanged', 'valueOverFormula', 'selfScoreDiffers'];

export const KIND_LABELS: Record<AuditFlagKind, string> = {
  rubricChanged: '考核表已更新',
  veto: '否决项',
  overCap: '扣分超过单项分值',
  clauseCap: '条款扣分封顶',
  invalidInput: '输入无效',
  missingInput: '未填写',
  formulaChanged: '公式被修改',
  valueOverFormula: '公式被覆盖',
  selfScoreDiffers: '自评不符',
};

export const STATUS_LABELS: Record<CollectStatus, string> = {
  ok: '已收集',
  flagged: '已收集（有审核提示）',
  duplicate: '已收集（机构编码重复）',
  refused: '未收集',
};

/** A table by its name (威海 二级及以上 2021 医疗机构), as a clerk knows it; an unknown id as written. */
export function tableName(rubricId: string): string {
  return rubricIds.includes(rubricId) ? rubricLabel(getRubric(rubricId)) : rubricId;
}

const where = (source: string, sheetName?: string) => (sheetName === undefined ? source : `${source} 工作表“${sheetName}”`);

function countsOf(flags: AuditFlag[]): Partial<Record<AuditFlagKind, number>> {
  const counts: Partial<Record<AuditFlagKind, number>> = {};
  for (const flag of flags) counts[flag.kind] = (counts[flag.kind] ?? 0) + 1;
  return counts;
}

function acceptedLine(source: string, sheet: CollectedSheet, several: boolean): CollectLine {
  const counts = countsOf(sheet.flags);
  const notes: string[] = [];
  if (sheet.code === '') notes.push('未填机构编码');
  if (sheet.selfMissing.length > 0)
    notes.push(
      `${sheet.selfMissing.length} 项未填自评得分（${sheet.selfMissing.slice(0, 5).join('、')}${sheet.selfMissing.length > 5 ? ' 等' : ''}），未计自评总分`,
    );
  return {
    source,
    sheetName: sheet.sheetName,
    place: where(source, several ? sheet.sheetName : undefined),
    status: sheet.flags.some((f) => AUDIT_KINDS.includes(f.kind)) || sheet.code === '' ? 'flagged' : 'ok',
    code: sheet.code,
    name: sheet.name,
    flags: sheet.flags,
    counts,
    total: sheet.total,
    ...(sheet.selfTotal !== undefined && { selfTotal: fmt(new D(sheet.selfTotal)) }),
    notes,
    message: '',
  };
}

/** A sheet made from another version of a region's own table than the one collected for: its facts may
 * not mean what the roster's columns mean. A sheet that records no version cannot be told apart. */
function versionNotes(sheet: CollectedSheet, expected: string | undefined): string[] {
  const recorded = sheet.recordedVersion;
  if (expected === undefined || recorded === '' || recorded === expected) return [];
  return [`本表按考核表“${tableName(sheet.rubricId)}”的另一版本生成（版本 ${recorded}，本次收集的为 ${expected}），请核对或重新生成后填报`];
}

/** The line's Chinese text, once its status and notes are final. */
function describe(line: CollectLine): string {
  const who = [line.code, line.name].filter((s) => s).join(' ') || '（未填机构编码和名称）';
  const kinds = auditOrder.filter((k) => line.counts[k]).map((k) => `${KIND_LABELS[k]} ${line.counts[k]}`);
  const scores = `计算得分 ${line.total}${line.selfTotal === undefined ? '' : `，自评 ${line.selfTotal}`}`;
  const parts = [kinds.length > 0 ? `审核：${kinds.join('、')}` : '审核无提示', ...line.notes];
  return `${line.place}：${STATUS_LABELS[line.status]} ${who}（${scores}）；${parts.join('；')}`;
}

/** Adds files one at a time, so that a caller opening hundreds of workbooks holds one at a time. */
export interface Collector {
  /** reads and audits the file on this thread, and merges it */
  add(source: CollectSource): void;
  /** merges a file read elsewhere (a worker thread) with `readSubmission`; false, and nothing merged, when
   * it was read with another version of a region's own table or policy than this collector has (the caller
   * then gives the file to `add`, so the result is the one a single thread gives) */
  merge(read: ReadSubmission): boolean;
  /** the roster and the report of every file added so far */
  result(): Collected;
  /** forgets the region's tables and policies registered from the files (call once done) */
  release(): void;
}

/**
 * Gathers the sheets institutions sent back into one roster: every file in, one line each. A file that
 * is not ours, is damaged, or is of another table than the one collected for (`rubricId`, else the first
 * sheet's) is refused with one line and the others still go in; two sheets with the same 机构编码 both go
 * in, both marked, so the roster's own check names them. Nothing is dropped without a line.
 */
export interface CollectOptions {
  /** collect for this table only (else the first sheet's) */
  rubricId?: string;
  /** the version (fingerprint) of the region's own table collected for, when given as a file */
  rubricVersion?: string;
  /** files given more than once, by source, with how many times: collected once, said on their line */
  repeated?: ReadonlyMap<string, number>;
  /** the agency's own list of institutions (--roster, read by the roster reader), merged by 机构编码 */
  agencyList?: RosterTable;
}

export function collector(replan: Replanner, options: CollectOptions = {}): Collector {
  let rubricId = options.rubricId;
  const lines: CollectLine[] = [];
  const sheets: CollectedSheet[] = [];
  const lineOf = new Map<CollectedSheet, CollectLine>();
  const carried = new CarriedFiles();
  const givenTwice = (source: string) => {
    const times = options.repeated?.get(source);
    return times === undefined ? [] : [`此文件给了 ${times} 次，只收集一次`];
  };
  const refusedLine = (source: string, reason: string, sheetName?: string, several = false): CollectLine => ({
    source,
    ...(sheetName !== undefined && { sheetName }),
    place: where(source, several ? sheetName : undefined),
    status: 'refused',
    flags: [],
    counts: {},
    notes: givenTwice(source),
    message: `${where(source, several ? sheetName : undefined)}：未收集——${[reason, ...givenTwice(source)].join('；')}`,
  });
  const take = (read: ReadSubmission) => {
    const { source } = read;
    if (read.error !== undefined) {
      lines.push(refusedLine(source, read.error));
      return;
    }
    if (read.notOurs) {
      lines.push(refusedLine(source, '不是 MIB 考核助手生成的考核表（工作簿中没有带 MIB_RUBRIC 名称的工作表）'));
      return;
    }
    const several = read.sheets.length + read.refused.length > 1;
    for (const refused of read.refused)
      lines.push(refusedLine(source, [refused.message, ...read.carriedProblems].join('；'), refused.sheetName, several));
    for (const sheet of read.sheets) {
      rubricId ??= sheet.rubricId;
      if (sheet.rubricId !== rubricId) {
        lines.push(refusedLine(source, `考核表是“${tableName(sheet.rubricId)}”，与本次收集的“${tableName(rubricId)}”不同`, sheet.sheetName, several));
        continue;
      }
      const line = acceptedLine(source, sheet, several);
      line.notes.push(...read.carriedProblems, ...versionNotes(sheet, options.rubricVersion ?? carried.versionOf('rubric', sheet.rubricId)));
      if (line.notes.length > 0 && line.status === 'ok') line.status = 'flagged';
      // said, but nothing to review: the file went in once
      line.notes.push(...givenTwice(source));
      lines.push(line);
      lineOf.set(sheet, line);
      sheets.push(sheet);
    }
  };
  const add = (source: CollectSource) => take(readSubmission(source, replan, carried));
  const merge = (read: ReadSubmission): boolean => {
    // what the file carries is registered here as it would have been on one thread, then the versions
    // the worker read it with must be the ones registered here
    const carriedProblems = carried.takeStored(read.carried);
    const here = resolvedOf(carried, read);
    if (Object.entries(read.resolved).some(([key, version]) => here[key] !== version)) return false;
    take({ ...read, carriedProblems });
    return true;
  };
  const result = (): Collected => {
    const finished = new Map<CollectLine, CollectLine>(lines.map((line) => [line, { ...line, notes: [...line.notes] }]));
    const finalLine = (sheet: CollectedSheet) => finished.get(lineOf.get(sheet)!)!;
    // the same 机构编码 in two sheets: both kept, both said, each naming the other files
    const byCode = new Map<string, CollectedSheet[]>();
    for (const sheet of sheets) if (sheet.code !== '') byCode.set(sheet.code, [...(byCode.get(sheet.code) ?? []), sheet]);
    for (const [code, same] of byCode) {
      if (same.length < 2) continue;
      for (const sheet of same) {
        const line = finalLine(sheet);
        const others = same.filter((s) => s !== sheet).map((s) => lineOf.get(s)!.place);
        line.status = 'duplicate';
        line.notes.push(`机构编码 ${code} 与 ${others.join('、')} 重复，请核对`);
      }
    }
    // the peer clauses' typed values stay out of the roster, said on the file's line
    const records: RosterRecord[] = sheets.map((sheet) => {
      const kept = withoutPeerValues(sheet.rubricId, sheet.facts);
      if (kept.note) finalLine(sheet).notes.push(kept.note);
      return {
        code: sheet.code,
        name: sheet.name,
        ...(sheet.level !== undefined && { level: sheet.level }),
        ...(sheet.parentCode !== undefined && { parentCode: sheet.parentCode }),
        ownership: sheet.ownership,
        deposit: sheet.deposit,
        ...(sheet.circumstances !== undefined && { circumstances: sheet.circumstances }),
        selfTotal: sheet.selfTotal === undefined ? null : Number(sheet.selfTotal),
        facts: kept.facts,
      };
    });
    const agencyList =
      options.agencyList && rubricId !== undefined
        ? mergeAgencyList(options.agencyList, getRubric(rubricId), records, sheets.map(finalLine))
        : undefined;
    const report = [...finished.values()].map((line) => (line.status === 'refused' ? line : { ...line, message: describe(line) }));
    return {
      ...(rubricId !== undefined && { rubricId }),
      ...rosterTable(records, sheets[0]?.facts.map(([id]) => id) ?? []),
      lines: report,
      sheets: [...sheets],
      ...(agencyList && { agencyList }),
    };
  };
  return { add, merge, result, release: () => carried.release() };
}

/** Every file at once (the pane's few files, tests). */
export function collectSubmissions(sources: readonly CollectSource[], replan: Replanner, options: CollectOptions = {}): Collected {
  const gather = collector(replan, options);
  try {
    for (const source of sources) gather.add(source);
    return gather.result();
  } finally {
    gather.release();
  }
}
