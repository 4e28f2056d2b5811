/**
 * A SheetPlan is a whole assessment worksheet as plain data: what every cell holds, how it looks,
 * which cells a user may type in, and the names other tools use to find the results. The Office.js
 * writer, the xlsx writer and the in-memory workbook all apply the same plan, so a sheet made in
 * Excel, a template opened in LibreOffice and the pane's offline workbook cannot drift apart.
 *
 * Addresses are A1 style on the plan's own sheet ("K12", "A5:A9"); rows and columns in `grid` are
 * 0-based, so grid[11][10] is K12.
 */

export type PlainValue = string | number | boolean;

/**
 * One cell. `formula` is written as Excel stores it in OOXML, with its leading "=" and with the
 * `_xlfn.` prefix on functions newer than Excel 2007. `text` marks a constant that must stay text
 * even though it begins with "=", "+", "-" or "@" (a writer sets the text number format first).
 */
export type PlanCell = { value: PlainValue; text?: true; style?: string } | { formula: string; style?: string } | { style: string };

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Excel number format, e.g. "0.00", "0%", "@", "#,##0.00" */
  numberFormat?: string;
  /** false for the cells a user may type in; every other cell is locked */
  locked?: boolean;
}

export type ValidationRule =
  { kind: 'list'; options: string[] } | { kind: 'wholeNumber'; min: number; max?: number } | { kind: 'decimal'; min: number; max: number };

/** Excel's limits on a validation's input message: its title and its text. */
export const VALIDATION_TITLE_MAX = 32;
export const VALIDATION_PROMPT_MAX = 255;

export interface PlanValidation {
  range: string;
  rule: ValidationRule;
  /** the input message's title (Excel allows 32 characters) */
  title?: string;
  /** Chinese prompt shown on the cell (Excel allows 255 characters), and the message for a refused entry */
  prompt: string;
  error: string;
}

export interface PlanConditionalFormat {
  range: string;
  /** a formula relative to the range's top-left cell, true where the format applies */
  formula: string;
  style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>;
  /** what the highlight means, for the legend and the pane */
  meaning: 'veto' | 'overCap' | 'clauseCap' | 'selfScoreDiffers' | 'checkFails' | 'invalidInput';
}

export interface PlanName {
  /** MIB_TOTAL, MIB_GRADE, MIB_REFUND, MIB_IDS, MIB_INPUTS, ... */
  name: string;
  /** address on this sheet, without the sheet name */
  ref: string;
}

/** Where one clause's fact lives and what it accepts. */
export interface PlanInputCell {
  id: string;
  itemNo: string;
  address: string;
  label: string;
}

/** The cells of one item in the official table. */
export interface PlanItemCells {
  itemNo: string;
  /** rows the item spans in the table (its clause rows), A1 row numbers, inclusive */
  firstRow: number;
  lastRow: number;
  /** 条款得扣分: one cell per clause, in the order of the item's rules (clause k is clauses[k-1]) */
  clauses: string[];
  /** 得分: the item's score formula */
  score: string;
  /** 扣分合计 (raw deductions, before any cap) */
  deducted: string;
  /** 超出单项分值的扣分 (deductions beyond the item's points, after the clauses' own caps; a "不得分"
   * clause's amount not counted): equals the core's ItemResult.overCap */
  overCap: string;
  /** 机构自评得分, typed by the institution */
  selfScore: string;
  /** 自评差异: self-score minus computed score */
  difference: string;
  /** 否决 flag cell where the item has a veto clause */
  veto?: string;
}

/** The header block and the result cells. */
export interface PlanFields {
  institutionCode: string;
  institutionName: string;
  year: string;
  policy: string;
  deposit: string;
  /** 机构性质 公立/民营: public-only clauses read it */
  ownership: string;
  /** 扣减情形 (挂牌督办): the circumstances the refund reads, where the policy names any (row 10) */
  circumstances?: string;
  total: string;
  grade?: string;
  refund?: string;
  vetoCount: string;
  /** how many inputs hold a value the sheet cannot read (无效), and how many are blank (未填) */
  invalidCount: string;
  missingCount: string;
  /** 填报完成: the reviewer's 是 makes blanks final and the grade no longer provisional */
  complete: string;
  /** 考核表版本: the fingerprint of the region's own table the sheet was made from (not for bundled ones) */
  rubricVersion?: string;
  /** the total converted onto the policy's scale (折算得分), when the scales differ */
  policyScore?: string;
  /** the grade the score gives, before the status (暂评 / 暂不评定) is put around it */
  scoreGrade?: string;
  /** MIB.SCORE / MIB.GRADE / MIB.REFUND cells beside the plain ones, when planned with the add-in */
  addinTotal?: string;
  addinGrade?: string;
  addinRefund?: string;
  /** a visible check that plain and add-in results agree */
  agreement?: string;
}

/**
 * A native chart over a block of the plan's own sheet (the Office.js writer makes it; ExcelJS cannot, so
 * the xlsx writer leaves a note where it would stand and the table it draws stays).
 */
export interface ChartPlan {
  /** the chart's name in the workbook */
  name: string;
  kind: 'columnClustered';
  title: string;
  /** the table the chart draws, headers included: first column the categories, then one column a series */
  data: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** the cells it covers: top-left and bottom-right ("E3", "L18") */
  from: string;
  to: string;
}

