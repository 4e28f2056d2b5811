import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { clipped, MibError } from '../../core';
import type { RosterRows, RosterTable } from '../../core/roster/types';
import { columnLetters } from '../../sheet/memory/a1';
import { sniff } from '../../sheet/xlsx/fileKind';
import { megabytes, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from './limits';
import { PackedLines } from './packedLines';

/** The encodings a roster CSV comes in, as the source line names them. */
export type CsvEncoding = 'UTF-8' | 'UTF-8（带 BOM）' | 'GBK' | 'UTF-16';

export interface CsvRoster extends RosterTable {
  /** which decoding was used (also said in `source`) */
  encoding: CsvEncoding;
}

const refuse = (source: string, message: string, messageEn: string) => new MibError('invalid-file', source, message, messageEn);

/**
 * The text of a CSV as Chinese Excel saves it. “CSV UTF-8” starts with a BOM; plain “CSV” is GBK (the
 * ANSI code page of a Chinese Windows); other tools write UTF-8 without a BOM. UTF-8 is tried first and
 * strictly (Node's isUtf8): GBK text is almost never valid UTF-8, so a failure means GBK, read with
 * iconv-lite as GB18030 (GBK's superset, which also decodes every GBK file). “Unicode 文本” is UTF-16
 * with a BOM. A UTF-8 file without a quote is left as its bytes (PlainUtf8).
 */
function decode(bytes: Uint8Array, source: string): { text: string; encoding: CsvEncoding } | { plain: PlainUtf8; encoding: CsvEncoding } {
  const kind = sniff(bytes);
  if (kind === 'zip')
    throw refuse(
      source,
      `“${clipped(source)}”是 Excel 工作簿（.xlsx），不是 CSV：请把文件名改为以 .xlsx 结尾`,
      `${source} is an .xlsx workbook, not a CSV`,
    );
  if (kind === 'ole')
    throw refuse(
      source,
      `“${clipped(source)}”是旧版 Excel 文件（.xls），读不了：请在 Excel 中“另存为”Excel 工作簿（.xlsx）或 CSV UTF-8`,
      `${source} is an old .xls file; save it as .xlsx or CSV UTF-8`,
    );
  if (kind === 'utf16le' || kind === 'utf16be')
    return { text: iconv.decode(Buffer.from(bytes), kind === 'utf16le' ? 'utf-16le' : 'utf-16be'), encoding: 'UTF-16' };
  if (kind === 'binary')
    throw refuse(source, `“${clipped(source)}”不是文本文件，不是 CSV 名单：请在 Excel 中“另存为”CSV UTF-8`, `${source} is not a text file`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!isUtf8(bytes)) return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'GBK' };
  const encoding = bom ? 'UTF-8（带 BOM）' : 'UTF-8';
  // without a quote, its lines are read from its bytes, where what comes before its first content is
  // plain spaces and line breaks (else a Unicode space, a second BOM: read as text)
  const start = bom ? 3 : 0;
  let firstContent = start;
  while (firstContent < bytes.length && isAsciiSpace(bytes[firstContent]!)) firstContent++;
  const spaceBeyondAscii = /^\s/.test(utf8Text.decode(bytes.subarray(firstContent, firstContent + 4)));
  if (!bytes.includes(0x22) && !spaceBeyondAscii) return { plain: { bytes, start, firstContent }, encoding };
  return { text: utf8Text.decode(bytes), encoding };
}

/** A UTF-8 CSV without a quote (what Excel's “CSV UTF-8” makes of a roster): its lines are found in its
 * bytes and kept as they are, never made one text. A string over 128 KB costs V8 five times as much a
 * character: a 10,000-row roster's 5.7 MB took 45 ms to decode whole, and 5 ms in pieces. */
interface PlainUtf8 {
  bytes: Uint8Array;
  /** after the BOM */
  start: number;
  /** the first byte that is not a space or a line break (the file's length: an empty file) */
  firstContent: number;
}

const utf8Text = new TextDecoder();
/** what String.prototype.trim and \s take away among ASCII bytes: tab, line feed, vertical tab, form feed,
 * carriage return, space */
const isAsciiSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);

