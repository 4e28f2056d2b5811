import { type Dec, getRubric, rubricLabel } from '../../core';
import { type Audit, auditSheet } from '../audit';
import { matchingPlan, type Replanner, RUBRIC_NAME } from '../matchPlan';
import { snapshotOf } from '../memory/snapshot';
import type { SheetSnapshot } from '../port';
import type { PlainValue } from '../types';
import { namesOn, type WorkbookCells } from './cells';
import { headerFields } from './headerFields';
import { selfTotalOf } from './selfTotal';

/** One assessment sheet found in a submitted workbook: what the institution filled in, and the audit. */
export interface SubmittedSheet {
  sheetName: string;
  rubricId: string;
  /** the policy the sheet names, where it names a known one */
  policyId?: string;
  /** 机构编码 and 机构名称 as text ("" when blank) */
  code: string;
  name: string;
  /** 公立/民营 and 质量保证金 as the cells hold them */
  ownership: PlainValue | null;
  deposit: PlainValue | null;
  /** 级别 and 上级机构编码, where the sheet's header holds them (headerFields) */
  level?: string;
  parentCode?: string;
  /** 扣减情形 as typed (挂牌督办; null when blank), where the sheet's policy names circumstances */
  circumstances?: PlainValue | null;
  /** each input id's value as typed, in the table's order (null = blank) */
  facts: [id: string, value: PlainValue | null][];
  /** 机构自评得分 by 序号 */
  selfScores: Map<string, PlainValue | null>;
  /** the self-assessed total, where every regular item has a self-score */
  selfTotal?: Dec;
  /** regular items without a (numeric) self-score, when some have one */
  selfMissing: string[];
  snapshot: SheetSnapshot;
  audit: Audit;
}

/** A sheet that carries our mark but cannot be read as the table it names. */
export interface RefusedSheet {
  sheetName: string;
  /** the table the sheet names, where it names one */
  rubricId?: string;
  message: string;
}

const text = (value: PlainValue | null | undefined) => (value === null || value === undefined ? '' : String(value).trim());

/**
 * The assessment sheets of a submitted workbook (those with a MIB_RUBRIC name), each read through the
 * layout of the table it names, as the Office.js reader reads one (matchingPlan: the layout whose names
 * sit where the sheet's names sit), and audited: formulas changed or typed over, self-scores against the
 * scores computed from the facts. A sheet whose table is unknown or whose rows moved is refused, not
 * misread. A workbook without any such sheet gives neither.
 */
export function readSubmittedSheets(cells: WorkbookCells, replan: Replanner): { sheets: SubmittedSheet[]; refused: RefusedSheet[] } {
  const sheets: SubmittedSheet[] = [];
  const refused: RefusedSheet[] = [];
  for (const sheetName of cells.sheets) {
    const names = namesOn(cells, sheetName);
    const rubricAddress = names.get(RUBRIC_NAME);
    if (rubricAddress === undefined) continue;
    const read = (address: string) => cells.cell(sheetName, address);
    const rubricId = text(read(rubricAddress).value);
    if (rubricId === '') {
      refused.push({ sheetName, message: `工作表“${sheetName}”的考核表编号（${rubricAddress}）是空的` });
      continue;
    }
    const plan = matchingPlan(rubricId, names, read, replan);
    if (!plan) {
      refused.push({
        sheetName,
        rubricId,
        message: known(replan, rubricId)
          ? `工作表“${sheetName}”的考核表“${rubricLabel(getRubric(rubricId))}”布局已改动（可能插入或删除了行列），请重新生成考核表后填报`
          : `工作表“${sheetName}”的考核表编号“${rubricId}”不是内置的考核表，也不是本次给出的考核表文件`,
      });
      continue;
    }
    const snapshot = snapshotOf(sheetName, plan, read);
    const audit = auditSheet(snapshot, replan);
    const selfScores = new Map(snapshot.selfScores.map((s) => [s.itemNo, s.value]));
    const self = selfTotalOf(audit.rubric, selfScores);
    sheets.push({
      sheetName,
      rubricId: plan.rubricId,
      ...(snapshot.policyId && { policyId: snapshot.policyId }),
      code: text(snapshot.institutionCode),
      name: text(snapshot.institutionName),
      ownership: snapshot.ownership ?? null,
      deposit: snapshot.deposit ?? null,
      ...(plan.fields.circumstances !== undefined && { circumstances: snapshot.circumstances ?? null }),
      ...headerFields(cells, sheetName, plan.items[0]?.score ?? plan.fields.total),
      facts: snapshot.inputs.map((input) => [input.id, input.value]),
      selfScores,
      ...(self.total && { selfTotal: self.total }),
      selfMissing: self.missing,
      snapshot,
      audit,
    });
  }
  return { sheets, refused };
}

/** Whether the id names a table this run knows (bundled or given as a file). */
function known(replan: Replanner, rubricId: string): boolean {
  try {
    replan(rubricId, { withAddinFunctions: false });
    return true;
  } catch {
    return false;
  }
}
