// One worksheet part (xl/worksheets/sheetN.xml) as the collector reads it (xlsxCells.ts): its cells in the
// order they are written, its merged ranges and its links, read as ExcelJS 4.4 reads them
// (lib/xlsx/xform/sheet/row-xform.js, cell-xform.js; the file named beside each rule is ExcelJS's).
import { anyOverlap, cellAddress, parseRange, type Rect } from '../memory/a1';
import { unescapeXmlChars } from './workbookParts';
import { xmlReader } from './xmlEvents';

/** A cell as the XML holds it, before the workbook's strings and styles apply (cell-xform.js parse). */
export interface XmlCell {
  /** 0-based, the row from its <row>, the column from its own `r` (else the one after the cell before) */
  row: number;
  col: number;
  /** its `r` as written (a link is found by it), or its address where it has none */
  r: string;
  /** its A1 address without "$" */
  address: string;
  /** `t`: s (shared string), str, inlineStr, b, e, n… */
  t?: string;
  /** `s`: the cell style, 0 when none */
  s: number;
  /** the text of its <v> (and of an inline string's <t>), where there is any */
  value?: string;
  /** an inline rich text's runs */
  runs?: string[];
  /** <f>: its text, t (shared, array), si and ref */
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
}

export interface SheetPart {
  /** the cells with a value or a formula */
  cells: XmlCell[];
  /** per row (0-based), one past its last cell ExcelJS makes (one with a value, a formula or a style):
   * Row.cellCount */
  widths: number[];
  /** the rows a <row> stands for (0-based), cells or not */
  rowCount: number;
  merges: Rect[];
  /** <hyperlink ref r:id>: links to an address outside the workbook, by the cell's `r` */
  links: Map<string, string>;
}

/**
 * Reads a worksheet's XML. Throws on XML that is not well formed and on two merged ranges that overlap
 * (anyOverlap), on which ExcelJS gives up on the file.
 *
 * A row or cell may leave out its `r` (ECMA-376's schema makes it optional; some exporters write none). A
 * cell without it stands in the column after the cell before it in its row, the first such cell in column
 * A: Excel's rule, https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/2fd4e47f-0965-4c60-95bd-cff980b6c325
 * (MS-OI29500 2.1.590, c (Cell), note c). A row without it is the row after the row before it, the first
 * row 1, as LibreOffice reads it (test/sheet/xlsx/withoutAddresses.test.ts holds the reader to LibreOffice).
 * ExcelJS gave up on a file whose first cell of a row had no `r`, and this reader did so after it.
 */
export function readSheetPart(xml: Uint8Array): SheetPart {
  const cells: XmlCell[] = [];
  const reader = sheetPartReader((cell) => cells.push(cell));
  reader.write(xml);
  return { cells, ...reader.end() };
}

/** A worksheet part read as its bytes arrive (a roster's sheet, inflated a piece at a time, is never held
 * whole): each cell with a value or a formula goes to `onCell` once its </c> is read, in the order written;
 * `end` gives the rest, once the last piece is written, and throws as readSheetPart does. */