/** Excel's “Unicode 文本” separates by tabs; a first line with tabs and no comma is read so. */
const delimiterOf = (text: string) => {
  // the first line that holds anything (a blank line before the header is not the header)
  const firstLine = /^.*\S.*$/m.exec(text)?.[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
};

const blank = (cell: unknown) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** The row without its blank cells at the end (Excel writes ",,," for a row formatted further right), a
 * blank cell as null and each cell a string of its own (`own`), in one array. */
function trimmedRow(row: string[], each: (cell: string) => string = (cell) => cell): (string | null)[] {
  let end = row.length;
  while (end > 0 && blank(row[end - 1])) end--;
  const cells = new Array<string | null>(end);
  for (let c = 0; c < end; c++) cells[c] = blank(row[c]) ? null : each(row[c]!);
  return cells;
}

/** csv-parse's refusals in Chinese (its own messages are English). */
const CSV_FAULTS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: '引号（"）后面紧跟了别的字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号（"）后面紧跟了别的字符',
  INVALID_OPENING_QUOTE: '一个字段的中间出现了引号（"）',
  CSV_INVALID_OPENING_QUOTE: '一个字段的中间出现了引号（"）',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: '各行的列数不一致',
  CSV_MAX_RECORD_SIZE: '有一行过长',
};

function parseError(error: unknown, source: string): MibError {
  const line = error instanceof CsvError && typeof error.lines === 'number' ? `第 ${error.lines} 行附近` : '';
  if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')
    return refuse(
      source,
      `“${clipped(source)}”${line}有一个引号没有配对（"），文件可能被截断：请在 Excel 中重新保存`,
      `${source}: a quote is not closed`,
    );
  const message = error instanceof Error ? error.message : String(error);
  const why = (error instanceof CsvError && CSV_FAULTS[error.code]) || '格式不对';
  return refuse(
    source,
    `“${clipped(source)}”${line}不是有效的 CSV：${why}；请在 Excel 中打开后另存为 CSV`,
    `${source} is not a valid CSV: ${message}`,
  );
}

/** A roster CSV read a row at a time: each data row kept as its text and split into cells when asked. */
export interface CsvRows extends RosterRows {
  encoding: CsvEncoding;
  /** lets go of a row's text once it is no longer asked for (scored and written) */
  release(index: number): void;
}

/**
 * A roster CSV as its rows: the header (row 1) and the data rows, blank rows left out but counted, so
 * that a message names the row the clerk sees in Excel: "第7行第2列（B7）". Fields keep their text
 * exactly (numbers are read by the core from the text, digit for digit); blank fields are null.
 * Refused with a Chinese message: an empty file, a header without rows, a binary or .xlsx/.xls file, a
 * quote left open, more than ROSTER_MAX_ROWS rows or ROSTER_MAX_BYTES bytes.
 */
export function readCsv(bytes: Uint8Array, source: string): CsvRoster {
  const { count, row, release: _release, ...table } = readCsvRows(bytes, source);
  return { ...table, rows: Array.from({ length: count }, (_, i) => row(i) as (string | null)[]) };
}

/**
 * The same, with each data row kept as its line of text (a 100,000-row roster as arrays of cells is
 * several times its file) and split into its cells when asked for, as often as asked (`mib roster` reads
 * each row twice: the institution and the peer measures first, then the row when it is scored). A file
 * without a quote is split by its lines and delimiters, as csv-parse would split it; one with quotes is
 * read by csv-parse, which keeps each record's text, and a record with a quote is parsed again when asked.
 */
