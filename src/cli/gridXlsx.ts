import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excelWouldConvert } from '../sheet/excelLimits';
import { quotedSheet, validSheetName } from '../sheet/sheetName';
import { absoluteArea } from '../sheet/memory/a1';
import type { CellStyle, GridPlan, PlainValue, PlanCell } from '../sheet/types';
import { addXlsxParts } from './xlsxParts';
import { bodyRowWriter, compressorDrained } from './xlsxRows';
import { WorkbookWriter } from './exceljs/writer';
import { applyStyle, conditionalFormatting, dataValidation, excelStyle } from './xlsxStyles';

/**
 * Grid plans (the roster workbook's sheets) as one .xlsx, streamed: ExcelJS's WorkbookWriter commits each
 * row as it goes, so 10,000 institutions × 80 columns never stand in memory as cell objects. A body's
 * column takes its style once, as the column's style; its values follow, text as text. Formulas carry no
 * cached result, so every spreadsheet computes them on opening. The .xlsx goes into `stream` as it is made
 * (compressed: `mib roster -o` writes it into its file so); done when the stream has taken it all, and
 * refused with the stream's own error where the stream fails (a full disk).
 */
export async function gridPlansToStream(plans: readonly GridPlan[], stream: Writable, options: WriteOptions = {}): Promise<void> {
  // the stream's failure ends the writing at once: ExcelJS listens for it only once it commits, and a
  // stream that failed before would never finish
  let failed: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  stream.once('error', failed);
  const writing = write(plans, stream, options);
  // (once the stream has failed, what the writing does after is of no account: never an unhandled rejection)
  writing.catch(() => {});
  try {
    await Promise.race([writing, failure]);
  } finally {
    stream.off('error', failed);
  }
}

async function write(plans: readonly GridPlan[], stream: Writable, options: WriteOptions): Promise<void> {
  const workbook = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'MIB 考核助手';
  workbook.created = new Date(0);
  // what ExcelJS's streamed writer leaves out, added as it writes: print titles and the charts
  const parts = addXlsxParts(workbook, plans);
  for (const [index, plan] of plans.entries()) await writeSheet(workbook, plan, options, (sheet) => parts.beforeCommit(sheet, index));
  await workbook.commit();
}

/** Grid plans as the bytes of one .xlsx (gridPlansToStream), held compressed: tens of megabytes at 100,000 rows. */
export function gridPlansToXlsx(plans: readonly GridPlan[], options: WriteOptions = {}): Promise<Uint8Array> {
  return bytesWritten((stream) => gridPlansToStream(plans, stream, options));
}

/** What `write` writes into a stream (an .xlsx made by ExcelJS's streamed writer), as one array of bytes. */
export async function bytesWritten(write: (stream: Writable) => Promise<void>): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(stream);
  // the pieces let go as they are joined
  const whole = Buffer.concat(chunks);
  chunks.length = 0;
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

/** A grid plan's print setup in ExcelJS's terms (the print titles are added by addXlsxParts). */
export function excelPageSetup(plan: GridPlan): Pick<Partial<ExcelJS.AddWorksheetOptions>, 'pageSetup' | 'headerFooter'> {
  const print = plan.pageSetup;
  if (!print) return {};
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: print.orientation,
      // fitted across, the height left free (fitToHeight 0: as many pages down as the rows need), or a scale
      ...(print.fitToWidth === undefined
        ? { fitToPage: false, scale: print.scale ?? 100 }
        : { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: 0 }),
      margins: print.margins,
    },
    headerFooter: { oddFooter: `&C${print.footer}` },
  };
}

