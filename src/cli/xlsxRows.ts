import type ExcelJS from 'exceljs';
import { excelWouldConvert } from '../sheet/excelLimits';
import { columnLetter } from '../sheet/layout';
import type { PlainValue } from '../sheet/types';
import { ValueType } from './exceljs/writer';
import { xmlEncode } from './xmlEncode';

/**
 * A body row's XML, written straight into ExcelJS's streamed worksheet. ExcelJS makes a row object, a cell
 * object per value, a style merge per cell and an XML node tree per row before it writes the same few
 * characters: at 10,000 institutions × 80 columns that was a third of `mib roster -o`'s time per row (issue
 * 21). What is written is what ExcelJS 4.4 writes for those rows, character for character (the row's r,
 * height, spans and x14ac:dyDescent; a cell's r, s and t="b"|"str" with its <v>; ExcelJS's escaping) and
 * the style ids come from ExcelJS's own style table, so the workbook is the same (test/cli/xlsxRows.test.ts
 * compares the two). Rows it cannot take (a row holding grid cells or a merge, or ExcelJS's internals not
 * as expected) are left to ExcelJS.
 */
export interface BodyRowWriter {
  /** true when the rows before are all written (the row can go straight to the sheet's XML) */
  ready(): boolean;
  /** the 1-based row `number`'s values (null: no cell), its height, and a page break after it */
  write(number: number, values: readonly (PlainValue | null | undefined)[], height: number | undefined, breakAfter: boolean): void;
  /** hands the rows written so far on to the sheet (before ExcelJS writes a row of its own, and at the end) */
  flush(): void;
}

/** ExcelJS 4.4's streamed worksheet, as far as writing its rows goes (lib/stream/xlsx/worksheet-writer.js). */
interface StreamedSheetInternals {
  _rows: unknown[];
  _rowZero: number;
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(xml: string | Uint8Array): unknown };
  rowBreaks: { id: number; max: number; man: number }[];
}

interface StylesInternals {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType: ExcelJS.ValueType): number;
}

const isStreamedSheet = (sheet: object): sheet is StreamedSheetInternals => {
  const s = sheet as Partial<StreamedSheetInternals>;
  return (
    Array.isArray(s._rows) &&
    typeof s._rowZero === 'number' &&
    typeof s._writeColumns === 'function' &&
    typeof s._writeOpenSheetData === 'function' &&
    typeof s.stream?.write === 'function' &&
    Array.isArray(s.rowBreaks)
  );
};

const { Number: NUMBER, Boolean: BOOLEAN, String: STRING } = ValueType;
/** A cell type's slot among a column's four (number, true/false, text; the fourth is text as "@"). */
const kindSlot = (type: ExcelJS.ValueType) => (type === NUMBER ? 0 : type === BOOLEAN ? 1 : 2);

/**
 * A writer of a body's rows into `sheet`, each column in `columnStyles`' style (the same object for every
 * cell of the column, as ExcelJS is given it), or undefined where ExcelJS's internals are not what this
 * writes into (another version): the rows then go through ExcelJS.
 */
