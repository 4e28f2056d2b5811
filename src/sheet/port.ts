import type { GridPlan, PlainValue, SheetPlan } from './types';

/**
 * What the pane needs from a workbook. Excel (src/excel, Office.js) and the in-memory workbook the
 * pane uses outside Excel both implement it, so the pane is tested against the same interface it
 * runs on.
 */
export interface WorkbookPort {
  /** true in Excel; false for the in-memory workbook */
  readonly connected: boolean;
  /** writes the plan to a new worksheet (a numbered name if taken), activates it, returns its name */
  createSheet(plan: SheetPlan): Promise<string>;
  /** writes grid plans (the roster workbook's sheets) to new worksheets, each under a free name, formulas
   * following a renamed sibling; activates the first; returns the names written */
  createGridSheets(plans: readonly GridPlan[]): Promise<string[]>;
  /** deletes the named worksheets (those not there are passed over) */
  deleteSheets(names: readonly string[]): Promise<void>;
  /** names of the worksheets that carry an assessment (found by their MIB names) */
  listAssessmentSheets(): Promise<string[]>;
  /** the active worksheet's name when it is an assessment sheet, else null */
  activeAssessmentSheet(): Promise<string | null>;
  /** one read of everything the checks need */
  readSheet(sheetName: string): Promise<SheetSnapshot>;
  /** select a cell (and activate its sheet) */
  select(sheetName: string, address: string): Promise<void>;
  /** the selected cell of the active sheet */
  selection(): Promise<{ sheetName: string; address: string } | null>;
  /** names of every worksheet, in tab order */
  listSheets(): Promise<string[]>;
  /** the sheet's used range as values, null for an empty sheet (Excel reads it in blocks of rows, each
   * response under the request limit) */
  readValues(sheetName: string): Promise<SheetValues | null>;
  /** writes values or formulas into an existing sheet, block by block; on a protected sheet only its
   * unlocked cells take them, as in Excel */
  writeCells(sheetName: string, blocks: CellBlock[]): Promise<void>;
  /** called after any change of cells; returns an unsubscribe function */
  onChanged(handler: () => void): () => void;
  /** called when the selection moves; returns an unsubscribe function */
  onSelectionChanged(handler: (where: { sheetName: string; address: string }) => void): () => void;
}

/** A worksheet's used range as values: its top-left cell and its rows (null = blank). */
export interface SheetValues {
  origin: string;
  values: (PlainValue | null)[][];
}

/** What writeCells puts in one cell: a value, a formula (with "=") with the number format it needs (a
 * text-formatted cell would keep a formula as text), or null to clear it. */
export type CellEntry = PlainValue | null | { formula: string; numberFormat?: string };

/** A rectangle of cells from `address` (its top-left cell) rightwards and down. */
export interface CellBlock {
  address: string;
  rows: CellEntry[][];
}

/** An assessment sheet as it now stands, read back for checking. */
export interface SheetSnapshot {
  sheetName: string;
  rubricId: string;
  policyId?: string;
  institutionCode?: PlainValue;
  institutionName?: PlainValue;
  year?: PlainValue;
  deposit?: PlainValue;
  /** 填报完成: 是 once the reviewer confirmed the facts */
  complete?: PlainValue;
  /** 考核表版本 as recorded on a sheet made from a region's own table, absent when blank */
  rubricVersion?: PlainValue;
  /** 机构性质 as typed (公立 / 民营), absent when blank */
  ownership?: PlainValue;
  /** 扣减情形 as typed (挂牌督办), where the policy names circumstances; absent when blank */
  circumstances?: PlainValue;
  /** the roster sheet the sheet was expanded from (展开): its 机构编码 cell shows that sheet's cell */
  rosterSheet?: string;
  /** each input id's cell address and raw value (null = blank) */
  inputs: { id: string; address: string; value: PlainValue | null }[];
  /** 机构自评得分 per item */
  selfScores: { itemNo: string; address: string; value: PlainValue | null }[];
  /** the sheet was laid out with the MIB.SCORE / MIB.GRADE / MIB.REFUND cells */
  withAddinFunctions: boolean;
  /** every formula-bearing cell the plan puts a formula in: what it now holds (a formula with
   * its "=", or a plain value typed over it) and what it shows */
  computed: { address: string; formula: string | PlainValue | null; value: PlainValue | null }[];
}
