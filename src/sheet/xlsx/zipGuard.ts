import pako from 'pako';
import { clipped, MibError } from '../../core';
import { XLSX_LIMITS, xlsxLimitText } from './limits';
import { LONGEST_PREFIX } from './xmlNames';

/**
 * Checks an .xlsx file's insides before any library parses it, so that a hostile or runaway file (a zip
 * bomb, a 3,800,000-row sheet, thousands of sheet parts) is refused in a second or two and in little
 * memory, with one Chinese message naming the file and the limit, instead of running ExcelJS out of
 * memory minutes later.
 *
 * Written by hand, because no library checks before it inflates: JSZip (inside ExcelJS) inflates each
 * part whole and only then compares it with the size the zip declares. Here the zip's central directory
 * (APPNOTE.TXT 4.3.12–4.3.16, with the ZIP64 fields of 4.3.14 and 4.5.3) gives each part's declared
 * sizes; every compressed part is then inflated by pako in pieces of at most 1 MB (or whole, up to its
 * declared size, by a faster inflater where one is given, for parts of up to 64 MB: Node's zlib in mib
 * collect and mib roster) that are counted and dropped at once, and the inflating stops at the first
 * piece past a limit: at a declared size that lies, at the part's or the file's byte limit, at too many
 * rows or cells in a sheet, or too many shared strings.
 *
 * `keep` names the parts a reader wants (xlsxCells.ts): their pieces, as they are checked,
 * are kept and handed back once the whole file has passed, so that no part is inflated twice. Undefined
 * when the zip cannot be read or a part cannot be inflated (a damaged file: the reader says so in its own
 * words).
 *
 * `streamTo` lets a reader take a worksheet a piece at a time as it is checked, never held whole (a
 * roster of 100,000 institutions, sheetRows.ts): the worksheets are then checked after every other part,
 * and for each `streamTo` is given its name, the parts kept so far, the names of all parts and its declared
 * size unzipped; where it gives back a taker, the pieces go to it. No sheet is then held whole: the cells
 * of the sheets taken and the bytes of all sheets count against limits of their own (streamedCells,
 * streamedBytes), not the cell limit (which guards what is held whole), the part's or the file's.
 */
