import { MAX_CELL_CHARS, MAX_FORMULA_CHARS, planProblems, sheetNameProblem } from '../excelLimits';
import type { CellBlock, CellEntry, SheetSnapshot, SheetValues, WorkbookPort } from '../port';
import { withSheetNames } from '../renamedSheets';
import { linkTarget } from '../roster/link';
import type { GridPlan, PlainValue, SheetPlan } from '../types';
import { cellAddress, normalizeAddress, parseCell } from './a1';
import { typedFormula } from './formulaText';
import { tabRows } from './paste';
import { freeSheetName } from '../sheetName';
import { type StoredCell, snapshotOf } from './snapshot';

/** One cell as UI code sees it. Formulas are kept as text and not computed: `value` is null for them. */
export interface MemoryCell {
  address: string;
  /** the live formula, with its "=" */
  formula?: string;
  value: PlainValue | null;
  /** the plan's style name, if any */
  style?: string;
  numberFormat?: string;
  /** false for the cells a user may type in while the sheet is protected */
  locked: boolean;
}

interface MemorySheet {
  name: string;
  /** as Excel's Worksheet.visibility; a very hidden sheet is not listed and cannot be deleted */
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** the plan the sheet was made from; undefined for an ordinary sheet */
  plan?: SheetPlan;
  cells: Map<string, StoredCell>;
  protected: boolean;
  selection: string;
}

type Where = { sheetName: string; address: string };