interface WriteOptions {
  /** every row through ExcelJS, none straight to the XML (the comparison in test/cli/xlsxRows.test.ts) */
  rowsByExcelJS?: boolean;
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: GridPlan,
  options: WriteOptions,
  beforeCommit: (sheet: ExcelJS.Worksheet) => void,
): Promise<void> {
  const sheet = workbook.addWorksheet(validSheetName(plan.name), {
    views: plan.freezeRows > 0 ? [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0 }] : [],
    ...excelPageSetup(plan),
  });
  const styleOf = (name: string | undefined): CellStyle | undefined => (name === undefined ? undefined : plan.styles[name]);
  const body = plan.body;
  // one style object per body column, given to each of its cells: ExcelJS finds a style it has seen by the
  // object (a copy per cell is compared through its JSON, 800,000 times for a 10,000-row roster)
  const columnStyles = plan.columns.map((_, c) => {
    const style = styleOf(body?.columnStyles[c]);
    return style && (excelStyle(style) as ExcelJS.Style);
  });
  sheet.columns = plan.columns.map((column, c) => ({ width: column.width, ...(columnStyles[c] && { style: columnStyles[c] }) }));
  if (plan.autoFilter) sheet.autoFilter = plan.autoFilter;

  // a body that makes its rows one at a time is never held whole
  const bodyRows = body?.lazy ?? (body && { count: body.rows.length, row: (r: number) => body.rows[r] });
  const rowCount = Math.max(plan.grid.length, body && bodyRows ? body.top + bodyRows.count : 0);
  const breaks = new Set(plan.pageSetup?.pageBreaks ?? []);
  // a merge touches its cells, which must not be committed yet, so it is made when the loop reaches its top
  // row: made all at first, one at the foot of a 100,000-row sheet would keep every row before it pending
  // (ExcelJS commits a row by shifting its pending array, which then costs the whole sheet a row)
  const mergesAt = new Map<number, string[]>();
  for (const merge of plan.merges) {
    const top = Number(/\d+/.exec(merge)?.[0] ?? 1);
    mergesAt.set(top, [...(mergesAt.get(top) ?? []), merge]);
  }

  // a row through ExcelJS: its merges, height, page break, grid cells and body values as cell objects
  const byExcelJS = (r: number, cells: GridPlan['grid'][number] | undefined, values: BodyValues | undefined, height: number | undefined) => {
    for (const merge of mergesAt.get(r + 1) ?? []) sheet.mergeCells(merge);
    const row = sheet.getRow(r + 1);
    if (height !== undefined) row.height = height;
    // ExcelJS's break follows its row: a page that starts at row r + 2
    if (breaks.has(r + 2)) row.addPageBreak();
    if (cells) cells.forEach((cell, c) => cell && writeCell(row.getCell(c + 1), cell, styleOf(cell.style)));
    if (values) {
      for (let c = 0; c < values.length; c++) {
        const value = values[c];
        if (value === null || value === undefined) continue;
        const cell = row.getCell(c + 1);
        const style = columnStyles[c];
        if (style) cell.style = style;
        cell.value = value;
        // a string Excel or LibreOffice would read as a formula or a number on editing ("=1+1", "@SUM(1)") is kept
        // as text by the text format (ExcelJS has no quotePrefix), as the Office.js writer does
        // (a style object of its own: the column's is shared by all its cells)
        if (typeof value === 'string' && style?.numFmt !== '@' && excelWouldConvert(value)) cell.style = { ...style, numFmt: '@' };
      }
    }
    row.commit();
  };

  const straight = options.rowsByExcelJS ? undefined : bodyRowWriter(workbook, sheet, columnStyles);
  for (let r = 0; r < rowCount; r++) {
    const height = plan.rowHeights[r + 1];
    const cells = plan.grid[r];
    const values = body && bodyRows && r >= body.top && r < body.top + bodyRows.count ? bodyRows.row(r - body.top) : undefined;
    // a row of the body alone goes straight to the sheet's XML (xlsxRows.ts); others through ExcelJS
    if (straight && values && !cells?.some(Boolean) && !mergesAt.has(r + 1) && straight.ready())
      straight.write(r + 1, values, height, breaks.has(r + 2));
    else {
      straight?.flush();
      byExcelJS(r, cells, values, height);
    }
    // the written rows are compressed before more are made: the compressor moves only when the event loop
    // turns, so without these pauses a 100,000-row sheet's XML (some 300 MB) would wait whole in memory
    if (r % ROWS_BETWEEN_PAUSES === ROWS_BETWEEN_PAUSES - 1) {
      straight?.flush();
      await (compressorDrained(sheet, MAX_BACKLOG) ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }
  straight?.flush();
  // a merge below the last planned row (none is planned so) still stands
  for (const [top, merges] of mergesAt) if (top > rowCount) merges.forEach((merge) => sheet.mergeCells(merge));
  // the streamed sheet keeps validations by range (its rows are committed; ExcelJS's types omit the field)
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const validation of plan.validations) validations.add(validation.range, dataValidation(validation));
  for (const format of plan.conditionalFormats) sheet.addConditionalFormatting(conditionalFormatting(format));
  for (const name of plan.names) workbook.definedNames.add(`${quotedSheet(sheet.name)}!${absoluteArea(name.ref)}`, name.name);
  beforeCommit(sheet);
  sheet.commit();
}

const ROWS_BETWEEN_PAUSES = 256;
/** Bytes of a sheet's XML let wait for the compressor (xlsxRows.ts compressorDrained). */
const MAX_BACKLOG = 1 << 20;

type BodyValues = readonly (PlainValue | null)[];

function writeCell(target: ExcelJS.Cell, cell: PlanCell, style: CellStyle | undefined): void {
  if (style) applyStyle(target, style);
  if ('formula' in cell) target.value = { formula: cell.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  else if ('value' in cell) {
    target.value = cell.value;
    if (cell.text || (typeof cell.value === 'string' && excelWouldConvert(cell.value))) target.numFmt = '@';
  }
}
