/// <reference types="office-js" />
/**
 * A stand-in for Excel built from office-addin-mock objects. The mock keeps property writes and
 * load/sync state but has no addresses, collections or write queue (see TOOLCHAIN.md), so this file
 * adds what the tests need on top: one mock per range asked for, kept by address; collections whose
 * load fills `items`; a log of method calls; and a context.sync spy that syncs every mock made.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { vi } from 'vitest';
import { parseRange, splitReference } from '../../src/sheet/memory/a1';

export interface FakeSheetData {
  name: string;
  /** the sheet's own names: NAME → formula ("='S'!$H$2") */
  names?: Record<string, string>;
  /** what getUsedRangeOrNullObject(true) finds; none for an empty sheet */
  used?: { address: string; formulas: unknown[][]; values: unknown[][] };
}

export interface FakeExcelData {
  sheets: FakeSheetData[];
  /** workbook-scoped names: NAME → formula */
  workbookNames?: Record<string, string>;
  active?: string;
  activeCell?: string;
}

/** A method call on a mock: which sheet, which object ("range A1:I8", "names", "sheet"), what. */
export interface Call {
  sheet: string;
  target: string;
  method: string;
  args: unknown[];
}

/** A property set on a range, in the order made. */
export interface Write {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

type Mock = any;

export function fakeExcel(data: FakeExcelData) {
  const made: OfficeMockObject[] = [];
  const calls: Call[] = [];
  const writes: Write[] = [];
  const ranges = new Map<string, Mock[]>();
  const sheets = new Map<string, Mock>();
  const sheetNames = new Map<string, Map<string, string>>();
  const workbookNames = new Map(Object.entries(data.workbookNames ?? {}));
  const handlers = { changed: [] as ((args: unknown) => Promise<unknown>)[], selection: [] as ((args: unknown) => Promise<unknown>)[] };
  let active = data.active ?? data.sheets[0]?.name ?? '';
  let failSync: number | undefined;

  const mock = (shape: Record<string, unknown>): Mock => {
    const object = new OfficeMockObject(shape as never);
    made.push(object);
    return object;
  };
  const call = (sheet: string, target: string, method: string, args: unknown[]) => calls.push({ sheet, target, method, args });

  /** A collection: its load() fills `items` and loads the item fields asked for ("items/name"). */
  const collection = (shape: Record<string, unknown>, items: () => Mock[]): Mock =>
    mock({
      ...shape,
      load(this: Mock, properties: string) {
        const fields = properties
          .split(',')
          .map((p) => p.trim().replace(/^items\//, ''))
          .filter(Boolean);
        const list = items();
        for (const item of list) item.load(fields);
        this.items = list;
        return this;
      },
    });

  const namedItem = (name: string, formula: string | undefined): Mock => {
    const item = mock({ name, formula: formula ?? '' });
    item.isNullObject = formula === undefined;
    return item;
  };

  const range = (sheetName: string, address: string, shape: Record<string, unknown> = {}): Mock => {
    const edges: Record<string, Mock> = {};
    const target = mock({
      address: `${sheetName}!${address}`,
      format: { fill: {}, font: {}, protection: {}, borders: { getItem: (edge: string) => (edges[edge] ??= {}) } },
      dataValidation: {},
      conditionalFormats: {
        add: (type: string) => {
          const highlight = { type, custom: { rule: {} as Mock, format: { fill: {} as Mock, font: {} as Mock } } };
          call(sheetName, `range ${address}`, 'conditionalFormats.add', [type, highlight]);
          return highlight;
        },
      },
      merge: (across: boolean) => call(sheetName, `range ${address}`, 'merge', [across]),
      select: () => call(sheetName, `range ${address}`, 'select', []),
      ...shape,
    });
    target.rangeAddress = address;
    target.isNullObject = false;
    const logged = new Proxy(target, {
      get: (object, property) => (property === 'load' || property === 'sync' ? object[property].bind(object) : object[property]),
      set: (object, property, value) => {
        writes.push({ sheet: sheetName, address, property: String(property), value });
        object[property] = value;
        return true;
      },
    });
    const key = `${sheetName}!${address}`;
    ranges.set(key, [...(ranges.get(key) ?? []), logged]);
    return logged;
  };

  const worksheet = (sheetData: FakeSheetData): Mock => {
    const name = sheetData.name;
    const names = new Map(Object.entries(sheetData.names ?? {}));
    sheetNames.set(name, names);
    const sheet = mock({
      name,
      id: name,
      // a range inside the used range reads its part of the used range's values
      getRange: (address: string) => range(name, address, sheetData.used ? usedPart(sheetData.used, address) : {}),
      getRanges: (address: string) => range(name, address),
      getUsedRangeOrNullObject: () => {
        if (!sheetData.used) {
          const none = range(name, 'A1', { formulas: [], values: [] });
          none.isNullObject = true;
          return none;
        }
        return range(name, sheetData.used.address, { formulas: sheetData.used.formulas, values: sheetData.used.values });
      },
      protection: { protect: (options: unknown) => call(name, 'sheet', 'protect', [options]) },
      pageLayout: {
        setPrintTitleRows: (rows: string) => call(name, 'pageLayout', 'setPrintTitleRows', [rows]),
        setPrintArea: (area: string) => call(name, 'pageLayout', 'setPrintArea', [area]),
        setPrintMargins: (unit: string, margins: unknown) => call(name, 'pageLayout', 'setPrintMargins', [unit, margins]),
        headersFooters: { defaultForAllPages: {} },
      },
      horizontalPageBreaks: { add: (at: string) => call(name, 'horizontalPageBreaks', 'add', [at]) },
      freezePanes: { freezeRows: (count: number) => call(name, 'freezePanes', 'freezeRows', [count]) },
      autoFilter: { apply: (target: Mock) => call(name, 'autoFilter', 'apply', [target.rangeAddress]) },
      // a chart is a plain object: its title and axis titles are kept as set, its placement logged
      charts: {
        add: (type: string, source: Mock, seriesBy: string) => {
          const chart = {
            name: '',
            title: { text: '' },
            axes: { categoryAxis: { title: { text: '' } }, valueAxis: { title: { text: '' } } },
            legend: { visible: true },
            setPosition: (from: string, to: string) => call(name, 'chart', 'setPosition', [from, to]),
          };
          call(name, 'charts', 'add', [type, source.rangeAddress, seriesBy, chart]);
          return chart;
        },
      },
      activate: () => {
        active = name;
        call(name, 'sheet', 'activate', []);
      },
      delete: () => {
        sheets.delete(name);
        call(name, 'sheet', 'delete', []);
      },
    });
    // the sheet's names collection knows its items (a plain property: a mock child would be put back by sync)
    sheet.names = collection(
      {
        add: (nameToAdd: string, reference: Mock) => {
          const formula = typeof reference === 'string' ? reference : `='${name}'!${absolute(reference.rangeAddress as string)}`;
          names.set(nameToAdd, formula);
          call(name, 'names', 'add', [nameToAdd, typeof reference === 'string' ? reference : reference.rangeAddress]);
        },
        getItemOrNullObject: (key: string) => namedItem(key, names.get(key)),
      },
      () => [...names].map(([key, formula]) => namedItem(key, formula)),
    );
    sheets.set(name, sheet);
    return sheet;
  };

  for (const sheetData of data.sheets) worksheet(sheetData);

  const eventSource = (list: ((args: unknown) => Promise<unknown>)[]) => ({
    add: (handler: (args: unknown) => Promise<unknown>) => {
      list.push(handler);
      return {
        context,
        remove: () => list.splice(list.indexOf(handler), 1),
      };
    },
  });

  const sheetItem = (key: string): Mock => {
    const sheet = sheets.get(key);
    if (!sheet) throw new Error(`ItemNotFound: ${key}`);
    return sheet;
  };

  const context: Mock = mock({
    workbook: {
      getActiveCell: () => range(active, data.activeCell ?? 'A1'),
    },
    application: {
      suspendApiCalculationUntilNextSync: () => call('', 'application', 'suspendApiCalculationUntilNextSync', []),
    },
  });
  context.workbook.worksheets = collection(
    {
      add: (name: string) => {
        call(name, 'worksheets', 'add', [name]);
        return worksheet({ name });
      },
      getItem: sheetItem,
      getItemOrNullObject: (key: string) => {
        const sheet = sheets.get(key);
        if (sheet) return sheet;
        const none = mock({ name: key, delete: () => call(key, 'sheet', 'delete (null object)', []) });
        none.isNullObject = true;
        return none;
      },
      getActiveWorksheet: () => sheetItem(active),
      onChanged: eventSource(handlers.changed),
      onSelectionChanged: eventSource(handlers.selection),
    },
    () => [...sheets.values()],
  );
  context.workbook.names = collection({ getItemOrNullObject: (key: string) => namedItem(key, workbookNames.get(key)) }, () =>
    [...workbookNames].map(([key, formula]) => namedItem(key, formula)),
  );

  let syncCount = 0;
  context.sync = vi.fn(async () => {
    syncCount++;
    if (failSync === syncCount) throw new Error('InvalidArgument (fake)');
    for (const object of made) await OfficeMockObject.prototype.sync.call(object);
    // office-addin-mock finishes its property updates a tick later
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  return {
    context: context as Excel.RequestContext,
    syncs: () => syncCount,
    /** make the n-th sync (1-based) fail, as Excel would on a rejected request */
    failOnSync: (n: number) => (failSync = n),
    calls,
    writes,
    /** every mock handed out for this address ("A1:I8", or a getRanges list) on this sheet */
    rangesAt: (sheet: string, address: string): Mock[] => ranges.get(`${sheet}!${address}`) ?? [],
    allRanges: (sheet: string): [string, Mock][] =>
      [...ranges]
        .filter(([key]) => key.startsWith(`${sheet}!`))
        .flatMap(([key, list]) => list.map((r): [string, Mock] => [key.slice(sheet.length + 1), r])),
    sheetNames: () => [...sheets.keys()],
    namesOf: (sheet: string) => sheetNames.get(sheet) ?? new Map<string, string>(),
    handlers,
    get active() {
      return active;
    },
  };
}

/** The part of the used range's formulas and values that `address` covers (none outside it). */
function usedPart(used: NonNullable<FakeSheetData['used']>, address: string): Record<string, unknown> {
  const whole = parseRange(splitReference(used.address).address);
  const part = parseRange(address);
  if (part.top < whole.top || part.left < whole.left || part.bottom > whole.bottom || part.right > whole.right) return {};
  const cut = (grid: unknown[][]) =>
    grid.slice(part.top - whole.top, part.bottom - whole.top + 1).map((row) => row.slice(part.left - whole.left, part.right - whole.left + 1));
  return { formulas: cut(used.formulas), values: cut(used.values) };
}

function absolute(address: string): string {
  return address.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}
