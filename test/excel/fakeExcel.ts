/// <reference types="office-js" />
/**
 * A strict stand-in for Excel's JavaScript API: a workbook of cells behind Office.js-shaped objects that
 * queue their operations and run them on `context.sync()`, refusing what Excel refuses by its documented
 * rules (src/sheet/excelLimits.ts holds the limits and their addresses; the rules kept only here name
 * theirs beside them). test/excel/strictFake.test.ts shows each refusal.
 *
 * - Properties are read only after `load` and a sync (PropertyNotLoaded otherwise), `isNullObject` after a sync.
 * - `values`, `formulas` and `numberFormat` take 2-D arrays of exactly the range's size (no 1×1 on a larger range).
 * - A string written through `values` (or `formulas`) that begins with "=", "+", "-" (or "@") becomes a formula,
 *   a numeric string a number, unless the cell's number format is text ("@").
 * - A failed sync has run the operations before the failing one (as Excel does) and the objects made in that
 *   batch are invalid afterwards (InvalidObjectPath).
 * - In "web" mode a request or a response over 5 MB is refused (RequestPayloadSizeLimitExceeded).
 * - VeryHidden sheets are in `worksheets.items` with their visibility; deleting one is InvalidOperation.
 *
 * No vitest or Node import: the pane's browser tests can load it too.
 */
import { cellAddress, columnLetters, parseCell, type Rect } from '../../src/sheet/memory/a1';
import {
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_COLUMN_WIDTH,
  MAX_FORMULA_CHARS,
  MAX_LIST_SOURCE,
  MAX_PRINT_SCALE,
  MAX_ROWS,
  MIN_PRINT_SCALE,
  WEB_PAYLOAD_LIMIT,
  definedNameProblem,
  rowHeightProblem,
  sheetNameProblem,
} from '../../src/sheet/excelLimits';
import { VALIDATION_PROMPT_MAX, VALIDATION_TITLE_MAX } from '../../src/sheet/types';

export interface FakeSheetData {
  name: string;
  /** the sheet's own names: NAME → formula ("='S'!$H$2") */
  names?: Record<string, string>;
  /** cells to start with, as a used range: formulas (a formula with "=") and the values they show */
  used?: { address: string; formulas: unknown[][]; values: unknown[][] };
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface FakeExcelData {
  sheets: FakeSheetData[];
  /** workbook-scoped names: NAME → formula */
  workbookNames?: Record<string, string>;
  active?: string;
  activeCell?: string;
  /** "web": requests and responses are limited to 5 MB, as in Excel on the web; "desktop" (default): no limit */
  mode?: 'web' | 'desktop';
}

/** A method call that Excel ran: which sheet, which object ("range A1:I8", "names", "sheet"), what. */
export interface Call {
  sheet: string;
  target: string;
  method: string;
  args: unknown[];
}

/** A property Excel set on a range, in the order run. */
export interface Write {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

/** An error as context.sync() rejects with it: `code` as in OfficeExtension.Error. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

/** One cell of the model: what it shows, its live formula, its number format, whether it is locked. */
export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  format?: string;
  unlocked?: boolean;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  names: Map<string, string>;
  rowHeights: Map<number, number>;
  columnWidths: Map<number, number>;
  /** list validations keep the options Excel reads from the source (split at commas) */
  validations: { address: string; rule: unknown; options?: string[] }[];
  merges: string[];
  protected: boolean;
  pageLayout: Record<string, unknown>;
  pageBreaks: string[];
  charts: { name: string }[];
  deleted: boolean;
}

type Any = any;
type Op = { bytes: number; run: () => number | void };

// ---- Excel's enumerations the writer uses (learn.microsoft.com/javascript/api/excel/excel.<enum>) ----
/** learn.microsoft.com/javascript/api/excel/excel.charttype */
const CHART_TYPES = new Set(
  'Invalid ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel'.split(
    ' ',
  ),
);
/** learn.microsoft.com/javascript/api/excel/excel.chartseriesby */
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);
/** learn.microsoft.com/javascript/api/excel/excel.pageorientation */
const ORIENTATIONS = new Set(['Portrait', 'Landscape']);
/** learn.microsoft.com/javascript/api/excel/excel.papertype */
const PAPER = new Set(
  'Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio Quatro Paper10x14 Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 Csheet Dsheet Esheet EnvelopeDL EnvelopeC5 EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 EnvelopeB4 EnvelopeB5 EnvelopeB6 EnvelopeItaly EnvelopeMonarch EnvelopePersonal FanfoldUS FanfoldStdGerman FanfoldLegalGerman'.split(
    ' ',
  ),
);
/** learn.microsoft.com/javascript/api/excel/excel.printmarginunit */
const MARGIN_UNITS = new Set(['Points', 'Inches', 'Centimeters']);
/** learn.microsoft.com/javascript/api/excel/excel.horizontalalignment, excel.verticalalignment */
const HORIZONTAL = new Set(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed']);
const VERTICAL = new Set(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);
/** learn.microsoft.com/javascript/api/excel/excel.borderlinestyle, excel.borderweight, excel.borderindex */
const BORDER_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
const BORDER_WEIGHTS = new Set(['Hairline', 'Thin', 'Medium', 'Thick']);
const BORDER_EDGES = new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp']);
/** learn.microsoft.com/javascript/api/excel/excel.sheetvisibility */
const VISIBILITY = new Set(['Visible', 'Hidden', 'VeryHidden']);
/** learn.microsoft.com/javascript/api/excel/excel.dataValidationoperator */
const OPERATORS = new Set(['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo']);
/** Column width in points for 255 characters (Office.js takes points; the limit counts characters) */
const MAX_COLUMN_POINTS = (MAX_COLUMN_WIDTH * 7 + 5) * 0.75;
/** Excel's font sizes: 1–409 points (support.microsoft.com "Excel specifications and limits") */
const MAX_FONT = 409;
/** Headers and footers: at most 255 characters (support.microsoft.com "Excel specifications and limits") */
const MAX_HEADER_FOOTER = 255;

const refuse = (code: string, message: string): never => {
  throw new FakeExcelError(code, message);
};
const key = (row: number, col: number) => `${row},${col}`;
const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

/** A range address on one sheet: a cell, a rectangle, whole columns ("B:C") or whole rows ("6:7"). */
export function parseAddress(address: string): { rect: Rect; unbounded: boolean } {
  const text = address.replace(/\$/g, '').trim().toUpperCase();
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (columns) {
    const a = parseCell(`${columns[1]}1`).col;
    const b = parseCell(`${columns[2]}1`).col;
    return { rect: { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) }, unbounded: true };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) refuse('InvalidArgument', `rows "${address}" out of the sheet`);
    return { rect: { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 }, unbounded: true };
  }
  const parts = text.split(':');
  if (parts.length > 2 || !parts.every((part) => /^[A-Z]{1,3}\d+$/.test(part))) refuse('InvalidArgument', `not a range address: "${address}"`);
  const a = parseCell(parts[0]!);
  const b = parseCell(parts[1] ?? parts[0]!);
  const rect = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  if (rect.top < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) refuse('InvalidArgument', `"${address}" is outside the sheet`);
  return { rect, unbounded: false };
}