export function checkXlsxInsides(
  bytes: Uint8Array,
  source: string,
  keep: (name: string) => boolean = () => false,
  inflateWhole?: WholeInflater,
  streamTo?: (
    name: string,
    kept: ReadonlyMap<string, Uint8Array>,
    names: ReadonlySet<string>,
    size: number,
  ) => ((piece: Uint8Array) => void) | undefined,
): Map<string, Uint8Array> | undefined {
  const refuse = (what: string, whatEn: string) =>
    new MibError('invalid-file', source, `“${clipped(source)}”${what}：请确认选的文件，或分成几个文件`, `${source}: ${whatEn}`);
  if (bytes.length > XLSX_LIMITS.bytes)
    throw refuse(`有 ${xlsxLimitText.bytes(bytes.length)}，超过上限 ${xlsxLimitText.bytes(XLSX_LIMITS.bytes)}`, 'file too large');
  const entries = centralDirectory(bytes);
  if (entries === undefined) return undefined; // not a readable zip: the reader's own message says so
  if (entries.length > XLSX_LIMITS.parts) throw refuse(`含 ${entries.length} 个部件，超过上限 ${XLSX_LIMITS.parts} 个`, 'too many parts');
  let total = 0;
  let rows = 0;
  let cells = 0;
  let streamedCells = 0;
  let texts = 0;
  // (a part's name may start with "/", as the readers take it: xlsxCells.ts partName)
  const isSheet = (entry: Entry) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
  // where a reader takes the sheets a row at a time, none is held whole: they have a limit of their own
  let streamedTotal = 0;
  for (const entry of entries) {
    if (streamTo && isSheet(entry)) {
      streamedTotal += entry.size;
      if (streamedTotal > XLSX_LIMITS.streamedBytes)
        throw refuse(`的工作表解压后超过 ${xlsxLimitText.bytes(XLSX_LIMITS.streamedBytes)}，超过上限`, 'sheets too large unzipped');
      continue;
    }
    if (entry.size > XLSX_LIMITS.partBytes)
      throw refuse(
        `中的“${clipped(entry.name)}”解压后有 ${xlsxLimitText.bytes(entry.size)}，超过每个部件的上限 ${xlsxLimitText.bytes(XLSX_LIMITS.partBytes)}`,
        'part too large',
      );
    total += entry.size;
    if (total > XLSX_LIMITS.totalBytes) throw refuse(`解压后超过 ${xlsxLimitText.bytes(XLSX_LIMITS.totalBytes)}，超过上限`, 'too large unzipped');
  }
  const kept = new Map<string, Uint8Array>();
  // a sheet a reader takes as it is checked comes once the parts it needs (strings, styles) are kept
  const ordered = streamTo ? [...entries.filter((e) => !isSheet(e)), ...entries.filter(isSheet)] : entries;
  const names = new Set(entries.map((e) => e.name));
  for (const entry of ordered) {
    const sheet = isSheet(entry);
    const strings = /^\/?xl\/sharedStrings\.xml$/i.test(entry.name);
    const finder = sheet ? new TagFinder(['row', 'c']) : strings ? new TagFinder(['si']) : undefined;
    let sheetRows = 0;
    let rowCells = 0;
    const taker = sheet ? streamTo?.(entry.name, kept, names, entry.size) : undefined;
    const pieces: Uint8Array[] | undefined = !taker && keep(entry.name) ? [] : undefined;
    // the cell limit guards what a reader holds whole: where sheets are taken a row at a time, the kept parts'
    const countCells = !streamTo || pieces !== undefined;
    const onTag = (tag: string) => {
      if (tag === 'row') {
        sheetRows += 1;
        rows += 1;
        rowCells = 0;
        if (sheetRows > XLSX_LIMITS.rows)
          throw refuse(
            `有一张工作表超过 ${XLSX_LIMITS.rows.toLocaleString('en-US')} 行（表头和 ${(XLSX_LIMITS.rows - 1).toLocaleString('en-US')} 个机构），超过上限`,
            'too many rows',
          );
        if (rows > XLSX_LIMITS.totalRows)
          throw refuse(`的各工作表合计超过 ${XLSX_LIMITS.totalRows.toLocaleString('en-US')} 行，超过上限`, 'too many rows in all');
      } else if (tag === 'c') {
        if (countCells) cells += 1;
        else if (taker && ++streamedCells > XLSX_LIMITS.streamedCells)
          throw refuse(
            `的工作表合计超过 ${XLSX_LIMITS.streamedCells.toLocaleString('en-US')} 个单元格，超过名单的上限`,
            'too many cells in the sheets',
          );
        rowCells += 1;
        if (rowCells > XLSX_LIMITS.columns)
          throw refuse(`有一张工作表的一行超过 ${XLSX_LIMITS.columns.toLocaleString('en-US')} 列，超过上限`, 'too many columns');
        if (countCells && cells > XLSX_LIMITS.cells)
          throw refuse(`的单元格超过 ${XLSX_LIMITS.cells.toLocaleString('en-US')} 个，超过上限`, 'too many cells');
      } else if (tag === 'si' && ++texts > XLSX_LIMITS.sharedStrings) {
        throw refuse(`含不同的文本超过 ${XLSX_LIMITS.sharedStrings.toLocaleString('en-US')} 个，超过上限`, 'too many shared strings');
      }
    };
    const inflated = inflatePart(bytes, entry, inflateWhole, (piece) => {
      pieces?.push(piece);
      finder?.scan(piece, onTag);
      // counted first: a piece past a limit is refused before it is read
      taker?.(piece);
    });
    // (the last bytes, held back in case a tag was cut there, counted too)
    if (inflated === 'ok') finder?.finish(onTag);
    if (inflated === 'damaged') return undefined; // the reader's own message says it is damaged
    if (inflated === 'over')
      throw refuse(
        `中的“${clipped(entry.name)}”解压后比文件自己声明的大小（${xlsxLimitText.bytes(entry.size)}）还大，文件已损坏或被人为构造`,
        'part larger than declared',
      );
    if (pieces) kept.set(entry.name, joined(pieces));
  }
  return kept;
}