export function bodyRowWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExcelJS.Worksheet,
  columnStyles: readonly (Partial<ExcelJS.Style> | undefined)[],
): BodyRowWriter | undefined {
  const styles = (workbook as unknown as { styles?: Partial<StylesInternals> }).styles;
  if (!isStreamedSheet(sheet) || typeof styles?.addStyleModel !== 'function') return undefined;
  const addStyle = (style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType) => styles.addStyleModel!(style, type);
  // a column's style id: ExcelJS keeps the first id it gave a style object, whatever the cell's type; a
  // column without a style gives each cell a style of its own ({}), whose id depends on the type alone;
  // a text that Excel would read as a number or formula takes the column's style in the text format "@"
  // (four slots a column: its style or a number, true/false, text, text as "@")
  const ids: (number | undefined)[] = [];
  const idOf = (c: number, type: ExcelJS.ValueType, asText: boolean): number => {
    const style = columnStyles[c];
    const slot = 4 * c + (asText ? 3 : style ? 0 : kindSlot(type));
    let id = ids[slot];
    if (id === undefined) ids[slot] = id = addStyle(asText ? { ...style, numFmt: '@' } : (style ?? {}), type);
    return id;
  };
  // what a cell of a column and type writes between its row's number and its value: `" s="4" t="str"><v>`
  const heads: (string | undefined)[] = [];
  const headOf = (c: number, type: ExcelJS.ValueType, asText: boolean): string => {
    const slot = 4 * c + (asText ? 3 : kindSlot(type));
    let head = heads[slot];
    if (head === undefined) {
      const id = idOf(c, type, asText);
      heads[slot] = head = `"${id ? ` s="${id}"` : ''}${type === BOOLEAN ? ' t="b"' : type === STRING ? ' t="str"' : ''}><v>`;
    }
    return head;
  };
  // what a cell of a column writes before its row's number: `<c r="BD`
  const opens = columnStyles.map((_, c) => `<c r="${columnLetter(c)}`);
  // each row's text is encoded on its own, straight into a 64 KB chunk that goes to the sheet's stream when
  // full (text grown across rows to 64 KB is flattened and encoded several times slower; a buffer per row,
  // joined, was two copies)
  const CHUNK = 1 << 16;
  let chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  // (a chunk is handed on, never written again: a new one follows it, and none where nothing was written)
  const flush = () => {
    if (used === 0) return;
    handOn(sheet, chunk.subarray(0, used));
    chunk = Buffer.allocUnsafe(CHUNK);
    used = 0;
  };
  // a row's text into the chunk as UTF-8 (at most 3 bytes a UTF-16 unit), the chunk handed on when full
  const put = (xml: string) => {
    if (used + 3 * xml.length > CHUNK) flush();
    if (3 * xml.length > CHUNK) handOn(sheet, Buffer.from(xml));
    else used += chunk.write(xml, used);
  };
  return {
    ready: () => sheet._rows.length === 0,
    flush,
    write(number, values, height, breakAfter) {
      if (!sheet.startedData) {
        sheet._writeColumns();
        sheet._writeOpenSheetData();
        sheet.startedData = true;
      }
      // a cell in five pieces added to the row's text: what its column always writes before the row's number
      // (`<c r="BD`), the number, its style and type (`" s="4"><v>`), the value, the end (a few thousand
      // characters a row, grown so and encoded once, cost a quarter less than the pieces listed and joined)
      let cells = '';
      const rowText = String(number);
      let min = 0;
      let max = 0;
      for (let c = 0; c < values.length; c++) {
        const value = values[c];
        if (value === null || value === undefined) continue;
        if (!min) min = c + 1;
        max = c + 1;
        let head: string;
        let text: string;
        if (typeof value === 'number') {
          head = headOf(c, NUMBER, false);
          text = String(value);
        } else if (typeof value === 'boolean') {
          head = headOf(c, BOOLEAN, false);
          text = value ? '1' : '0';
        } else {
          head = headOf(c, STRING, columnStyles[c]?.numFmt !== '@' && excelWouldConvert(value));
          text = xmlEncode(value);
        }
        cells += (opens[c] ?? `<c r="${columnLetter(c)}`) + rowText + head + text + '</v></c>';
      }
      // ExcelJS writes a row only when it has a value or a height
      if (min > 0 || height) {
        const spans = min > 0 ? ` spans="${min}:${max}"` : '';
        const ht = height ? ` ht="${height}" customHeight="1"` : '';
        const open = `<row r="${number}"${ht}${spans} x14ac:dyDescent="0.25"`;
        put(min > 0 ? `${open}>${cells}</row>` : `${open}/>`);
      }
      // ExcelJS's Row.addPageBreak(): the break follows its row
      if (breakAfter) sheet.rowBreaks.push({ id: number, max: 16838, man: 1 });
      sheet._rowZero = number + 1;
    },
  };
}

/** What ExcelJS's streamed sheet hands its XML to: the zip's entry stream (a readable-stream PassThrough). */
interface EntryStream {
  write?(bytes: Uint8Array): unknown;
  writableLength?: number;
  _writableState?: { length?: number };
  once?(event: 'drain', listener: () => void): unknown;
}

/** ExcelJS 4.4's StreamBuf (lib/utils/stream-buf.js), the sheet's stream, as far as handing on what it holds. */
interface StreamBufInternals {
  pipes?: EntryStream[];
  corked?: boolean;
  _flush?(): void;
}

/**
 * Rows' bytes handed on to the sheet's entry stream, after what the sheet's StreamBuf holds (ExcelJS's own
 * XML before the rows, and rows it wrote). Written through the StreamBuf, each 64 KB chunk was copied
 * into a zeroed 64 KB buffer of its own (it batches what it is given): 70 ms of a 10,000-row roster. Where
 * the StreamBuf is not yet piped into its entry, or is not what this reads (another ExcelJS), through it.
 */
function handOn(sheet: StreamedSheetInternals, bytes: Uint8Array): void {
  const buf = sheet.stream as StreamBufInternals;
  const entry = buf.pipes?.length === 1 ? buf.pipes[0] : undefined;
  if (buf.corked === false && typeof buf._flush === 'function' && typeof entry?.write === 'function') {
    // (StreamBuf's _flush writes into the entry at once, so its bytes go first)
    buf._flush();
    entry.write(bytes);
  } else sheet.stream.write(bytes);
}

const entryStream = (sheet: ExcelJS.Worksheet): EntryStream | undefined =>
  (sheet as unknown as { stream?: { pipes?: EntryStream[] } }).stream?.pipes?.[0];

const waiting = (entry: EntryStream | undefined): number => {
  const length = entry?.writableLength ?? entry?._writableState?.length;
  return typeof length === 'number' ? length : 0;
};

/**
 * The bytes of the sheet's XML written and not yet taken by the compressor. ExcelJS's StreamBuf writes
 * into the zip's entry stream without waiting for it, and the compressor takes some 64 KB each time the
 * event loop turns: a loop that makes rows faster than that left a 100,000-row sheet's XML, 274 MB of
 * it, waiting whole. 0 where ExcelJS's internals are not what this reads.
 */
export function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  return waiting(entryStream(sheet));
}

/**
 * Once the sheet's XML waiting for the compressor is over `most` bytes, a promise of its having all been
 * taken (the entry stream's 'drain'; the thread sleeps meanwhile, where turning the event loop until the
 * backlog shrank kept it busy: a second of CPU for 10,000 rows); else undefined.
 */
export function compressorDrained(sheet: ExcelJS.Worksheet, most: number): Promise<void> | undefined {
  const entry = entryStream(sheet);
  if (waiting(entry) <= most || typeof entry?.once !== 'function') return undefined;
  return new Promise((resolve) => entry.once!('drain', resolve));
}