function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${cellAddress(rect.bottom, rect.right)}`;
}

/** A sheet name as a reference writes it: quoted (Excel quotes only where needed; both read the same). */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * What Excel stores for a string written through `values` or `formulas`: "If the returned value starts with
 * a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"
 * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member); "@" is read the same
 * way by Excel's typing (not in the reference: the fake takes the strict side). A numeric string becomes a
 * number, TRUE/FALSE a boolean. A text number format keeps the string as it is ("Text: treats the content
 * of a cell as text ... even when you type numbers", support.microsoft.com/office/available-number-formats-in-excel-0afe8f52-97db-41f1-b972-4b46e9f1e8d2).
 */
export function storedOf(text: string, format: string | undefined): Pick<FakeCell, 'value' | 'formula'> {
  if (text === '' || format === '@') return { value: text };
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%?)$/.exec(text.trim());
  if (number) return { value: number[4] ? Number(text.trim().slice(0, -1)) / 100 : Number(text.trim()) };
  if (/^[=+\-@]/.test(text) && text.length > 1) return { formula: text.startsWith('=') ? text : `=${text}`, value: '' };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === 'true' };
  return { value: text };
}

export function fakeExcel(data: FakeExcelData) {
  const mode = data.mode ?? 'desktop';
  const calls: Call[] = [];
  const writes: Write[] = [];
  const ranges = new Map<string, Any[]>();
  const sheets = new Map<string, FakeSheet>();
  const workbookNames = new Map(Object.entries(data.workbookNames ?? {}));
  const handlers = { changed: [] as ((args: unknown) => Promise<unknown>)[], selection: [] as ((args: unknown) => Promise<unknown>)[] };
  let active = data.active ?? data.sheets[0]?.name ?? '';
  let pending: Op[] = [];
  let madeInBatch: { invalid: boolean }[] = [];
  let syncCount = 0;
  let failSync: number | undefined;
  const requestSizes: number[] = [];
  const responseSizes: number[] = [];

  const queue = (bytes: number, run: () => number | void) => pending.push({ bytes: bytes + 100, run });
  const call = (sheet: string, target: string, method: string, args: unknown[]) => calls.push({ sheet, target, method, args });

  const sheetNamed = (name: string): FakeSheet | undefined => [...sheets.values()].find((s) => s.name.toLowerCase() === name.toLowerCase());
  const newSheet = (name: string, visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet => {
    const sheet: FakeSheet = {
      name,
      visibility,
      cells: new Map(),
      names: new Map(),
      rowHeights: new Map(),
      columnWidths: new Map(),
      validations: [],
      merges: [],
      protected: false,
      pageLayout: {},
      pageBreaks: [],
      charts: [],
      deleted: false,
    };
    sheets.set(name, sheet);
    return sheet;
  };
  for (const seed of data.sheets) {
    const sheet = newSheet(seed.name, seed.visibility);
    for (const [name, formula] of Object.entries(seed.names ?? {})) sheet.names.set(name, formula);
    if (seed.used) {
      const at = parseAddress(seed.used.address.slice(seed.used.address.lastIndexOf('!') + 1)).rect;
      seed.used.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          const value = seed.used!.values[r]?.[c] ?? '';
          if (value === '' && formula === '') return;
          const cell: FakeCell = { value: value as FakeCell['value'] };
          if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) cell.formula = formula;
          sheet.cells.set(key(at.top + r, at.left + c), cell);
        }),
      );
    }
  }

  /** Marks an object made now: it becomes invalid if this batch fails. */
  let syncing = false;
  const made = <T extends object>(object: T): T & { invalid: boolean } => {
    const marked = Object.assign(object, { invalid: false });
    // objects Excel hands back while a batch runs (a collection's items) belong to no batch of the caller's
    if (!syncing) madeInBatch.push(marked);
    return marked;
  };

  /** A property that must be loaded (and synced) before it is read; `set` queues a write. */
  const property = (object: Any, name: string, set?: (value: unknown) => void) => {
    Object.defineProperty(object, name, {
      enumerable: true,
      configurable: true,
      get() {
        if (object.__set.has(name)) return object.__set.get(name);
        if (object.__loaded.has(name)) return object.__loaded.get(name);
        return refuse('PropertyNotLoaded', `${name} was not loaded (call load and sync first)`);
      },
      set(value: unknown) {
        if (!set) refuse('InvalidArgument', `${name} is read-only`);
        object.__set.set(name, value);
        set!(value);
      },
    });
  };
  const loadable = (object: Any, fields: Record<string, () => unknown>) => {
    object.__loaded = new Map();
    object.__set ??= new Map();
    object.load = (what?: string | string[] | Record<string, unknown>) => {
      const names = (typeof what === 'string' ? what.split(',') : Array.isArray(what) ? what : Object.keys(what ?? fields))
        .map((n) => n.trim())
        .filter(Boolean);
      queue(50, () => {
        valid(object);
        // a null object loads nothing and refuses nothing
        if (object.__null === true) return 0;
        let bytes = 0;
        for (const name of names) {
          const item = /^items\/(.+)$/.exec(name);
          if (item) continue; // collections handle their own items
          const read = fields[name];
          if (!read) refuse('InvalidArgument', `no property "${name}" to load`);
          const value = read!();
          object.__loaded.set(name, value);
          bytes += jsonBytes(value);
        }
        return bytes;
      });
      return object;
    };
  };
  const valid = (object: { invalid?: boolean }) => {
    if (object.invalid) refuse('InvalidObjectPath', 'the object was made in a batch that failed; get it again in a new sync');
  };

  /** A reference to a sheet, found when the batch runs (a sheet added in this batch exists by then). */
  type SheetRef = { name: string; find: () => FakeSheet; invalid?: boolean };
  const byName = (name: string): SheetRef => {
    const ref: SheetRef = made({
      name,
      find: (): FakeSheet => {
        valid(ref);
        const sheet = sheetNamed(name);
        if (!sheet || sheet.deleted) return refuse('ItemNotFound', `no worksheet "${name}"`);
        return sheet;
      },
    });
    return ref;
  };

  /** A recording object for format and validation parts: what is set stays readable; `onSet` queues the rule. */
  const recorder = (onSet: (path: string, value: unknown) => void, path = '', read?: () => Record<string, unknown>): Any => {
    const store: Record<string, unknown> = {};
    return new Proxy(store, {
      get(target, prop: string) {
        if (prop in target) return target[prop];
        // what Excel holds, read back at the next sync (learn.microsoft.com/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-load-member(1))
        if (prop === 'load' && read)
          return () => {
            queue(50, () => {
              const values = read();
              Object.assign(target, values);
              return jsonBytes(values);
            });
            return target;
          };
        if (prop === 'getItem') return (edge: string) => (target[`item:${edge}`] ??= recorder(onSet, `${path}${edge}.`));
        if (
          ['fill', 'font', 'protection', 'borders', 'format', 'custom', 'rule', 'title', 'axes', 'categoryAxis', 'valueAxis', 'legend'].includes(prop)
        ) {
          return (target[prop] = recorder(onSet, `${path}${prop}.`));
        }
        return undefined;
      },
      set(target, prop: string, value) {
        target[prop] = value;
        onSet(`${path}${prop}`, value);
        return true;
      },
    });
  };

  const cellsIn = (_sheet: FakeSheet, rect: Rect, visit: (row: number, col: number) => void) => {
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) visit(r, c);
  };
  /** "The number of rows or columns in the input array doesn't match the size or dimensions of the range"
   * (InvalidArgument; learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member) */
  const checkDimensions = (property: string, value: unknown, rect: Rect, unbounded: boolean) => {
    // "values, numberFormat, formulas ... cannot be set on an unbounded range" —
    // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded
    if (unbounded) refuse('InvalidArgument', `${property} cannot be set on an unbounded range`);
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const grid = value as unknown[][];
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
      refuse(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${rows}×${cols} wanted)`,
      );
    }
  };
  const checkProtected = (sheet: FakeSheet, rect: Rect) => {
    if (!sheet.protected) return;
    cellsIn(sheet, rect, (r, c) => {
      if (!sheet.cells.get(key(r, c))?.unlocked) refuse('InvalidOperation', `the cell ${cellAddress(r, c)} is protected (the sheet is protected)`);
    });
  };
  const cellAt = (sheet: FakeSheet, r: number, c: number): FakeCell => {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) sheet.cells.set(key(r, c), (cell = { value: '' }));
    return cell;
  };
  const writeContent = (sheet: FakeSheet, rect: Rect, grid: unknown[][]) => {
    grid.forEach((row, r) =>
      row.forEach((entry, c) => {
        if (entry === null || entry === undefined) return; // null leaves the cell as it is
        const cell = cellAt(sheet, rect.top + r, rect.left + c);
        delete cell.formula;
        if (typeof entry === 'string') {
          const stored = storedOf(entry, cell.format);
          if (stored.formula !== undefined && stored.formula.length > MAX_FORMULA_CHARS) {
            refuse('InvalidArgument', `a formula of ${stored.formula.length} characters (Excel: at most ${MAX_FORMULA_CHARS})`);
          }
          if (typeof stored.value === 'string' && stored.value.length > MAX_CELL_CHARS) {
            refuse('InvalidArgument', `a text of ${stored.value.length} characters (Excel: at most ${MAX_CELL_CHARS} a cell)`);
          }
          cell.value = stored.value;
          if (stored.formula !== undefined) cell.formula = stored.formula;
        } else if (typeof entry === 'number' || typeof entry === 'boolean') cell.value = entry;
        else refuse('InvalidArgument', `a cell value of type ${typeof entry}`);
      }),
    );
  };
  const usedRect = (sheet: FakeSheet): Rect | null => {
    let rect: Rect | null = null;
    for (const [at, cell] of sheet.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const [r, c] = at.split(',').map(Number) as [number, number];
      rect = rect
        ? { top: Math.min(rect.top, r), left: Math.min(rect.left, c), bottom: Math.max(rect.bottom, r), right: Math.max(rect.right, c) }
        : { top: r, left: c, bottom: r, right: c };
    }
    return rect;
  };
  const gridOf = (sheet: FakeSheet, rect: Rect, read: (cell: FakeCell | undefined) => unknown): unknown[][] =>
    Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
      Array.from({ length: rect.right - rect.left + 1 }, (_, c) => read(sheet.cells.get(key(rect.top + r, rect.left + c)))),
    );

  /**
   * A Range (or RangeAreas for a list of addresses). `where` finds its sheet and rectangles when the batch
   * runs: a used range is only known then.
   */
  const range = (ref: SheetRef, address: string, where?: () => Rect[] | null): Any => {
    const areas = (): { rect: Rect; unbounded: boolean }[] => {
      if (where) {
        const found = where();
        return (found ?? []).map((rect) => ({ rect, unbounded: false }));
      }
      return address.split(',').map((part) => parseAddress(part));
    };
    const one = () => {
      const list = areas();
      if (list.length !== 1) refuse('InvalidArgument', `"${address}" is not one area`);
      return list[0]!;
    };
    const target: Any = made({ rangeAddress: address });
    target.__set = new Map();
    const logged = (property: string, value: unknown) => writes.push({ sheet: ref.name, address, property, value });
    const content = (property: 'values' | 'formulas' | 'numberFormat') => (value: unknown) =>
      queue(jsonBytes(value), () => {
        valid(target);
        const sheet = ref.find();
        const { rect, unbounded } = one();
        checkDimensions(property, value, rect, unbounded);
        if (property !== 'numberFormat') checkProtected(sheet, rect);
        if (property === 'numberFormat') {
          (value as unknown[][]).forEach((row, r) =>
            row.forEach((format, c) => {
              if (format === null || format === undefined) return;
              if (typeof format !== 'string') refuse('InvalidArgument', 'a number format must be text');
              cellAt(sheet, rect.top + r, rect.left + c).format = format as string;
            }),
          );
        } else writeContent(sheet, rect, value as unknown[][]);
        logged(property, value);
      });
    property(target, 'values', content('values'));
    property(target, 'formulas', content('formulas'));
    property(target, 'numberFormat', content('numberFormat'));
    for (const name of ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']) property(target, name);
    const rectNow = () => one().rect;
    loadable(target, {
      address: () => `${quoted(ref.find().name)}!${rectAddress(rectNow())}`,
      rowIndex: () => rectNow().top,
      columnIndex: () => rectNow().left,
      rowCount: () => rectNow().bottom - rectNow().top + 1,
      columnCount: () => rectNow().right - rectNow().left + 1,
      values: () => gridOf(ref.find(), rectNow(), (cell) => cell?.value ?? ''),
      formulas: () => gridOf(ref.find(), rectNow(), (cell) => cell?.formula ?? cell?.value ?? ''),
      numberFormat: () => gridOf(ref.find(), rectNow(), (cell) => cell?.format ?? 'General'),
    });

    target.format = recorder((path, value) =>
      queue(jsonBytes(value), () => {
        valid(target);
        const sheet = ref.find();
        formatRule(sheet, path, value, areas());
        if (path === 'rowHeight' || path === 'columnWidth') logged(`format.${path}`, value);
      }),
    );
    target.dataValidation = recorder(
      (path, value) =>
        queue(jsonBytes(value), () => {
          valid(target);
          validationRule(ref.find(), one(), path, value);
        }),
      '',
      () => {
        valid(target);
        // the rule of the area that holds the cells asked for (a rule set on H9:H40 is H12's too)
        const asked = one().rect;
        const held = [...ref.find().validations].reverse().find((v) => {
          const { rect } = parseAddress(v.address);
          return rect.top <= asked.top && rect.bottom >= asked.bottom && rect.left <= asked.left && rect.right >= asked.right;
        });
        const rule = (held?.rule ?? {}) as Record<string, unknown>;
        // DataValidationType: the kind of the rule set, None where there is none (excel.datavalidationtype)
        const kind = Object.keys(rule)[0];
        const type = kind === undefined ? 'None' : `${kind[0]!.toUpperCase()}${kind.slice(1)}`;
        return { type, rule };
      },
    );
    target.conditionalFormats = {
      add: (type: string) => {
        const highlight = { type, custom: recorder((path, value) => queue(jsonBytes(value), () => conditionalRule(path, value))) };
        queue(20, () => {
          valid(target);
          ref.find();
          if (!['Custom', 'CellValue', 'ColorScale', 'DataBar', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText'].includes(type)) {
            refuse('InvalidArgument', `conditional format type "${type}"`);
          }
          call(ref.name, `range ${address}`, 'conditionalFormats.add', [type, highlight]);
        });
        return highlight;
      },
    };
    const method = (name: string, run: (...args: Any[]) => void) =>
      (target[name] = (...args: unknown[]) => {
        queue(jsonBytes(args), () => {
          valid(target);
          run(...args);
          call(ref.name, `range ${address}`, name, args);
        });
      });
    method('merge', () => {
      const sheet = ref.find();
      sheet.merges.push(rectAddress(one().rect));
    });
    method('select', () => {
      const sheet = ref.find();
      if (sheet.visibility !== 'Visible') refuse('InvalidOperation', 'a hidden sheet cannot be selected');
      active = sheet.name;
    });
    method('clear', () => {
      const sheet = ref.find();
      const { rect } = one();
      checkProtected(sheet, rect);
      cellsIn(sheet, rect, (r, c) => sheet.cells.delete(key(r, c)));
    });
    method('delete', (shift: string) => {
      const sheet = ref.find();
      const { rect } = one();
      if (shift !== 'Up' && shift !== 'Left') refuse('InvalidArgument', `delete shift "${shift}"`);
      if (shift === 'Up') {
        const height = rect.bottom - rect.top + 1;
        const moved = new Map<string, FakeCell>();
        for (const [at, cell] of sheet.cells) {
          const [r, c] = at.split(',').map(Number) as [number, number];
          if (c < rect.left || c > rect.right || r < rect.top) moved.set(at, cell);
          else if (r > rect.bottom) moved.set(key(r - height, c), cell);
        }
        sheet.cells = moved;
      }
    });
    Object.defineProperty(target, 'isNullObject', {
      get: () => (target.__null === undefined ? refuse('PropertyNotLoaded', 'isNullObject is known after a sync') : target.__null),
    });
    if (!where) target.__null = false;
    const list = ranges.get(`${ref.name}!${address}`) ?? [];
    ranges.set(`${ref.name}!${address}`, [...list, target]);
    return target;
  };

  /** The rules of Range.format (sizes, alignment, borders, font), each applied to the model where it matters. */
  const formatRule = (sheet: FakeSheet, path: string, value: unknown, areas: { rect: Rect; unbounded: boolean }[]) => {
    const inEnum = (set: Set<string>) => {
      if (typeof value !== 'string' || !set.has(value))
        refuse('InvalidArgument', `${path} = ${JSON.stringify(value)} is not one of ${[...set].join(', ')}`);
    };
    if (path === 'rowHeight') {
      const problem = typeof value === 'number' ? rowHeightProblem(value) : 'not a number';
      if (problem) refuse('InvalidArgument', `rowHeight ${String(value)}: ${problem}`);
      for (const { rect } of areas) for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r + 1, value as number);
    } else if (path === 'columnWidth') {
      if (typeof value !== 'number' || !(value >= 0 && value <= MAX_COLUMN_POINTS)) {
        refuse('InvalidArgument', `columnWidth ${String(value)} points is over ${MAX_COLUMN_WIDTH} characters (${MAX_COLUMN_POINTS} points)`);
      }
      for (const { rect } of areas) for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, value as number);
    } else if (path === 'horizontalAlignment') inEnum(HORIZONTAL);
    else if (path === 'verticalAlignment') inEnum(VERTICAL);
    else if (/^borders\.\w+\.style$/.test(path)) inEnum(BORDER_STYLES);
    else if (/^borders\.\w+\.weight$/.test(path)) inEnum(BORDER_WEIGHTS);
    else if (path === 'font.size') {
      if (typeof value !== 'number' || value < 1 || value > MAX_FONT) refuse('InvalidArgument', `font size ${String(value)}`);
    } else if (path === 'protection.locked') {
      for (const { rect } of areas) cellsIn(sheet, rect, (r, c) => (cellAt(sheet, r, c).unlocked = value === false));
    }
    const edge = /^borders\.(\w+)\./.exec(path)?.[1];
    if (edge && !BORDER_EDGES.has(edge)) refuse('InvalidArgument', `border "${edge}"`);
  };

  /** Data validation: a rule of one kind; an inline list is split at commas and at most 255 characters. */
  const validationRule = (sheet: FakeSheet, area: { rect: Rect }, path: string, value: Any) => {
    const address = rectAddress(area.rect);
    if (path === 'rule') {
      const kinds = Object.keys(value ?? {});
      if (kinds.length !== 1) refuse('InvalidArgument', 'a data validation rule has exactly one kind');
      const list = value.list;
      let options: string[] | undefined;
      if (list) {
        const source = String(list.source ?? '');
        if (!source.startsWith('=')) {
          // "source: Source of the list for data validation" as "a comma-separated" list —
          // learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member
          if (source.length > MAX_LIST_SOURCE)
            refuse('InvalidArgument', `a list source of ${source.length} characters (Excel: at most ${MAX_LIST_SOURCE})`);
          options = source.split(',');
        }
      }
      for (const kind of ['wholeNumber', 'decimal', 'textLength', 'date', 'time']) {
        const basic = value[kind];
        if (basic && !OPERATORS.has(basic.operator)) refuse('InvalidArgument', `operator "${basic.operator}"`);
      }
      sheet.validations = sheet.validations.filter((v) => v.address !== address);
      sheet.validations.push({ address, rule: value, ...(options && { options }) });
    } else if (path === 'prompt' || path === 'errorAlert') {
      // an input message's title at most 32 characters, its text at most 255 (Excel's data validation dialog)
      if (String(value?.title ?? '').length > VALIDATION_TITLE_MAX)
        refuse('InvalidArgument', `${path} title over ${VALIDATION_TITLE_MAX} characters`);
      if (String(value?.message ?? '').length > VALIDATION_PROMPT_MAX)
        refuse('InvalidArgument', `${path} message over ${VALIDATION_PROMPT_MAX} characters`);
      if (path === 'errorAlert' && value?.style !== undefined && !['Stop', 'Warning', 'Information'].includes(value.style)) {
        refuse('InvalidArgument', `error alert style "${value.style}"`);
      }
    }
  };
  const conditionalRule = (path: string, value: unknown) => {
    if (path === 'rule.formula' && String(value).length > MAX_FORMULA_CHARS) refuse('InvalidArgument', 'conditional format formula too long');
  };

  /** A worksheet object for `ref`. */
  const worksheet = (ref: SheetRef, knownNull?: () => boolean): Any => {
    const target: Any = made({});
    target.__set = new Map();
    property(target, 'name');
    property(target, 'id');
    property(target, 'visibility', (value) =>
      queue(20, () => {
        valid(target);
        if (typeof value !== 'string' || !VISIBILITY.has(value)) refuse('InvalidArgument', `visibility "${String(value)}"`);
        const sheet = ref.find();
        if (value !== 'Visible' && [...sheets.values()].filter((s) => !s.deleted && s.visibility === 'Visible' && s !== sheet).length === 0) {
          refuse('InvalidOperation', 'a workbook keeps at least one visible sheet');
        }
        sheet.visibility = value as FakeSheet['visibility'];
      }),
    );
    loadable(target, { name: () => ref.find().name, id: () => ref.find().name, visibility: () => ref.find().visibility });
    Object.defineProperty(target, 'isNullObject', {
      get: () => (target.__null === undefined ? refuse('PropertyNotLoaded', 'isNullObject is known after a sync') : target.__null),
    });
    if (knownNull) queue(10, () => void (target.__null = knownNull()));
    else target.__null = false;
    const sheetCall = (targetName: string, method: string, args: unknown[], run: (sheet: FakeSheet) => void, bytes = jsonBytes(args)) =>
      queue(bytes, () => {
        valid(target);
        const sheet = ref.find();
        run(sheet);
        call(sheet.name, targetName, method, args);
      });

    target.getRange = (address = 'A1') => range(ref, address);
    target.getRanges = (address: string) => range(ref, address);
    target.getRangeByIndexes = (row: number, col: number, rowCount: number, colCount: number) =>
      range(ref, rectAddress({ top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 }));
    target.getUsedRangeOrNullObject = (_valuesOnly?: boolean) => {
      let found: Rect | null | undefined;
      const used = range(ref, '(used)', () => {
        if (found === undefined) found = usedRect(ref.find());
        return found ? [found] : [];
      });
      queue(10, () => {
        found = usedRect(ref.find());
        used.__null = found === null;
        if (found) used.rangeAddress = rectAddress(found);
      });
      return used;
    };
    const protection: Any = made({
      protect: (options?: unknown) =>
        sheetCall('sheet', 'protect', [options], (sheet) => {
          if (sheet.protected) refuse('InvalidOperation', 'the sheet is already protected');
          sheet.protected = true;
        }),
      unprotect: () => sheetCall('sheet', 'unprotect', [], (sheet) => void (sheet.protected = false)),
    });
    protection.__set = new Map();
    property(protection, 'protected');
    loadable(protection, { protected: () => ref.find().protected });
    target.protection = protection;
    const layout = (name: string, value: unknown) =>
      queue(jsonBytes(value), () => {
        valid(target);
        const sheet = ref.find();
        if (name === 'orientation' && !ORIENTATIONS.has(value as string)) refuse('InvalidArgument', `orientation "${String(value)}"`);
        if (name === 'paperSize' && !PAPER.has(value as string)) refuse('InvalidArgument', `paper "${String(value)}"`);
        if (name === 'zoom') {
          // "zoom ... must be set as a JSON object"; scale 10–400 (learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-zoom-member)
          const scale = (value as { scale?: number } | undefined)?.scale;
          if (typeof value !== 'object' || value === null) refuse('InvalidArgument', 'zoom must be set as an object');
          if (scale !== undefined && !(scale >= MIN_PRINT_SCALE && scale <= MAX_PRINT_SCALE)) {
            refuse('InvalidArgument', `print scale ${scale} (Excel: ${MIN_PRINT_SCALE}–${MAX_PRINT_SCALE})`);
          }
          // "Number of pages to fit horizontally/vertically" (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions):
          // a count of pages, whole and at least 1; scale is null when fitting, so the two are not given together
          for (const key of ['horizontalFitToPages', 'verticalFitToPages'] as const) {
            const pages = (value as Record<string, unknown>)[key];
            if (pages !== undefined && !(Number.isInteger(pages) && (pages as number) >= 1)) refuse('InvalidArgument', `${key} ${String(pages)}`);
            if (pages !== undefined && scale !== undefined) refuse('InvalidArgument', `${key} with a scale`);
          }
        }
        if (/Footer$|Header$/.test(name) && String(value).length > MAX_HEADER_FOOTER)
          refuse('InvalidArgument', `${name} over ${MAX_HEADER_FOOTER} characters`);
        sheet.pageLayout[name] = value;
      });
    const footers = recorder((path, value) => layout(path, value));
    const layoutStore: Record<string, unknown> = {
      // learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-load-member(1)
      load: () => {
        queue(50, () => {
          const held = ref.find().pageLayout;
          layoutStore.orientation = held.orientation ?? 'Portrait';
          layoutStore.zoom = held.zoom ?? { scale: 100 };
          return jsonBytes(held);
        });
        return layoutStore;
      },
      // learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-getprinttitlerowsornullobject-member(1)
      getPrintTitleRowsOrNullObject: () => {
        const titles: Any = made({});
        titles.load = () => {
          queue(50, () => {
            valid(titles);
            const rows = ref.find().pageLayout.printTitleRows as string | undefined;
            titles.isNullObject = rows === undefined;
            if (rows !== undefined) titles.address = `'${ref.name.replace(/'/g, "''")}'!${rows}`;
            return 50;
          });
          return titles;
        };
        return titles;
      },
      setPrintTitleRows: (rows: string) =>
        sheetCall('pageLayout', 'setPrintTitleRows', [rows], (sheet) => {
          // "The range must span the entire row to be valid" — learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1)
          if (!/^\$?\d+:\$?\d+$/.test(rows)) refuse('InvalidArgument', `print title rows "${rows}" are not whole rows`);
          sheet.pageLayout.printTitleRows = rows;
        }),
      setPrintTitleColumns: (columns: string) =>
        sheetCall('pageLayout', 'setPrintTitleColumns', [columns], (sheet) => {
          // "The range must span the entire column to be valid" — learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlecolumns-member(1)
          if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns)) refuse('InvalidArgument', `print title columns "${columns}" are not whole columns`);
          sheet.pageLayout.printTitleColumns = columns;
        }),
      setPrintArea: (area: string) =>
        sheetCall('pageLayout', 'setPrintArea', [area], (sheet) => {
          for (const part of area.split(',')) if (parseAddress(part).unbounded) refuse('InvalidArgument', `print area "${part}"`);
          sheet.pageLayout.printArea = area;
        }),
      setPrintMargins: (unit: string, margins: Record<string, number>) =>
        sheetCall('pageLayout', 'setPrintMargins', [unit, margins], (sheet) => {
          if (!MARGIN_UNITS.has(unit)) refuse('InvalidArgument', `margin unit "${unit}"`);
          if (Object.values(margins).some((m) => typeof m !== 'number' || m < 0)) refuse('InvalidArgument', 'a negative margin');
          sheet.pageLayout.margins = margins;
        }),
      headersFooters: { defaultForAllPages: footers },
    };
    target.pageLayout = new Proxy(layoutStore, {
      set(store, prop: string, value) {
        store[prop] = value;
        layout(prop, value);
        return true;
      },
    });
    target.horizontalPageBreaks = {
      removePageBreaks: () => sheetCall('horizontalPageBreaks', 'removePageBreaks', [], (sheet) => void (sheet.pageBreaks = [])),
      add: (at: Any) => {
        const address = typeof at === 'string' ? at : at.rangeAddress;
        sheetCall('horizontalPageBreaks', 'add', [address], (sheet) => {
          // "Adds a page break before the top-left cell of the range specified" — learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-add-member(1)
          const { rect } = parseAddress(address);
          if (rect.top === 0) refuse('InvalidArgument', 'no page break before the first row');
          sheet.pageBreaks.push(address);
        });
      },
    };
    target.freezePanes = {
      freezeRows: (count: number) =>
        sheetCall('freezePanes', 'freezeRows', [count], () => {
          if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) refuse('InvalidArgument', `freezeRows(${count})`);
        }),
    };
    target.autoFilter = {
      apply: (on: Any) => sheetCall('autoFilter', 'apply', [on.rangeAddress], () => void parseAddress(on.rangeAddress)),
    };
    const chartsOf = (sheet: FakeSheet) => sheet.charts;
    target.charts = {
      // learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-load-member(1)
      load: () => {
        queue(50, () => {
          target.charts.items = chartsOf(ref.find()).map((chart) => ({ name: chart.name }));
          return jsonBytes(target.charts.items);
        });
        return target.charts;
      },
      getItemOrNullObject: (name: string) => {
        const item: Any = made({});
        item.__set = new Map();
        property(item, 'name');
        loadable(item, { name: () => name });
        queue(10, () => void (item.__null = !chartsOf(ref.find()).some((chart) => chart.name === name)));
        Object.defineProperty(item, 'isNullObject', { get: () => item.__null ?? refuse('PropertyNotLoaded', 'isNullObject is known after a sync') });
        item.delete = () =>
          sheetCall('chart', 'delete', [name], (sheet) => {
            if (item.__null) refuse('InvalidObjectPath', 'a null object');
            const list = chartsOf(sheet);
            list.splice(
              list.findIndex((chart) => chart.name === name),
              1,
            );
          });
        return item;
      },
      add: (type: string, source: Any, seriesBy?: string) => {
        const chart = recorder((path, value) =>
          queue(jsonBytes(value), () => {
            if (path === 'name' && String(value).length > 255) refuse('InvalidArgument', 'chart name too long');
            if (path === 'name') entry.name = String(value);
          }),
        );
        const entry = { name: '' };
        chart.setPosition = (from: string, to?: string) =>
          sheetCall('chart', 'setPosition', [from, to], () => {
            parseAddress(from);
            if (to !== undefined) parseAddress(to);
          });
        sheetCall('charts', 'add', [type, source.rangeAddress, seriesBy, chart], (sheet) => {
          // learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
          if (!CHART_TYPES.has(type)) refuse('InvalidArgument', `chart type "${type}"`);
          if (seriesBy !== undefined && !SERIES_BY.has(seriesBy)) refuse('InvalidArgument', `seriesBy "${seriesBy}"`);
          parseAddress(source.rangeAddress);
          chartsOf(sheet).push(entry);
        });
        return chart;
      },
    };
    target.activate = () =>
      sheetCall('sheet', 'activate', [], (sheet) => {
        // a hidden sheet cannot be activated — learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)
        if (sheet.visibility !== 'Visible') refuse('InvalidOperation', 'a hidden sheet cannot be activated');
        active = sheet.name;
      });
    target.delete = () =>
      sheetCall('sheet', 'delete', [], (sheet) => {
        // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail with an
        // InvalidOperation exception" — learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
        if (sheet.visibility === 'VeryHidden') refuse('InvalidOperation', `the worksheet "${sheet.name}" is very hidden and cannot be deleted`);
        const visible = [...sheets.values()].filter((s) => !s.deleted && s.visibility === 'Visible');
        if (visible.length === 1 && visible[0] === sheet) refuse('InvalidOperation', 'a workbook keeps at least one visible sheet');
        sheet.deleted = true;
        sheets.delete(sheet.name);
        if (active === sheet.name) active = [...sheets.values()].find((s) => s.visibility === 'Visible')?.name ?? '';
      });
    target.names = namesCollection(() => ref.find().names, ref);
    return target;
  };

  /** A names collection (a sheet's or the workbook's): add checks the name, items and getItemOrNullObject read. */
  const namesCollection = (store: () => Map<string, string>, ref?: SheetRef): Any => {
    const namedItem = (name: string): Any => {
      const item: Any = made({});
      item.__set = new Map();
      property(item, 'name');
      property(item, 'formula');
      loadable(item, {
        name: () => name,
        formula: () => store().get(name) ?? store().get([...store().keys()].find((k) => k.toUpperCase() === name.toUpperCase()) ?? ''),
      });
      return item;
    };
    const collection: Any = made({});
    collection.add = (name: string, reference: Any) => {
      const text = typeof reference === 'string' ? reference : undefined;
      queue(jsonBytes([name, text ?? reference.rangeAddress]), () => {
        valid(collection);
        const problem = definedNameProblem(name);
        if (problem) refuse('InvalidArgument', problem);
        const names = store();
        if ([...names.keys()].some((k) => k.toUpperCase() === name.toUpperCase())) refuse('ItemAlreadyExists', `the name "${name}" exists`);
        const formula =
          text ?? `=${quoted(ref!.find().name)}!${rectAddress(parseAddress(reference.rangeAddress).rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
        if (formula.length > MAX_FORMULA_CHARS) refuse('InvalidArgument', 'a name formula too long');
        names.set(name, formula);
        call(ref?.name ?? '', 'names', 'add', [name, text ?? reference.rangeAddress]);
      });
    };
    collection.getItemOrNullObject = (name: string) => {
      const item = namedItem(name);
      queue(10, () => void (item.__null = ![...store().keys()].some((k) => k.toUpperCase() === name.toUpperCase())));
      Object.defineProperty(item, 'isNullObject', { get: () => item.__null ?? refuse('PropertyNotLoaded', 'isNullObject is known after a sync') });
      return item;
    };
    collection.load = (what: string) => {
      const fields = String(what)
        .split(',')
        .map((f) => f.trim().replace(/^items\//, ''))
        .filter((f) => f !== 'items' && f !== '');
      queue(20, () => {
        valid(collection);
        const items = [...store().keys()].map((name) => {
          const item = namedItem(name);
          item.__null = false;
          for (const field of fields) item.__loaded.set(field, field === 'name' ? name : store().get(name));
          return item;
        });
        collection.__items = items;
        return jsonBytes([...store()]);
      });
      return collection;
    };
    Object.defineProperty(collection, 'items', { get: () => collection.__items ?? refuse('PropertyNotLoaded', 'items were not loaded') });
    return collection;
  };

  const eventSource = (list: ((args: unknown) => Promise<unknown>)[]) => ({
    add: (handler: (args: unknown) => Promise<unknown>) => {
      list.push(handler);
      return { context, remove: () => list.splice(list.indexOf(handler), 1) };
    },
  });

  const context: Any = {
    workbook: {
      getActiveCell: () => {
        const ref = byName(active);
        return range(ref, data.activeCell ?? 'A1');
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => queue(10, () => call('', 'application', 'suspendApiCalculationUntilNextSync', [])),
    },
  };
  const worksheets: Any = made({});
  worksheets.add = (name: string) => {
    const ref = byName(name);
    queue(jsonBytes(name), () => {
      valid(worksheets);
      // sheet names: at most 31 characters, none of : \ / ? * [ ] — support.microsoft.com, “Rename a worksheet”
      const problem = sheetNameProblem(name);
      if (problem) refuse('InvalidArgument', problem);
      if (sheetNamed(name)) refuse('ItemAlreadyExists', `a worksheet named "${name}" exists`);
      newSheet(name);
      call(name, 'worksheets', 'add', [name]);
    });
    return worksheet(ref);
  };
  worksheets.getItem = (name: string) => {
    const ref = byName(name);
    queue(10, () => void ref.find());
    return worksheet(ref);
  };
  worksheets.getItemOrNullObject = (name: string) => {
    const ref = byName(name);
    return worksheet(ref, () => !sheetNamed(name) || sheetNamed(name)!.deleted);
  };
  worksheets.getActiveWorksheet = () => worksheet(byName(active));
  worksheets.onChanged = eventSource(handlers.changed);
  worksheets.onSelectionChanged = eventSource(handlers.selection);
  worksheets.load = (what: string) => {
    const fields = String(what)
      .split(',')
      .map((f) => f.trim().replace(/^items\//, ''))
      .filter((f) => f !== 'items' && f !== '');
    queue(20, () => {
      valid(worksheets);
      const list = [...sheets.values()].filter((s) => !s.deleted);
      worksheets.__items = list.map((sheet) => {
        const item = worksheet(byName(sheet.name));
        for (const field of fields) item.__loaded.set(field, field === 'visibility' ? sheet.visibility : sheet.name);
        return item;
      });
      return jsonBytes(list.map((s) => [s.name, s.visibility]));
    });
    return worksheets;
  };
  Object.defineProperty(worksheets, 'items', { get: () => worksheets.__items ?? refuse('PropertyNotLoaded', 'items were not loaded') });
  context.workbook.worksheets = worksheets;
  context.workbook.names = namesCollection(() => workbookNames);
  // the workbook's own collections outlive any batch
  madeInBatch = [];

  context.sync = async () => {
    syncCount++;
    const ops = pending;
    const batch = madeInBatch;
    pending = [];
    madeInBatch = [];
    const fail = (error: unknown): never => {
      for (const object of batch) object.invalid = true;
      throw error;
    };
    const request = ops.reduce((sum, op) => sum + op.bytes, 0);
    requestSizes.push(request);
    // Excel on the web: "a payload size limit for requests and responses of 5MB" (RequestPayloadSizeLimitExceeded) —
    // learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
    if (mode === 'web' && request > WEB_PAYLOAD_LIMIT) fail(new FakeExcelError('RequestPayloadSizeLimitExceeded', `a request of ${request} bytes`));
    let response = 0;
    syncing = true;
    for (let i = 0; i < ops.length; i++) {
      if (failSync === syncCount && i === ops.length - 1) {
        syncing = false;
        fail(new FakeExcelError('InvalidArgument', '(fake) the last operation of this sync was refused'));
      }
      try {
        response += ops[i]!.run() ?? 0;
      } catch (error) {
        syncing = false;
        fail(error);
      }
    }
    syncing = false;
    if (failSync === syncCount && ops.length === 0) fail(new FakeExcelError('InvalidArgument', '(fake) refused'));
    responseSizes.push(response);
    if (mode === 'web' && response > WEB_PAYLOAD_LIMIT)
      fail(new FakeExcelError('ResponsePayloadSizeLimitExceeded', `a response of ${response} bytes`));
    await Promise.resolve();
  };

  const model = (name: string): FakeSheet => {
    const sheet = sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name} in the fake`);
    return sheet;
  };

  return {
    context: context as Excel.RequestContext,
    syncs: () => syncCount,
    /** make the n-th sync (1-based) fail at its last operation, as Excel would on a rejected request: the operations before it have run */
    failOnSync: (n: number) => (failSync = n),
    calls,
    writes,
    /** every Range object handed out for this address ("A1:I8", or a getRanges list) on this sheet */
    rangesAt: (sheet: string, address: string): Any[] => ranges.get(`${sheet}!${address}`) ?? [],
    allRanges: (sheet: string): [string, Any][] =>
      [...ranges]
        .filter(([at]) => at.startsWith(`${sheet}!`))
        .flatMap(([at, list]) => list.map((r): [string, Any] => [at.slice(sheet.length + 1), r])),
    /** every sheet there, hidden ones included, in tab order */
    sheetNames: () => [...sheets.keys()],
    namesOf: (sheet: string) => sheets.get(sheet)?.names ?? new Map<string, string>(),
    /** the model of a sheet: cells, sizes, validations, merges, layout, visibility */
    sheet: model,
    /**
     * A person types into a cell in Excel's grid: the text is read as Excel reads typing (storedOf), and
     * every worksheets.onChanged handler hears of it with the event's documented fields (worksheetId,
     * address, changeType, source, type: learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
     * A locked cell of a protected sheet refuses, as Excel does.
     */
    typeAsUser: async (sheet: string, address: string, text: string): Promise<void> => {
      const target = model(sheet);
      const { row, col } = parseCell(address);
      const current = target.cells.get(key(row, col));
      if (target.protected && current?.unlocked !== true)
        throw new FakeExcelError('AccessDenied', `cell ${address} is locked and the sheet is protected`);
      // what was typed replaces the cell's content (a formula too) and keeps its format and lock
      target.cells.set(key(row, col), {
        ...(current?.format !== undefined && { format: current.format }),
        ...(current?.unlocked && { unlocked: true }),
        ...storedOf(text, current?.format),
      });
      const event = { worksheetId: sheet, address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' };
      for (const handler of [...handlers.changed]) await handler(event);
    },
    /** one cell as Excel holds it */
    cell: (sheet: string, address: string): FakeCell => {
      const { row, col } = parseCell(address);
      return model(sheet).cells.get(key(row, col)) ?? { value: '' };
    },
    /** the sheet's values from A1 to its last used cell */
    values: (sheet: string): unknown[][] => {
      const rect = usedRect(model(sheet));
      return rect ? gridOf(model(sheet), { ...rect, top: 0, left: 0 }, (cell) => cell?.value ?? '') : [];
    },
    /** bytes of each request and response so far, one per sync */
    requestSizes,
    responseSizes,
    handlers,
    columnLetters,
    get active() {
      return active;
    },
  };
}

export type FakeExcel = ReturnType<typeof fakeExcel>;
