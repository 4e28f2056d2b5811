import type ExcelJS from 'exceljs';
import { auditOrder } from '../../sheet/audit';
import { AUDIT_KINDS, type Collected, KIND_LABELS, STATUS_LABELS } from '../../sheet/collect';
import { bytesWritten } from '../gridXlsx';
import { WorkbookWriter } from '../exceljs/writer';

/** The roster sheet's name: one of the names the roster reader looks for first. */
export const COLLECTED_SHEET = '名单';
export const REPORT_SHEET = '收集情况';
/** 状态 of an institution on the agency's list (--roster) that sent no sheet */
export const UNSUBMITTED = '未报送';
/** flags listed per file on the report sheet: those of the audit kinds (a formula changed, a self-score
 * that differs, a bad fact), up to this many; vetoes, caps and blanks are counted in 审核提示 */
const FLAGS_LISTED = 30;

/**
 * The collected roster as an .xlsx `mib roster` reads: sheet 名单 (header 机构编码, 机构名称, 公立/民营,
 * 质量保证金, 自评得分, then the input ids; one row per institution, values as the sheets held them, the
 * code as text so leading zeros stay), and sheet 收集情况 with one line per file (and, with --roster, one per
 * institution on the agency's list that sent nothing).
 */
export function rosterWorkbook(collected: Collected): Promise<Uint8Array> {
  // ExcelJS's streamed writer, whose zip is compressed by Node's zlib (the whole workbook's writeBuffer
  // compressed it with JSZip's pako, in JavaScript: about 0.4 s of collecting 500 sheets)
  return bytesWritten((stream) => write(collected, new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })));
}

async function write(collected: Collected, workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  workbook.creator = 'MIB 考核助手';
  workbook.created = new Date(0);
  const roster = workbook.addWorksheet(COLLECTED_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  roster.addRow(collected.header).font = { bold: true };
  roster.getColumn(1).numFmt = '@';
  // codes stay text: a parent's code too ("03720", never 3720)
  const parent = collected.header.indexOf('上级机构编码');
  if (parent >= 0) roster.getColumn(parent + 1).numFmt = '@';
  roster.getColumn(1).width = 16;
  roster.getColumn(2).width = 30;
  for (const row of collected.rows) roster.addRow(row.map((value) => (value === null || value === undefined ? null : value)));

  const report = workbook.addWorksheet(REPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  report.columns = [
    { header: '文件', width: 30 },
    { header: '工作表', width: 16 },
    { header: '状态', width: 22 },
    { header: '机构编码', width: 14 },
    { header: '机构名称', width: 24 },
    { header: '计算得分', width: 10 },
    { header: '自评得分', width: 10 },
    { header: '审核提示', width: 36 },
    { header: '说明', width: 80 },
    { header: '提示明细', width: 80 },
  ];
  report.getRow(1).font = { bold: true };
  for (const line of collected.lines) {
    const kinds = auditOrder.filter((k) => line.counts[k]).map((k) => `${KIND_LABELS[k]} ${line.counts[k]}`);
    const audited = line.flags.filter((f) => AUDIT_KINDS.includes(f.kind));
    const listed = audited.slice(0, FLAGS_LISTED).map((f) => `${f.address} ${f.message}`);
    if (audited.length > FLAGS_LISTED) listed.push(`……另有 ${audited.length - FLAGS_LISTED} 条`);
    const row = report.addRow([
      line.source,
      line.sheetName ?? null,
      STATUS_LABELS[line.status],
      line.code || null,
      line.name || null,
      line.total === undefined ? null : Number(line.total),
      line.selfTotal === undefined ? null : Number(line.selfTotal),
      kinds.join('、') || null,
      line.message,
      listed.join('\n') || null,
    ]);
    row.getCell(4).numFmt = '@';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  // the agency's list (--roster): each institution on it that sent nothing, a line of its own
  for (const { code, name } of collected.agencyList?.unsubmitted ?? []) {
    const row = report.addRow([
      null,
      null,
      UNSUBMITTED,
      code,
      name,
      null,
      null,
      null,
      `机构名单“${collected.agencyList!.source}”中有此机构，未收到其考核表`,
    ]);
    row.getCell(4).numFmt = '@';
  }
  for (const problem of collected.agencyList?.problems ?? [])
    report.addRow([collected.agencyList!.source, null, '机构名单有误', null, null, null, null, null, problem]);
  await workbook.commit();
}