/**
 * A workbook held in memory: what the task pane runs on in a plain browser and what its browser tests
 * drive. It applies a SheetPlan to a map of cells, lets a "user" type with setCell, and reads
 * snapshots with the same meaning as the Excel reader (both use snapshotOf). It computes no formula but
 * the link 展开 writes (src/sheet/roster/link.ts), so that an expanded sheet shows its roster's facts.
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly connected = false;
  private readonly sheets = new Map<string, MemorySheet>();
  private active: string;
  private readonly changeHandlers = new Set<() => void>();
  private readonly selectionHandlers = new Set<(where: Where) => void>();

  /** starts like a new Excel workbook: one ordinary sheet, "Sheet1" unless told otherwise */
  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const name of sheetNames) this.sheets.set(name, { name, cells: new Map(), protected: false, selection: 'A1' });
    this.active = sheetNames[0] ?? '';
  }

  async createSheet(plan: SheetPlan): Promise<string> {
    refuseBeyondLimits(plan);
    const cells = await planCells(plan);
    const name = freeSheetName(plan.name, this.sheets.keys());
    this.sheets.set(name, { name, plan, cells, protected: plan.protect, selection: plan.inputs[0]?.address ?? 'A1' });
    this.active = name;
    this.emitChanged();
    return name;
  }

  /** Ordinary sheets (not assessment sheets) holding the plans' cells: grid cells and body values. */
  async createGridSheets(plans: readonly GridPlan[]): Promise<string[]> {
    plans.forEach(refuseBeyondLimits);
    const taken = [...this.sheets.keys()];
    const names = plans.map((plan) => {
      const name = freeSheetName(plan.name, taken);
      taken.push(name);
      return name;
    });
    const renamed = new Map(plans.map((plan, i) => [plan.name, names[i]!]));
    for (const [i, source] of plans.entries()) {
      const cells = await planCells(withSheetNames(source, renamed));
      this.sheets.set(names[i]!, { name: names[i]!, cells, protected: false, selection: 'A1' });
    }
    if (names[0]) this.active = names[0];
    this.emitChanged();
    return names;
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation
    // exception" — learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
    const veryHidden = names.find((name) => this.sheets.get(name)?.visibility === 'VeryHidden');
    if (veryHidden !== undefined)
      throw new Error(`InvalidOperation: 工作表“${veryHidden}”深度隐藏，不能删除 (a very hidden sheet cannot be deleted)`);
    const gone = names.filter((name) => this.sheets.delete(name));
    if (gone.length === 0) return;
    if (!this.sheets.has(this.active)) this.active = this.sheets.keys().next().value ?? '';
    this.emitChanged();
  }

  async listAssessmentSheets(): Promise<string[]> {
    return [...this.sheets.values()].filter((sheet) => sheet.plan).map((sheet) => sheet.name);
  }

  async activeAssessmentSheet(): Promise<string | null> {
    return this.sheets.get(this.active)?.plan ? this.active : null;
  }

  async readSheet(sheetName: string): Promise<SheetSnapshot> {
    const sheet = this.sheet(sheetName);
    if (!sheet.plan) throw new Error(`“${sheetName}”不是考核表 (not an assessment sheet)`);
    return snapshotOf(sheet.name, sheet.plan, (address) => this.stored(sheet, normalizeAddress(address)));
  }

  /** the visible sheets, as ExcelWorkbook lists them (a hidden MIB_FILES or list sheet is no roster source) */
  async listSheets(): Promise<string[]> {
    return [...this.sheets.values()].filter((sheet) => (sheet.visibility ?? 'Visible') === 'Visible').map((sheet) => sheet.name);
  }

  async readValues(sheetName: string): Promise<SheetValues | null> {
    const sheet = this.sheet(sheetName);
    // a loop, not Math.min(...cells): a 10,000-row roster has over a million cells, beyond the call stack;
    // and it hands the page back now and then, as Excel reads in its own process (the pane stays live)
    let [top, left, bottom, right] = [Infinity, Infinity, -Infinity, -Infinity];
    let seen = 0;
    for (const key of [...sheet.cells.keys()]) {
      if (++seen % CELLS_PER_TURN === 0) await handBack();
      if (this.stored(sheet, key).value === null) continue;
      const { row, col } = parseCell(key);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (top === Infinity) return null;
    const width = right - left + 1;
    const values: (PlainValue | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      values.push(Array.from({ length: width }, (_, c) => this.stored(sheet, cellAddress(r, left + c)).value));
      if ((r - top + 1) % Math.max(1, Math.floor(CELLS_PER_TURN / width)) === 0) await handBack();
    }
    return { origin: cellAddress(top, left), values };
  }

  async writeCells(sheetName: string, blocks: CellBlock[]): Promise<void> {
    const sheet = this.sheet(sheetName);
    for (const { address, rows } of blocks) {
      for (const entry of rows.flat()) {
        const problem = entryProblem(entry);
        if (problem) throw new Error(`${address}：${problem}`);
      }
    }
    const writes: [string, StoredCell][] = blocks.flatMap(({ address, rows }) => {
      const { row, col } = parseCell(address);
      return rows.flatMap((line, r) =>
        line.map((entry, c): [string, StoredCell] => [
          cellAddress(row + r, col + c),
          entry !== null && typeof entry === 'object' ? { formula: entry.formula, value: null } : { value: entry },
        ]),
      );
    });
    // Excel refuses the whole request when one cell is locked on a protected sheet: nothing is written
    const locked = writes.find(([key]) => sheet.protected && this.view(sheet, key).locked);
    if (locked) throw new Error(`单元格 ${locked[0]} 已锁定，工作表受保护 (cell ${locked[0]} is locked; the sheet is protected)`);
    for (const [key, cell] of writes) {
      if (cell.formula === undefined && cell.value === null) sheet.cells.delete(key);
      else sheet.cells.set(key, cell);
    }
    this.emitChanged();
  }

  async select(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    sheet.selection = normalizeAddress(address.split(':')[0]!);
    this.active = sheet.name;
    for (const handler of this.selectionHandlers) handler({ sheetName: sheet.name, address: sheet.selection });
  }

  async selection(): Promise<Where | null> {
    const sheet = this.sheets.get(this.active);
    return sheet ? { sheetName: sheet.name, address: sheet.selection } : null;
  }

  onChanged(handler: () => void): () => void {
    this.changeHandlers.add(handler);
    return () => this.changeHandlers.delete(handler);
  }

  onSelectionChanged(handler: (where: Where) => void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  // ---- for UI code and tests: what a user does by hand ----

  /**
   * Types into a cell as a user would in Excel: a string is read the way Excel reads typing ("12" is a
   * number, "45%" is 0.45, "TRUE" a boolean, "=..." a formula, a leading "'" keeps the rest as text,
   * and a text-formatted cell keeps any string as text); null or "" clears the cell. A locked cell of
   * a protected sheet refuses, as Excel does. Validation rules are not enforced (a paste in Excel
   * bypasses them too). Fires onChanged.
   */
  setCell(sheetName: string, address: string, value: PlainValue | null): void {
    const sheet = this.sheet(sheetName);
    const key = normalizeAddress(address);
    const view = this.view(sheet, key);
    if (sheet.protected && view.locked) {
      throw new Error(`单元格 ${key} 已锁定，工作表受保护 (cell ${key} is locked; the sheet is protected)`);
    }
    const stored = typeof value === 'string' ? typed(value, view.numberFormat === '@') : { value };
    if (stored.formula === undefined && stored.value === null) sheet.cells.delete(key);
    else sheet.cells.set(key, stored);
    this.emitChanged();
  }

  /** Pastes cells copied from Excel (tab-separated rows) from `address` on, each typed as setCell types
   * it; one change event for the whole paste. Returns how many rows came in. `textColumn`, given the
   * pasted first row's text of a column, says the column is formatted as text, as a roster's 机构编码 is:
   * its cells below keep what was pasted ("03720" stays 03720, as Excel keeps it in a text column). */
  paste(sheetName: string, address: string, text: string, textColumn?: (header: string) => boolean): number {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseCell(address);
    const rows = tabRows(text);
    if (sheet.protected) throw new Error(`工作表“${sheetName}”受保护，不能粘贴 (the sheet is protected)`);
    const asText = new Set(textColumn ? (rows[0] ?? []).flatMap((header, c) => (textColumn(header.trim()) ? [c] : [])) : []);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const key = cellAddress(row + r, col + c);
        const stored = typed(value, (r > 0 && asText.has(c)) || this.view(sheet, key).numberFormat === '@');
        if (stored.formula === undefined && stored.value === null) sheet.cells.delete(key);
        else sheet.cells.set(key, stored);
      }),
    );
    this.emitChanged();
    return rows.length;
  }

  /** One cell as it now stands. */
  cell(sheetName: string, address: string): MemoryCell {
    return this.view(this.sheet(sheetName), normalizeAddress(address));
  }

  /** The sheet as rows of cells, covering the plan's grid and anything typed beyond it. */
  cells(sheetName: string): MemoryCell[][] {
    const sheet = this.sheet(sheetName);
    let rows = sheet.plan?.grid.length ?? 0;
    let cols = sheet.plan?.columnCount ?? 0;
    for (const key of sheet.cells.keys()) {
      const { row, col } = parseCell(key);
      rows = Math.max(rows, row + 1);
      cols = Math.max(cols, col + 1);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.view(sheet, cellAddress(r, c))));
  }

  /** every sheet, hidden ones included, in tab order */
  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  /** Adds an ordinary sheet with the visibility given (as a workbook may hold a very hidden MIB_FILES). */
  addSheet(name: string, visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible'): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new Error(problem);
    if (this.sheets.has(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    this.sheets.set(name, { name, visibility, cells: new Map(), protected: false, selection: 'A1' });
  }

  /** Each sheet with its visibility, as Excel's worksheets.items lists them. */
  sheetVisibility(): { name: string; visibility: 'Visible' | 'Hidden' | 'VeryHidden' }[] {
    return [...this.sheets.values()].map((sheet) => ({ name: sheet.name, visibility: sheet.visibility ?? 'Visible' }));
  }

  /** Review → Unprotect Sheet (the generated sheets have no password). */
  unprotect(sheetName: string): void {
    this.sheet(sheetName).protected = false;
  }

  protect(sheetName: string): void {
    this.sheet(sheetName).protected = true;
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`没有名为“${name}”的工作表 (no sheet named "${name}")`);
    return sheet;
  }

  private view(sheet: MemorySheet, address: string): MemoryCell {
    const { row, col } = parseCell(address);
    const planned = sheet.plan?.grid[row]?.[col];
    const styleName = planned?.style;
    const style = styleName ? sheet.plan?.styles[styleName] : undefined;
    const stored = this.stored(sheet, address);
    const numberFormat = planned && 'text' in planned && planned.text ? '@' : style?.numberFormat;
    const cell: MemoryCell = { address, value: stored.value, locked: style?.locked !== false };
    if (stored.formula !== undefined) cell.formula = stored.formula;
    if (styleName !== undefined) cell.style = styleName;
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
    return cell;
  }

  /** A cell as Excel would show it: a link formula shows its target's value (blank stays blank). */
  private stored(sheet: MemorySheet, address: string, depth = 0): StoredCell {
    const cell = sheet.cells.get(address) ?? { value: null };
    const target = cell.formula === undefined ? undefined : linkTarget(cell.formula);
    const from = target && depth < 8 ? this.sheets.get(target.sheetName) : undefined;
    return from ? { formula: cell.formula!, value: this.stored(from, target!.address, depth + 1).value } : cell;
  }

  private emitChanged(): void {
    for (const handler of this.changeHandlers) handler();
  }
}

