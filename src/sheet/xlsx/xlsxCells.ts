import type { WorkbookCells } from '../collect/cells';
import { FILES_SHEET } from '../storedFiles/contract';
import { readDefinedNames } from './definedNames';
import { type SheetCells, sheetCells } from './sheetCells';
import { readSheetPart } from './sheetPart';
import { readCellStyles, readRels, readSharedStrings, readWorkbookPart, type WorkbookPart } from './workbookParts';
import { damagedXlsx, noWorksheet, refuseNotXlsx } from './xlsxRefusals';
import { checkXlsxInsides, type WholeInflater } from './zipGuard';

/** The parts read (lib/xlsx/xlsx.js of ExcelJS 4.4 finds them by these names; a leading "/" dropped). A
 * worksheet is any part in xl/worksheets/ that the workbook's relationships lead to, as in Excel: ExcelJS took
 * only sheet1.xml, sheet2.xml …, and the Open XML SDK names a workbook's first sheet.xml
 * (dotnet/Open-XML-SDK#123). */
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET = /^xl\/worksheets\/([^/]+)[.]xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/[^/]+[.]xml[.]rels$/;

export const partName = (name: string) => (name.startsWith('/') ? name.slice(1) : name);
/** The parts the zip guard kept, by their names without a leading "/". */
export const byPartName = (parts: ReadonlyMap<string, Uint8Array>) => new Map([...parts].map(([name, data]) => [partName(name), data]));
/** the parts every sheet is read with (workbookWide) */
export const isWorkbookWide = (name: string) => {
  const part = partName(name);
  return part === WORKBOOK || part === WORKBOOK_RELS || part === STRINGS || part === STYLES;
};
const wanted = (name: string) => isWorkbookWide(name) || SHEET.test(partName(name)) || SHEET_RELS.test(partName(name));

/** An .xlsx file's worksheets, each read when first asked for (xlsxSheets). */
export interface XlsxSheets {
  /** in the workbook's order: each name as ExcelJS takes it, its state (visible, hidden, veryHidden; none
   * written: visible), and its cells, read once when first asked for (a damaged sheet: the file's one
   * message, damagedXlsx) */
  sheets: { name: string; state: string | undefined; cells(): SheetCells }[];
  /** every area of every defined name (definedNames.ts) */
  names: WorkbookCells['names'];
  /** the number format of each cell style, where the file gives its own ("00000") */
  ownFormats: readonly (string | undefined)[];
}

/**
 * An .xlsx file read without ExcelJS: the one reader of the workbooks MIB 考核助手 opens (a roster's, the
 * sheets institutions send back). Its parts are checked against the limits as they are inflated
 * (zipGuard.ts), each part inflated once; then only what is looked at is read: the sheets' names and
 * states, the defined names, and the cells, with their values and formulas as ExcelJS 4.4 gave them when
 * it opened these files (so a sheet reads as it did): shared strings, dates by their style, shared formulas
 * written out per cell, merged cells showing their first cell's value. No workbook is built: ExcelJS took
 * about 45 ms a 威海 二级 sheet to build one, and most of the memory; a 10,000-row roster took it 7 s
 * and 450 MB more than its CSV.
 *
 * `inflateWhole`: a faster inflater than pako where the platform has one (zipGuard.ts).
 *
 * Throws a MibError with one Chinese message for a file that is not an .xlsx, is past a limit, is damaged
 * (a part that is not well-formed XML, a shared string or relationship that is not there, a sheet name
 * Excel would not take), or has no worksheet. A sheet whose cells cannot be read (merged ranges that
 * overlap) throws the same message for a damaged file when its cells are asked for.
 */
export function xlsxSheets(bytes: Uint8Array, source: string, inflateWhole?: WholeInflater): XlsxSheets {
  refuseNotXlsx(bytes, source);
  const found = checkXlsxInsides(bytes, source, wanted, inflateWhole);
  if (!found) throw damagedXlsx(source);
  const parts = byPartName(found);
  let read: XlsxSheets;
  try {
    read = readParts(parts, source);
  } catch {
    throw damagedXlsx(source);
  }
  if (read.sheets.length === 0) throw noWorksheet(source);
  return read;
}

/**
 * A submitted .xlsx read for the collector (mib collect, in worker threads or not, and the pane's
 * 收集报送表), by xlsxSheets. The sheets a collector reads are read at once, so that a damaged one refuses
 * the file as ExcelJS refused it: those a defined name points into (MIB_RUBRIC marks an assessment sheet)
 * and MIB_FILES; another (填报明细) only if a cell of it is asked for.
 */
