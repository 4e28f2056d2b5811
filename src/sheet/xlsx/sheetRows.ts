// One worksheet of an .xlsx read a row at a time as it is inflated, never held whole: a roster of 100,000
// institutions (mib roster --input 名单.xlsx). Read whole (xlsxCells.ts), every cell was held twice before
// the first row was read: a 30,000-row roster took 1.5 GB, and one of 40,000 rows was past the cell limit.
import { type ShownCell, shownAlone } from './sheetCells';
import { sheetPartReader, type XmlCell } from './sheetPart';
import { byPartName, isWorkbookWide, partName, type Worksheet, workbookWide, worksheetsOf } from './xlsxCells';
import { damagedXlsx, noWorksheet, refuseNotXlsx } from './xlsxRefusals';
import { checkXlsxInsides, type WholeInflater } from './zipGuard';

/** The bytes of the sheet's XML read between two reports of how far (onRead). */
const STEP = 1 << 20;

/** A cell of a row read so: what it shows, and the number format its style gives where the file gives its
 * own ("00000": a code typed as 3720 shows as 03720). */
export type RowCell = ShownCell & { format?: string };

export interface StreamedSheet {
  /** the sheet read */
  name: string;
  /** how many rows the sheet has (its last <row>'s number: Worksheet.rowCount); where `onRow` stopped the
   * reading, the rows read */
  rowCount: number;
  /** `onRow` said 'stop': the rows after it were not read, nor counted against the limits where the sheet
   * came in pieces (one inflated whole is counted before it is read) */
  stopped?: true;
}

/** thrown through the zip guard when `onRow` says 'stop', and caught where it was called */
const STOPPED = new Error('stopped');

/**
 * The worksheet `pick` chooses among the workbook's (their names and states, in order), read row by row:
 * each row that has a cell with a value or a formula goes to `onRow`, in order, with its cells by column
 * (0-based; a column without one is empty), each as `cell` of xlsxSheets shows it. The file is checked as
 * xlsxSheets checks it, the sheet as it is inflated; only its cell count is not limited (nothing is held).
 *
 * `onRead` is told how many of the sheet's bytes (unzipped) are read, of how many. `onRow` may say 'stop':
 * nothing more is read (a roster whose header names no 机构编码 is refused at its first rows, not after
 * 100,000 rows); the sheet is then as read so far, its merged ranges and links unknown.
 *
 * Undefined where the sheet cannot be read so and read the same as whole: merged ranges or links (their
 * list follows the rows), or rows written out of order. `onRow` may have been called for some rows: the
 * caller lets them go and reads the sheet whole (xlsxSheets). Throws what xlsxSheets throws for the file.
 */
export function eachSheetRow(
  bytes: Uint8Array,
  source: string,
  inflateWhole: WholeInflater | undefined,
  pick: (sheets: readonly Worksheet[]) => Worksheet,
  onRow: (row: number, cells: readonly (RowCell | undefined)[]) => 'stop' | void,
  onRead?: (done: number, total: number) => void,
): StreamedSheet | undefined {
  refuseNotXlsx(bytes, source);
  let chosen: Worksheet | undefined;
  let noSheet = false;
  let damaged = false;
  let reader: ReturnType<typeof sheetPartReader> | undefined;
  // the row being read and its cells; -1 before the first
  let row = -1;
  let cells: (RowCell | undefined)[] = [];
  let inOrder = true;
  let stopped = false;
  // the chosen sheet's pieces went to the reader (a part named otherwise than the guard's sheets, or twice,
  // is read whole)
  let streamed = 0;
  const streamTo = (name: string, kept: ReadonlyMap<string, Uint8Array>, names: ReadonlySet<string>, size: number) => {
    if (damaged || noSheet) return undefined;
    if (!chosen) {
      try {
        const { workbook, rels, strings, styles } = workbookWide(byPartName(kept));
        const all = new Set([...names].map(partName));
        const sheets = worksheetsOf(workbook, rels, (path) => all.has(path));
        if (sheets.length === 0) {
          noSheet = true;
          return undefined;
        }
        const sheet = pick(sheets);
        const context = { strings, dateStyles: styles.dates, date1904: workbook.date1904, rels: undefined };
        chosen = sheet;
        const formats = styles.ownFormats;
        reader = sheetPartReader((xml: XmlCell) => {
          if (!inOrder || stopped) return;
          if (xml.row !== row) {
            if (xml.row < row) {
              inOrder = false;
              return;
            }
            if (row >= 0 && onRow(row, cells) === 'stop') {
              stopped = true;
              return;
            }
            row = xml.row;
            cells = [];
          }
          const cell: RowCell = shownAlone(xml, context);
          const format = formats[xml.s];
          cells[xml.col] = format === undefined ? cell : { ...cell, format };
        });
      } catch {
        damaged = true;
        return undefined;
      }
    }
    if (partName(name) !== chosen.path) return undefined;
    streamed++;
    let done = 0;
    return (piece: Uint8Array) => {
      // read a megabyte at a time, so that `onRead` tells how far (a part inflated whole is one piece)
      for (let at = 0; at < piece.length && !damaged; at += STEP) {
        const step = piece.subarray(at, at + STEP);
        try {
          reader!.write(step);
        } catch {
          damaged = true;
        }
        onRead?.((done += step.length), size);
        // (out through the zip guard, which then inflates and counts no more)
        if (stopped) throw STOPPED;
      }
    };
  };
  let found: ReturnType<typeof checkXlsxInsides>;
  try {
    found = checkXlsxInsides(bytes, source, isWorkbookWide, inflateWhole, streamTo);
  } catch (error) {
    if (error !== STOPPED) throw error;
    return { name: chosen!.name, rowCount: row + 1, stopped: true };
  }
  if (!found || damaged) throw damagedXlsx(source);
  if (noSheet) throw noWorksheet(source);
  if (!chosen || !reader) {
    // no worksheet part at all: a workbook part missing or damaged, else no worksheet
    try {
      workbookWide(byPartName(found));
    } catch {
      throw damagedXlsx(source);
    }
    throw noWorksheet(source);
  }
  if (streamed !== 1) return undefined;
  let rest: ReturnType<typeof reader.end>;
  try {
    rest = reader.end();
  } catch {
    throw damagedXlsx(source);
  }
  if (!inOrder || rest.merges.length > 0 || rest.links.size > 0) return undefined;
  if (row >= 0) onRow(row, cells);
  return { name: chosen.name, rowCount: rest.rowCount };
}