export function readCsvRows(bytes: Uint8Array, source: string): CsvRows {
  if (bytes.length > ROSTER_MAX_BYTES)
    throw refuse(
      source,
      `“${clipped(source)}”有 ${megabytes(bytes.length)}，超过名单文件的上限 ${megabytes(ROSTER_MAX_BYTES)}：请确认选的是机构名单`,
      `${source} is larger than ${megabytes(ROSTER_MAX_BYTES)}`,
    );
  const decoded = decode(bytes, source);
  const { encoding } = decoded;
  const empty = 'plain' in decoded ? decoded.plain.firstContent === bytes.length : decoded.text.replace(/^\uFEFF/, '').trim() === '';
  if (empty) throw refuse(source, `“${clipped(source)}”是空文件，没有表头和机构行`, `${source} is empty`);
  const delimiter = delimiterOf(
    'plain' in decoded
      ? utf8Text.decode(lineAround(decoded.plain.bytes, decoded.plain.start, decoded.plain.firstContent))
      : decoded.text.replace(/^\uFEFF/, ''),
  );
  let header: string[] | undefined;
  let headerRow = 0;
  const lines = new PackedLines();
  const excelRows: number[] = [];
  let records = 0;
  // what fills a line besides its content: spaces (what trim takes away is \s) and the delimiter; a line
  // without quotes is blank when it holds only these
  const filler = `\\s${delimiter === '\t' ? '' : delimiter}`;
  const blankLine = new RegExp(`^[${filler}]*$`);
  // a line of bytes is blank when it holds only spaces and delimiters; one with a byte beyond ASCII before
  // any other is tested as text
  const delimiterByte = delimiter.charCodeAt(0);
  const blankBytes = (line: Uint8Array) => {
    for (let i = 0; i < line.length; i++) {
      const byte = line[i]!;
      if (isAsciiSpace(byte) || byte === delimiterByte) continue;
      return byte < 0x80 ? false : blankLine.test(utf8Text.decode(line));
    }
    return true;
  };
  const onRecord = (record: string[] | null, line: string | Uint8Array) => {
    records++;
    if (record ? record.every(blank) : typeof line === 'string' ? blankLine.test(line) : blankBytes(line)) return;
    // the header is the first row that holds anything (a blank first line is not a header)
    if (header === undefined) {
      const text = typeof line === 'string' ? line : utf8Text.decode(line);
      header = trimmedRow(record ?? text.split(delimiter)).map((cell) => (cell ?? '').trim());
      headerRow = records;
      return;
    }
    lines.push(line);
    excelRows.push(records);
  };
  // one row more than allowed (and the header) is enough to know the file is too long
  if ('plain' in decoded) eachLineOfBytes(decoded.plain.bytes, decoded.plain.start, ROSTER_MAX_ROWS + 2, (line) => onRecord(null, line));
  else eachRecord(decoded.text, delimiter, ROSTER_MAX_ROWS + 2, source, onRecord);
  // V8 keeps the last text a regular expression ran on (RegExp.lastMatch): here the whole file's text, twice
  // the file's size, until some other match; one on nothing lets it go now
  /$/.test('');
  if (lines.length > ROSTER_MAX_ROWS || records > ROSTER_MAX_ROWS + 1)
    throw refuse(
      source,
      `“${clipped(source)}”超过 ${ROSTER_MAX_ROWS.toLocaleString('en-US')} 行，超过名单的上限：请按级别或地区分成几个文件`,
      `${source} has more than ${ROSTER_MAX_ROWS} rows`,
    );
  if (lines.length === 0)
    throw refuse(
      source,
      `“${clipped(source)}”只有表头，没有机构行（表头：${clipped((header ?? []).join('，'))}）`,
      `${source} has a header but no rows`,
    );
  lines.end();
  const lineAt = (index: number) => {
    const line = lines.at(index);
    if (line === undefined) throw new Error(`row ${index} of ${source} was let go`);
    return line;
  };
  // where a line's last character that is neither a delimiter nor a space is (-1: a blank line)
  const lastContent = new RegExp(`[^${filler}][${filler}]*$`);
  const row = (line: string) => trimmedRow(line.includes('"') ? (parseRecords(line, delimiter, 1, source)[0] ?? []) : line.split(delimiter), own);
  return {
    header: header!,
    count: lines.length,
    row: (index) => row(lineAt(index)),
    cells(index, columns) {
      const line = lineAt(index);
      return line.includes('"') ? row(line) : pickedCells(line, delimiter, columns, lastContent);
    },
    release(index) {
      lines.release(index);
    },
    encoding,
    source: `${source}（CSV，${encoding} 编码）`,
    cellName(row, column) {
      const excelRow = row < 0 ? headerRow : (excelRows[row] ?? headerRow + row + 1);
      return `第${excelRow}行第${column + 1}列（${columnLetters(column)}${excelRow}）`;
    },
  };
}

/** The cells of a line without quotes at `columns` (ascending) as `row` gives them, found by their delimiters
 * (the line is not split into all its cells): each a string of its own, a blank one null, or left out where
 * only blanks follow it (row's trimmedRow drops them). `lastContent` finds where the last cell that holds
 * anything ends. */