/**
 * Many rows of plain values below the grid, styled by column: a roster's 10,000 institutions. No cell
 * object per value: `rows[r][c]` is the value (null for a blank), `columnStyles[c]` the style every row
 * of that column takes. Values are never formulas: a string stays the text it is (a name "=x" included),
 * as the writers set text columns' format before the values.
 */
export interface PlanBody {
  /** the 0-based grid row the body starts at (its first row follows the grid's rows) */
  top: number;
  rows: (PlainValue | null)[][];
  /** where given, the same rows made one at a time, so that a writer that streams (`mib roster -o` at
   * 100,000 rows) never holds them all; `rows` is then made only if it is read */
  lazy?: { count: number; row(r: number): (PlainValue | null)[] };
  /** a style name per column (undefined: none) */
  columnStyles: (string | undefined)[];
}

/**
 * What every writer takes: a worksheet as plain data. An assessment sheet (SheetPlan) adds its fields,
 * items and print setup; the roster workbook's sheets (src/sheet/roster) use this alone.
 */
export interface GridPlan {
  /** worksheet name, at most 31 characters, none of : \ / ? * [ ] */
  name: string;
  /** grid[row][col], 0-based; rows may be shorter than columnCount; null is an empty cell */
  grid: (PlanCell | null)[][];
  /** rows of plain values after the grid, styled by column */
  body?: PlanBody;
  columnCount: number;
  columns: { header: string; width: number }[];
  /** row heights in points, by 1-based row number; rows not listed keep the default */
  rowHeights: Record<number, number>;
  /** named styles referenced by cells */
  styles: Record<string, CellStyle>;
  merges: string[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  names: PlanName[];
  /** rows above the table frozen in view */
  freezeRows: number;
  /** the range the sheet's filter buttons cover, header row included ("A1:BZ10001") */
  autoFilter?: string;
  charts?: ChartPlan[];
  /** how the sheet prints (the roster workbook's sheets); an assessment sheet has its own `print` */
  pageSetup?: GridPageSetup;
}

/**
 * A grid sheet's print setup: A4 landscape, scaled so that the columns fit `fitToWidth` pages across
 * (the height left free), the title rows and columns repeated on every page, a page-number footer.
 */
export interface GridPageSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** pages across the columns fit on (1 for a narrow sheet); the number of pages down is left free */
  fitToWidth?: number;
  /** percent, instead of fitting: a sheet whose page breaks must hold (Excel ignores manual breaks when fitting) */
  scale?: number;
  /** rows (1-based) that start a new page */
  pageBreaks?: number[];
  /** whole rows repeated at the top of every page ("$1:$1") */
  titleRows?: string;
  /** whole columns repeated at the left of every page ("$A:$B") */
  titleColumns?: string;
  /** the page footer's centre, in Excel's header/footer codes (&P page, &N pages) */
  footer: string;
  /** page margins in inches */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface SheetPlan extends GridPlan {
  rubricId: string;
  policyId?: string;
  inputs: PlanInputCell[];
  items: PlanItemCells[];
  fields: PlanFields;
  /** the first rows to repeat on every printed page, e.g. "$4:$4" */
  printTitleRows: string;
  print: {
    orientation: 'landscape';
    paper: 'A4';
    /** percent: both print ranges one page wide (a fixed scale, as manual page breaks need) */
    scale: number;
    /** rows (1-based) that start a new page, so that no item is split between pages */
    pageBreaks: number[];
    /** the print ranges, each printed on pages of its own: the official columns with 得分 (header block,
     * table, 备注, readings, signatures), then the working columns of the table */
    areas: string[];
    /** the page footer's centre, in Excel's header/footer codes (&P page, &N pages) */
    footer: string;
    /** page margins in inches */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
  /** the sheet is protected; only cells whose style says locked: false stay editable */
  protect: true;
  /** the working columns printed apart, one row per fact, on a sheet of their own that reads this one */
  workingPrint?: WorkingPrintPlan;
}

/** A sheet that prints the assessment sheet's working columns compactly, numbered apart from the form. */
export interface WorkingPrintPlan extends GridPlan {
  print: {
    /** percent, fixed (manual page breaks) */
    scale: number;
    /** rows (1-based) that start a new page, so that no item is split */
    pageBreaks: number[];
    area: string;
    /** the header row repeated on every page, "$2:$2" */
    titleRows: string;
    /** the footer's centre: its own page numbers, counted from 1, and its own page count */
    footer: string;
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
}

export interface PlanOptions {
  policyId?: string;
  deposit?: number | string;
  institutionCode?: string;
  institutionName?: string;
  year?: number;
  /** facts to pre-fill, by input id (as the core accepts them) */
  inputs?: Record<string, unknown>;
  /** add MIB.SCORE / MIB.GRADE / MIB.REFUND cells beside the plain formulas */
  withAddinFunctions?: boolean;
  /** English headers and labels instead of Chinese */
  locale?: 'zh-CN' | 'en-US';
  /** 机构性质 to pre-fill (公立 / 民营) */
  ownership?: 'public' | 'private';
  /** worksheet name; defaults to one derived from the rubric and institution */
  sheetName?: string;
  /** grade a table on another scale than the policy's after converting its total (折算为百分制);
   * without it such a pairing is refused */
  convert?: boolean;
  /** pre-fill 填报完成 with 是: the reviewer has confirmed the facts, blanks are final */
  complete?: boolean;
  /** 扣减情形 to pre-fill, by the policy's names (挂牌督办) */
  circumstances?: string[];
  /** the version (fingerprint as stored in MIB_FILES) of a region's own table, recorded on the sheet */
  rubricVersion?: string;
}
