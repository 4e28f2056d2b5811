import { fmt } from '../../core';
import { type AuditFlag, type AuditFlagKind, auditOrder } from '../audit';
import type { Replanner } from '../matchPlan';
import type { WorkbookCells } from './cells';
import { CarriedFiles } from './carriedFiles';
import { withoutPeerValues } from './peerColumns';
import { readSubmittedSheets, type SubmittedSheet } from './submittedSheet';

/** One file given to collect: its cells, or why it could not be opened (not an .xlsx, damaged). */
export interface CollectSource {
  source: string;
  cells?: WorkbookCells;
  error?: string;
}

export type CollectStatus = 'ok' | 'flagged' | 'duplicate' | 'refused';

/** One line of the report: a file (or one sheet of it) and what became of it. */
export interface CollectLine {
  source: string;
  sheetName?: string;
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
  /** the roster: 机构编码, 机构名称, 公立/民营, 质量保证金, (扣减情形,) 自评得分, then the input ids */
  header: string[];
  rows: unknown[][];
  lines: CollectLine[];
  /** the sheets that went in, in row order */
  sheets: SubmittedSheet[];
}

/** The institution columns of a collected roster, before the input ids (the names `mib roster` reads). */
export const COLLECT_COLUMNS = ['机构编码', '机构名称', '公立/民营', '质量保证金', '自评得分'] as const;
/** The 扣减情形 column, after 质量保证金, where a sheet's policy names circumstances (挂牌督办). */
export const CIRCUMSTANCES_COLUMN = '扣减情形';

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

const where = (source: string, sheetName?: string) => (sheetName === undefined ? source : `${source} 工作表“${sheetName}”`);

function refusedLine(source: string, reason: string, sheetName?: string): CollectLine {
  return {
    source,
    ...(sheetName !== undefined && { sheetName }),
    status: 'refused',
    flags: [],
    counts: {},
    notes: [],
    message: `${where(source, sheetName)}：未收集——${reason}`,
  };
}

function countsOf(flags: AuditFlag[]): Partial<Record<AuditFlagKind, number>> {
  const counts: Partial<Record<AuditFlagKind, number>> = {};
  for (const flag of flags) counts[flag.kind] = (counts[flag.kind] ?? 0) + 1;
  return counts;
}

function acceptedLine(source: string, sheet: SubmittedSheet, several: boolean): CollectLine {
  const flags = sheet.audit.flags;
  const counts = countsOf(flags);
  const notes: string[] = [];
  if (sheet.code === '') notes.push('未填机构编码');
  if (sheet.selfMissing.length > 0)
    notes.push(
      `${sheet.selfMissing.length} 项未填自评得分（${sheet.selfMissing.slice(0, 5).join('、')}${sheet.selfMissing.length > 5 ? ' 等' : ''}），未计自评总分`,
    );
  const total = sheet.audit.summary.total;
  return {
    source,
    ...(several && { sheetName: sheet.sheetName }),
    status: flags.some((f) => AUDIT_KINDS.includes(f.kind)) || sheet.code === '' ? 'flagged' : 'ok',
    code: sheet.code,
    name: sheet.name,
    flags,
    counts,
    total,
    ...(sheet.selfTotal && { selfTotal: fmt(sheet.selfTotal) }),
    notes,
    message: '',
  };
}

/** A sheet made from another version of a region's own table than the one collected for: its facts may
 * not mean what the roster's columns mean. A sheet that records no version cannot be told apart. */
function versionNotes(sheet: SubmittedSheet, expected: string | undefined): string[] {
  const recorded = sheet.snapshot.rubricVersion === undefined ? '' : String(sheet.snapshot.rubricVersion).trim();
  if (expected === undefined || recorded === '' || recorded === expected) return [];
  return [`本表按考核表 ${sheet.rubricId} 的另一版本生成（版本 ${recorded}，本次收集的为 ${expected}），请核对或重新生成后填报`];
}

/** The line's Chinese text, once its status and notes are final. */
function describe(line: CollectLine): string {
  const who = [line.code, line.name].filter((s) => s).join(' ') || '（未填机构编码和名称）';
  const kinds = auditOrder.filter((k) => line.counts[k]).map((k) => `${KIND_LABELS[k]} ${line.counts[k]}`);
  const scores = `计算得分 ${line.total}${line.selfTotal === undefined ? '' : `，自评 ${line.selfTotal}`}`;
  const parts = [kinds.length > 0 ? `审核：${kinds.join('、')}` : '审核无提示', ...line.notes];
  return `${where(line.source, line.sheetName)}：${STATUS_LABELS[line.status]} ${who}（${scores}）；${parts.join('；')}`;
}