function pickedCells(line: string, delimiter: string, columns: readonly number[], lastContent: RegExp): (string | null)[] {
  const cells = new Array<string | null>(columns.length > 0 ? columns[columns.length - 1]! + 1 : 0);
  let contentEnds: number | undefined;
  let field = 0;
  let start = 0;
  for (const column of columns) {
    for (; field < column; field++) {
      const next = line.indexOf(delimiter, start);
      if (next < 0) return cells;
      start = next + 1;
    }
    const end = line.indexOf(delimiter, start);
    const cell = end < 0 ? line.slice(start) : line.slice(start, end);
    if (!blank(cell)) cells[column] = own(cell);
    else if (end >= 0 && end < (contentEnds ??= line.search(lastContent))) cells[column] = null;
  }
  return cells;
}

/** A cell as a string of its own: V8 keeps a longer piece of a string as a slice that holds the whole (here
 * the row's line, a kilobyte), so a name kept to the end would keep its line. Short ones are copies already. */
const own = (cell: string): string => (cell.length >= 13 ? Buffer.from(cell, 'utf8').toString('utf8') : cell);

/** Each line of UTF-8 bytes from `start`, up to `to` of them, as its bytes: as eachRecord splits a text
 * without quotes (CR LF, LF or CR end a line; a line break at the very end starts none). */
function eachLineOfBytes(bytes: Uint8Array, start: number, to: number, each: (line: Uint8Array) => void): void {
  // the next LF and CR at or after a place (the length where there is none), each found again only once passed
  let lf = -1;
  let cr = -1;
  const after = (byte: number, from: number) => {
    const at = bytes.indexOf(byte, from);
    return at < 0 ? bytes.length : at;
  };
  for (let at = start, count = 0; at < bytes.length && count < to; count++) {
    if (lf < at) lf = after(0x0a, at);
    if (cr < at) cr = after(0x0d, at);
    const end = Math.min(lf, cr);
    each(bytes.subarray(at, end));
    at = end + (end === cr && cr + 1 === lf ? 2 : 1);
  }
}

/** The line of UTF-8 bytes that holds byte `at`, without its line break, the text starting at `from`. */
function lineAround(bytes: Uint8Array, from: number, at: number): Uint8Array {
  let start = at;
  while (start > from && bytes[start - 1] !== 0x0a && bytes[start - 1] !== 0x0d) start--;
  let end = at;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  return bytes.subarray(start, end);
}

/** Each record of the text, up to `to` of them, with its text (its line, or lines when a quoted field
 * holds a line break), as csv-parse reads a roster: blank lines kept, short rows as they are, a stray quote
 * inside a field kept. A text without quotes gives its lines unsplit (null): a line's fields are the pieces
 * between delimiters, split when they are read (a roster's row is read twice later, not here). */
function eachRecord(text: string, delimiter: string, to: number, source: string, each: (record: string[] | null, line: string) => void): void {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.includes('"')) {
    // no quote: a record is a line, a field what lies between delimiters (a file edited in two tools may
    // mix CRLF and LF lines)
    const lines = body.split(/\r\n|\n|\r/, to + 1);
    if (lines.length > 0 && lines.at(-1) === '' && lines.length <= to) lines.pop();
    for (const line of lines.slice(0, to)) each(null, line);
    return;
  }
  parseRecords(body, delimiter, to, source, (record, raw) => each(record, raw.replace(/[\r\n]+$/, '')));
}

/** csv-parse over a roster's text (or one record's), each record handed on with its text as it is read
 * (`each`: then nothing is returned). */
function parseRecords(text: string, delimiter: string, to: number, source: string, each?: (record: string[], raw: string) => void): string[][] {
  const options = {
    bom: true,
    delimiter,
    // a file edited in two tools may mix CRLF and LF lines
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    to,
  };
  try {
    if (!each) return parse(text, options) as string[][];
    // with `raw`, each record comes as { record, raw }; null keeps none of them
    const onRecord = (({ record, raw }: { record: string[]; raw: string }) => {
      each(record, raw);
      return null;
    }) as unknown as (record: string[]) => null;
    parse(text, { ...options, raw: true, on_record: onRecord });
    return [];
  } catch (error) {
    throw parseError(error, source);
  }
}
