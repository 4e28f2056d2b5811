// The workbook-wide parts of an .xlsx as the collector reads them (xlsxCells.ts): xl/workbook.xml (sheets,
// defined names, the 1904 date system), relationships, xl/styles.xml (which cell styles show dates) and
// xl/sharedStrings.xml. Each is read as ExcelJS 4.4 reads it (lib/xlsx/xform/book, style, strings), so that a
// submitted sheet reads as it did when ExcelJS opened it; the file named beside each rule is ExcelJS's. A
// sheet's name is its XML text, as LibreOffice reads it (ExcelJS decoded "&lt;" in it a second time).
import { readXml } from './xmlEvents';

export interface WorkbookPart {
  /** <sheets>, in order (sheet-xform.js) */
  sheets: { name: string | undefined; id: number; rId: string | undefined; state: string | undefined }[];
  /** <definedNames>: each name's text as written */
  definedNames: { name: string; text: string }[];
  /** <workbookPr date1904="1"> */
  date1904: boolean;
}

export function readWorkbookPart(xml: Uint8Array): WorkbookPart {
  const part: WorkbookPart = { sheets: [], definedNames: [], date1904: false };
  let name: { name: string; text: string[] } | undefined;
  readXml(xml, {
    open(tag, attributes) {
      if (tag === 'sheet') {
        const sheetName = attributes.get('name');
        part.sheets.push({
          name: sheetName,
          id: parseInt(attributes.get('sheetId') ?? '', 10),
          rId: attributes.get('r:id'),
          state: attributes.get('state'),
        });
      } else if (tag === 'definedName') name = { name: attributes.get('name') ?? '', text: [] };
      else if (tag === 'workbookPr') part.date1904 = attributes.get('date1904') === '1';
    },
    text(text) {
      name?.text.push(text);
    },
    close(tag) {
      if (tag === 'definedName' && name) {
        part.definedNames.push({ name: name.name, text: name.text.join('') });
        name = undefined;
      }
    },
  });
  return part;
}

/** A relationships part: Id → Target. */
export function readRels(xml: Uint8Array): Map<string, string> {
  const rels = new Map<string, string>();
  readXml(xml, {
    open(tag, attributes) {
      const id = tag === 'Relationship' ? attributes.get('Id') : undefined;
      if (id !== undefined) rels.set(id, attributes.get('Target') ?? '');
    },
  });
  return rels;
}

/** The number formats ExcelJS knows by id without a <numFmt> (defaultnumformats.js) that utils.isDateFmt
 * takes for dates: 14–22 and 45–47. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** utils.isDateFmt: a format showing y, m, d, h, M, s or b outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** What a cell style (the `s` of a cell, an index into <cellXfs>) does to a number (styles-xform.js). */
export interface CellStyles {
  /** whether it shows a number as a date: ExcelJS reads such a number as a Date (getStyleModel, cell-xform.js reconcile) */
  dates: boolean[];
  /** its number format where the file gives it as a <numFmt> of its own ("00000"), as ExcelJS's numFmt */
  ownFormats: (string | undefined)[];
}

/**
 * The cell styles' number formats. A format id 0 is General; a <numFmt> of the file's own comes before the
 * built-in one of that id.
 */
export function readCellStyles(xml: Uint8Array): CellStyles {
  const own = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  readXml(xml, {
    open(tag, attributes) {
      if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'numFmts') inNumFmts = true;
      else if (tag === 'xf' && inCellXfs) formatIds.push(parseInt(attributes.get('numFmtId') ?? '', 10));
      else if (tag === 'numFmt' && inNumFmts)
        own.set(parseInt(attributes.get('numFmtId') ?? '', 10), (attributes.get('formatCode') ?? '').replace(/[\\](.)/g, '$1'));
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
      else if (tag === 'numFmts') inNumFmts = false;
    },
  });
  const ownFormats = formatIds.map((id) => (id ? own.get(id) : undefined));
  return {
    dates: formatIds.map((id, s) => {
      if (!id) return false;
      const format = ownFormats[s];
      return format ? isDateFormat(format) : BUILT_IN_DATES.has(id);
    }),
    ownFormats,
  };
}

/** text-xform.js: `_x000D_` and the like stand for the character of that code. */
export const unescapeXmlChars = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The shared strings, each as the text it shows: a rich text's runs joined, phonetic guides (<rPh>) left
 * out (shared-string-xform.js).
 */
export function readSharedStrings(xml: Uint8Array): string[] {
  const strings: string[] = [];
  let plain: string | undefined;
  let runs: string[] | undefined;
  let text: string[] | undefined;
  /** inside <r> (a run) or <rPh> (a phonetic guide, not shown) */
  let inRun = false;
  let inPhonetic = false;
  readXml(xml, {
    open(tag) {
      if (tag === 'si') {
        plain = undefined;
        runs = undefined;
      } else if (tag === 'r') {
        inRun = true;
        (runs ??= []).push('');
      } else if (tag === 'rPh') inPhonetic = true;
      else if (tag === 't' && !inPhonetic) text = [];
    },
    text(chunk) {
      text?.push(chunk);
    },
    close(tag) {
      if (tag === 't' && text) {
        const read = unescapeXmlChars(text.join(''));
        if (inRun && runs) runs[runs.length - 1] += read;
        else plain = read;
        text = undefined;
      } else if (tag === 'r') inRun = false;
      else if (tag === 'rPh') inPhonetic = false;
      else if (tag === 'si') strings.push(runs ? runs.join('') : (plain ?? ''));
    },
  });
  return strings;
}