/** Adds files one at a time, so that a caller opening hundreds of workbooks holds one at a time. */
export interface Collector {
  add(source: CollectSource): void;
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
}

export function collector(replan: Replanner, options: CollectOptions = {}): Collector {
  let rubricId = options.rubricId;
  const lines: CollectLine[] = [];
  const sheets: SubmittedSheet[] = [];
  const lineOf = new Map<SubmittedSheet, CollectLine>();
  const carried = new CarriedFiles();
  const add = ({ source, cells, error }: CollectSource) => {
    if (!cells) {
      lines.push(refusedLine(source, error ?? '读不了'));
      return;
    }
    // a region's own table (and policy) the workbook carries, registered before its sheets are read
    const carriedProblems = carried.take(cells);
    const found = readSubmittedSheets(cells, replan);
    if (found.sheets.length === 0 && found.refused.length === 0) {
      lines.push(refusedLine(source, '不是 MIB 考核助手生成的考核表（工作簿中没有带 MIB_RUBRIC 名称的工作表）'));
      return;
    }
    const several = found.sheets.length + found.refused.length > 1;
    for (const refused of found.refused)
      lines.push(refusedLine(source, [refused.message, ...carriedProblems].join('；'), several ? refused.sheetName : undefined));
    for (const sheet of found.sheets) {
      rubricId ??= sheet.rubricId;
      if (sheet.rubricId !== rubricId) {
        lines.push(refusedLine(source, `考核表是 ${sheet.rubricId}，与本次收集的 ${rubricId} 不同`, several ? sheet.sheetName : undefined));
        continue;
      }
      const line = acceptedLine(source, sheet, several);
      line.notes.push(...carriedProblems, ...versionNotes(sheet, options.rubricVersion ?? carried.versionOf('rubric', sheet.rubricId)));
      if (line.notes.length > 0 && line.status === 'ok') line.status = 'flagged';
      lines.push(line);
      lineOf.set(sheet, line);
      sheets.push(sheet);
    }
  };
  const result = (): Collected => {
    // the same 机构编码 in two sheets: both kept, both said, each naming the other files
    const byCode = new Map<string, SubmittedSheet[]>();
    for (const sheet of sheets) if (sheet.code !== '') byCode.set(sheet.code, [...(byCode.get(sheet.code) ?? []), sheet]);
    const finished = new Map<CollectLine, CollectLine>(lines.map((line) => [line, { ...line, notes: [...line.notes] }]));
    for (const [code, same] of byCode) {
      if (same.length < 2) continue;
      for (const sheet of same) {
        const line = finished.get(lineOf.get(sheet)!)!;
        const others = same.filter((s) => s !== sheet).map((s) => where(lineOf.get(s)!.source, lineOf.get(s)!.sheetName));
        line.status = 'duplicate';
        line.notes.push(`机构编码 ${code} 与 ${others.join('、')} 重复，请核对`);
      }
    }
    // the peer clauses' typed values stay out of the roster, said on the file's line
    const facts = sheets.map((sheet) => {
      const carried = withoutPeerValues(sheet.rubricId, sheet.facts);
      if (carried.note) finished.get(lineOf.get(sheet)!)!.notes.push(carried.note);
      return carried.facts;
    });
    const report = [...finished.values()].map((line) => (line.status === 'refused' ? line : { ...line, message: describe(line) }));
    const inputIds = sheets[0]?.facts.map(([id]) => id) ?? [];
    const withCircumstances = sheets.some((sheet) => sheet.circumstances !== undefined);
    return {
      ...(rubricId !== undefined && { rubricId }),
      header: [...COLLECT_COLUMNS.slice(0, 4), ...(withCircumstances ? [CIRCUMSTANCES_COLUMN] : []), COLLECT_COLUMNS[4], ...inputIds],
      rows: sheets.map((sheet, i) => [
        sheet.code === '' ? null : sheet.code,
        sheet.name === '' ? null : sheet.name,
        sheet.ownership,
        sheet.deposit,
        ...(withCircumstances ? [sheet.circumstances] : []),
        sheet.selfTotal ? sheet.selfTotal.toNumber() : null,
        ...facts[i]!.map(([, value]) => value),
      ]),
      lines: report,
      sheets: [...sheets],
    };
  };
  return { add, result, release: () => carried.release() };
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