export function openXlsxCells(bytes: Uint8Array, source: string, inflateWhole?: WholeInflater): WorkbookCells {
  const { sheets, names } = xlsxSheets(bytes, source, inflateWhole);
  const readNow = new Set([...names.map((n) => n.sheet), FILES_SHEET]);
  const byName = new Map<string, () => SheetCells>();
  for (const sheet of sheets) {
    if (readNow.has(sheet.name)) sheet.cells();
    byName.set(sheet.name, sheet.cells);
  }
  return {
    sheets: sheets.map((sheet) => sheet.name),
    names,
    cell(sheet, address) {
      const shown = byName.get(sheet)?.().cell(address);
      if (!shown) return { value: null };
      // an error shows as its text (#VALUE!)
      const value = shown.error ?? shown.value;
      return shown.formula === undefined ? { value } : { formula: shown.formula, value };
    },
    rows: (sheet) => byName.get(sheet)?.().rows() ?? [],
  };
}

function readParts(parts: ReadonlyMap<string, Uint8Array>, source: string): XlsxSheets {
  const { workbook, rels, strings, styles } = workbookWide(parts);
  const sheets: XlsxSheets['sheets'] = [];
  for (const { name, state, path, file } of worksheetsOf(workbook, rels, (path) => parts.has(path))) {
    let cells: SheetCells | undefined;
    const open = () => {
      if (cells) return cells;
      const sheetRels = parts.get(`xl/worksheets/_rels/${file}.xml.rels`);
      try {
        return (cells = sheetCells(readSheetPart(parts.get(path)!), {
          strings,
          dateStyles: styles.dates,
          date1904: workbook.date1904,
          rels: sheetRels === undefined ? undefined : readRels(sheetRels),
        }));
      } catch {
        throw damagedXlsx(source);
      }
    };
    sheets.push({ name, state, cells: open });
  }
  return { sheets, names: readDefinedNames(workbook.definedNames), ownFormats: styles.ownFormats };
}

/** What every sheet of the workbook reads with: xl/workbook.xml (which must be there), its relationships,
 * the shared strings and the cell styles, from `parts` by their names without a leading "/". Throws on a
 * part that is not well formed. */
export function workbookWide(parts: ReadonlyMap<string, Uint8Array>) {
  const workbookXml = parts.get(WORKBOOK);
  if (workbookXml === undefined) throw new Error('no workbook part');
  const workbook = readWorkbookPart(workbookXml);
  const relsXml = parts.get(WORKBOOK_RELS);
  const rels = relsXml === undefined ? new Map<string, string>() : readRels(relsXml);
  const stringsXml = parts.get(STRINGS);
  const strings = stringsXml === undefined ? undefined : readSharedStrings(stringsXml);
  const stylesXml = parts.get(STYLES);
  const styles = stylesXml === undefined ? { dates: [], ownFormats: [] } : readCellStyles(stylesXml);
  return { workbook, rels, strings, styles };
}

/** A worksheet of the workbook: its name as ExcelJS takes it, its state, its part and that part's file name
 * without .xml (sheet1; its relationships are in _rels/sheet1.xml.rels). */
export interface Worksheet {
  name: string;
  state: string | undefined;
  path: string;
  file: string;
}

/**
 * The worksheets, in the workbook's order, each whose relationship leads to a worksheet part the file holds
 * (`has`; a chart sheet is none). Throws on a name ExcelJS refuses (sheetName).
 */
export function worksheetsOf(workbook: WorkbookPart, rels: ReadonlyMap<string, string>, has: (path: string) => boolean): Worksheet[] {
  const sheets: Worksheet[] = [];
  for (const sheet of workbook.sheets) {
    const target = sheet.rId === undefined ? undefined : rels.get(sheet.rId);
    if (target === undefined) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    const file = SHEET.exec(path)?.[1];
    if (file === undefined || !has(path)) continue;
    const name = sheetName(
      sheet.name ?? `sheet${sheet.id}`,
      sheets.map((s) => s.name),
    );
    sheets.push({ name, state: sheet.state, path, file });
  }
  return sheets;
}

/** A sheet's name as ExcelJS takes it (doc/worksheet.js `set name`): cut to 31 characters; refused when
 * empty, "History", holding * ? : \ / [ ], starting or ending with ', or the name of a sheet before it. */
function sheetName(name: string, taken: readonly string[]): string {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) throw new Error(`sheet name ${name}`);
  const cut = name.length > 31 ? name.substring(0, 31) : name;
  if (taken.some((other) => other.toLowerCase() === cut.toLowerCase())) throw new Error(`sheet name ${cut} twice`);
  return cut;
}