/** A plan Excel would refuse (a row over 409 points, an inline list over 255 characters, ...) is refused here
 * too, with every limit it breaks (src/sheet/excelLimits.ts): the pane's tests meet Excel's rules. */
function refuseBeyondLimits(plan: GridPlan): void {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new Error(`工作表“${plan.name}”超出 Excel 的限制：${problems.slice(0, 5).join('；')}`);
}

/** Why Excel would refuse this cell entry: a text over 32,767 characters or a formula over 8,192. */
function entryProblem(entry: CellEntry): string | undefined {
  if (typeof entry === 'string' && entry.length > MAX_CELL_CHARS) return `内容超过 ${MAX_CELL_CHARS} 个字符`;
  if (entry !== null && typeof entry === 'object' && entry.formula.length > MAX_FORMULA_CHARS) return `公式超过 ${MAX_FORMULA_CHARS} 个字符`;
  return undefined;
}

/** How Excel reads a typed string. */
function typed(text: string, textFormat: boolean): StoredCell {
  if (text === '') return { value: null };
  if (textFormat) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { formula: text, value: null };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%?)$/.exec(trimmed);
  if (number) return { value: number[4] ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed) };
  return { value: text };
}

/** A plan's cells by address: constants, formulas (not computed: value null) and the body's values. */
async function planCells(plan: GridPlan): Promise<Map<string, StoredCell>> {
  const cells = new Map<string, StoredCell>();
  plan.grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && 'formula' in cell) cells.set(cellAddress(r, c), { formula: typedFormula(cell.formula), value: null });
      else if (cell && 'value' in cell) cells.set(cellAddress(r, c), { value: cell.value });
    }),
  );
  const body = plan.body;
  if (!body) return cells;
  // a 10,000-row 汇总名单 holds over half a million values: the page is handed back between slices
  const perTurn = Math.max(1, Math.floor(CELLS_PER_TURN / Math.max(1, plan.columnCount)));
  for (const [r, row] of body.rows.entries()) {
    row.forEach((value, c) => {
      if (value !== null) cells.set(cellAddress(body.top + r, c), { value });
    });
    if ((r + 1) % perTurn === 0) await handBack();
  }
  return cells;
}

/** How many cells the in-memory workbook reads or writes before it hands the page back (a turn of the
 * event loop), so the pane answers while a large roster is read or its sheets written. */
const CELLS_PER_TURN = 20_000;
const handBack = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