/** pieces as one array (a part inflated in one piece is that piece) */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    all.set(piece, at);
    at += piece.length;
  }
  return all;
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
/** a ZIP64 field's 8 bytes; beyond 2^53 it is more than any limit here anyway */
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

/** The central directory's entries, or undefined when the file has none that can be read. */
function centralDirectory(b: Uint8Array): Entry[] | undefined {
  // end of central directory record: 22 bytes and a comment of at most 65,535
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  // ZIP64: the locator stands just before the record and points at the ZIP64 end record
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const end64 = u64(b, eocd - 20 + 8);
    if (end64 + 56 > b.length || u32(b, end64) !== 0x06064b50) return undefined;
    count = u64(b, end64 + 32);
    offset = u64(b, end64 + 48);
  }
  if (count > XLSX_LIMITS.parts) return new Array<Entry>(count); // refused by its count alone
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return undefined;
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let compressed = u32(b, at + 20);
    let size = u32(b, at + 24);
    let localOffset = u32(b, at + 42);
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength));
    // the ZIP64 extra field (id 1) holds, in this order, those of the three that are 0xFFFFFFFF
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(b, e);
      const length = u16(b, e + 2);
      if (id === 1) {
        let field = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, field);
          field += 8;
        }
        if (compressed === 0xffffffff) {
          compressed = u64(b, field);
          field += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, field);
      }
      e += 4 + length;
    }
    entries.push({ name, method: u16(b, at + 10), compressed, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one part piece by piece, handing each piece to `piece` and keeping none. 'over' when the part
 * proves larger than it declares, 'damaged' when it cannot be inflated (the reader then says so).
 */
/**
 * A faster inflater where the platform has one (Node's zlib, for mib collect and mib roster): a raw deflate
 * stream inflated whole, but never past `most` bytes ('over' beyond them), or 'damaged'. A part of at most
 * 64 MB then comes as one piece, up to its declared size, and its rows are counted after.
 */
export type WholeInflater = (data: Uint8Array, most: number) => Uint8Array | 'over' | 'damaged';

/** The largest part a faster inflater takes whole: a 10,000-row .xlsx roster's sheet is 38 MB (checked in
 * 0.50 s with pako, 0.35 s with zlib), where a sheet of more rows than a roster may hold is larger (the
 * bench's 3,800,000-row one is about 140 MB), and is still inflated in pieces and refused early. */
const WHOLE_AT_MOST = 64 * 1024 * 1024;

function inflatePart(
  b: Uint8Array,
  entry: Entry,
  inflateWhole: WholeInflater | undefined,
  piece: (data: Uint8Array) => void,
): 'ok' | 'over' | 'damaged' {
  const local = entry.localOffset;
  if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return 'damaged';
  const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
  const data = b.subarray(start, Math.min(b.length, start + entry.compressed));
  if (entry.method === 0) {
    if (data.length > entry.size) return 'over';
    piece(data);
    return 'ok';
  }
  if (entry.method !== 8) return 'damaged';
  // a part of tens of MB at most (a submitted sheet's are a few hundred KB) inflated whole where that is
  // faster; a larger one in pieces, so that a sheet of too many rows stops early and in little memory
  if (inflateWhole && entry.size <= WHOLE_AT_MOST) {
    const whole = inflateWhole(data, entry.size);
    if (typeof whole === 'string') return whole;
    piece(whole);
    return 'ok';
  }
  let inflated = 0;
  const over = new Error('over');
  // a part that keeps to its declared size comes in one piece, up to 1 MB (pako's pieces cost time: a
  // submitted sheet's parts took half as long again in 64 KB ones); one byte more shows a size that lies
  const inflater = new pako.Inflate({ raw: true, chunkSize: Math.min(Math.max(entry.size + 1, 1024), 1 << 20) });
  inflater.onData = (chunk) => {
    const bytes = chunk as Uint8Array;
    inflated += bytes.length;
    if (inflated > entry.size) throw over;
    piece(bytes);
  };
  inflater.onEnd = () => {};
  // fed 1 MB at a time, so that a refusal stops the work near where the limit was passed
  try {
    for (let i = 0; i < data.length; i += 1 << 20) {
      inflater.push(data.subarray(i, Math.min(data.length, i + (1 << 20))), i + (1 << 20) >= data.length);
      if (inflater.err) return 'damaged';
    }
  } catch (error) {
    if (error === over) return 'over';
    throw error;
  }
  return 'ok';
}

/** The bytes a prefix may take before its ':' (xmlNames.ts refuses one of more characters; four bytes a
 * character at most in UTF-8). */
const PREFIX_BYTES = LONGEST_PREFIX * 4;

/** The bytes that end a name (whitespace, > / < = ' " ! ?): no prefix holds one. */
const ENDS_NAME = new Uint8Array(256);
for (const c of ' >/\n\r\t<="\'!?') ENDS_NAME[c.charCodeAt(0)] = 1;

/**
 * Finds opening tags by name (`<row `, `<row>`, `<c `, and with a prefix, `<x:row>`: xmlNames.ts reads a
 * prefixed element as its local name) in XML arriving in pieces and reports each, keeping nothing but the last
 * few bytes of a piece (a tag cut between two pieces is still counted once). Only the bytes are looked at: tag
 * names are ASCII in any encoding the XML may use.
 */
class TagFinder {
  private readonly names: Uint8Array[];
  /** the longest prefix, name and the byte after: a '<' closer than this to a piece's end waits for the next */
  private readonly longest: number;
  private tail = new Uint8Array(0);

  constructor(private readonly tags: string[]) {
    this.names = tags.map((t) => new TextEncoder().encode(t));
    this.longest = PREFIX_BYTES + 1 + Math.max(...this.names.map((n) => n.length)) + 1;
  }

  scan(piece: Uint8Array, found: (tag: string) => void): void {
    let data = piece;
    if (this.tail.length > 0) {
      data = new Uint8Array(this.tail.length + piece.length);
      data.set(this.tail);
      data.set(piece, this.tail.length);
    }
    // a '<' whose tag could still be cut off is left for the next piece
    const held = this.#find(data, data.length - this.longest, found);
    this.tail = data.slice(held >= 0 ? held : Math.max(0, data.length - this.longest));
  }

  /** the bytes held back at the end of the last piece, scanned (a byte past them matches nothing). Scanned
   * where they are, not copied into a new array: a piece of zlib's is a Node Buffer, and an array of another
   * kind in the same code made V8 compile it for both, which took the scan twice the time. */
  finish(found: (tag: string) => void): void {
    const tail = this.tail;
    this.tail = new Uint8Array(0);
    this.#find(tail, tail.length, found);
  }

  /** reports each tag whose '<' stands before `end`; gives the first '<' at or past `end`, or −1 */
  #find(data: Uint8Array, end: number, found: (tag: string) => void): number {
    let i = data.indexOf(0x3c);
    while (i >= 0 && i < end) {
      // the local name starts after a prefix's ':', where the name has one (a closing tag, a comment or a
      // PI has none to count)
      let at = i + 1;
      if (!ENDS_NAME[data[at]!])
        for (let k = at + 1; k <= i + 1 + PREFIX_BYTES; k++) {
          const b = data[k]!;
          if (b === 0x3a) {
            at = k + 1;
            break;
          }
          if (ENDS_NAME[b]) break;
        }
      for (let t = 0; t < this.names.length; t++) {
        const name = this.names[t]!;
        let match = true;
        for (let k = 0; k < name.length; k++) {
          if (data[at + k] !== name[k]) {
            match = false;
            break;
          }
        }
        const after = data[at + name.length];
        // the name ends there: a space, '>', '/' or a line break follows
        if (match && (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x0a || after === 0x0d || after === 0x09)) {
          const tag = this.tags[t]!;
          found(tag);
          break;
        }
      }
      i = data.indexOf(0x3c, i + 1);
    }
    return i;
  }
}