export function sheetPartReader(onCell: (cell: XmlCell) => void): { write(bytes: Uint8Array): void; end(): Omit<SheetPart, 'cells'> } {
  const widths: number[] = [];
  const merges: Rect[] = [];
  const links = new Map<string, string>();
  let rowCount = 0;
  let row = -1;
  let cell: XmlCell | undefined;
  let previous: XmlCell | undefined;
  /** the element whose text goes into the cell (cell-xform.js currentNode) */
  let into: 'f' | 'v' | 't' | undefined;
  /** inside a run of an inline rich text, and that run's text */
  let run: string[] | undefined;
  let runText: string[] | undefined;
  const reader = xmlReader({
    open(tag, a) {
      if (cell) {
        if (run) {
          if (tag === 't') runText = [];
        } else if (tag === 'f') {
          into = 'f';
          cell.si = a.get('si');
          cell.shareType = a.get('t');
          cell.ref = a.get('ref');
        } else if (tag === 'v' || tag === 't') into = tag;
        else if (tag === 'r') run = [];
        return;
      }
      if (tag === 'row') {
        const r = a.get('r');
        // (a row number that is not one leaves each cell to its own `r`, as ExcelJS read it)
        row = r === undefined ? row + 1 : parseInt(r, 10) - 1;
        previous = undefined;
        if (row + 1 > rowCount) rowCount = row + 1;
      } else if (tag === 'c') {
        const r = a.get('r');
        const t = a.get('t');
        const s = a.get('s');
        const own = r === undefined ? undefined : addressOf(r);
        const col = own ? own.col : previous ? previous.col + 1 : 0;
        const at = row >= 0 ? row : own?.row;
        if (at === undefined) throw new Error('a cell without its address, in a row without its number');
        const address = own && own.row === at ? own.address : cellAddress(at, col);
        // (a cell without `r` is found by its address: a link's or a shared formula's `ref` names it so)
        cell = { row: at, col, r: r ?? address, address, s: s ? parseInt(s, 10) : 0 };
        if (t !== undefined) cell.t = t;
      } else if (tag === 'mergeCell') {
        const ref = a.get('ref');
        if (ref !== undefined) merges.push(parseRange(ref));
      } else if (tag === 'hyperlink') {
        const [id, ref] = [a.get('r:id'), a.get('ref')];
        if (id !== undefined && ref !== undefined) links.set(ref, id);
      }
    },
    text(text) {
      if (!cell) return;
      if (runText) runText.push(text);
      else if (into === 'f') cell.formula = (cell.formula ?? '') + text;
      else if (into === 'v' || into === 't') cell.value = (cell.value ?? '') + text;
    },
    close(tag) {
      if (!cell) return;
      if (run) {
        if (tag === 't' && runText) {
          run.push(runText.join(''));
          runText = undefined;
        } else if (tag === 'r') {
          (cell.runs ??= []).push(unescapeXmlChars(run.join('')));
          run = undefined;
        }
      } else if (tag === 'f' || tag === 'v' || tag === 't' || tag === 'is') into = undefined;
      else if (tag === 'c') {
        // a cell with neither value, formula nor style is not made (row.js model setter: Merge); one with a
        // style alone is blank, and only counts for its row's width
        const made = cell.value !== undefined || cell.runs !== undefined || cell.formula || cell.shareType;
        if (made) onCell(cell);
        if ((made || cell.s) && (widths[cell.row] ?? 0) < cell.col + 1) widths[cell.row] = cell.col + 1;
        previous = cell;
        cell = undefined;
      }
    },
  });
  return {
    write: (bytes) => reader.write(bytes),
    end() {
      reader.close();
      if (anyOverlap(merges)) throw new Error('Cannot merge already merged cells');
      return { widths, rowCount, merges, links };
    },
  };
}

/** A cell's `r` ("K12", "$K$12"): its 0-based row and column and its address without "$" (a sheet has
 * thousands of cells: read character by character). Throws on anything else. */
function addressOf(r: string): { row: number; col: number; address: string } {
  let col = 0;
  let row = 0;
  let i = 0;
  let dollar = false;
  if (r.charCodeAt(i) === 36) i++;
  for (let c = r.charCodeAt(i); c >= 65 && c <= 90; c = r.charCodeAt(++i)) col = col * 26 + (c - 64);
  const letters = i;
  if (r.charCodeAt(i) === 36) {
    dollar = true;
    i++;
  }
  const digits = i;
  for (let c = r.charCodeAt(i); c >= 48 && c <= 57; c = r.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (col === 0 || row === 0 || i !== r.length || i === digits || col > 16_384) throw new Error(`not a cell address: ${r}`);
  const plain = !dollar && letters === digits && r.charCodeAt(0) !== 36;
  return { row: row - 1, col: col - 1, address: plain ? r : r.replace(/\$/g, '') };
}
