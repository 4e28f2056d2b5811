// A worksheet whose rows and cells leave out their `r` (ECMA-376 makes it optional, and some exporters write
// none) is read where a real spreadsheet puts them: a cell after the cell before it in its row (the first in
// column A, Excel's rule in MS-OI29500 2.1.590), a row after the row before it (the first is row 1). The
// yardstick is LibreOffice: drawn sheets, each with some `r` left out, are opened by LibreOffice and saved
// again (every cell then carries its address), and each of the three readers must show every cell as
// LibreOffice placed it: the whole-sheet reader (xlsxSheets), the collector's (openXlsxCells) and the roster's,
// read a row at a time (readXlsxRows). Half the sheets are drawn as the Open XML SDK writes a workbook
// (<x:row>, sheet.xml: support/otherWriters.ts), so the two ways apart from Excel's are read together. Then
// `mib roster` scores such a roster as it scores the same rows written with their addresses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../src/cli/roster/readXlsx';
import { cellAddress } from '../../../src/sheet/memory/a1';
import { openXlsxCells, xlsxSheets } from '../../../src/sheet/xlsx/xlsxCells';
import { mibOnDisk } from '../../support/mibOnDisk';
import { asOtherWriters, sheetOf, withFirstSheet } from '../../support/otherWriters';
import { type Computed, recalculate, sofficeVersion } from '../../support/sofficeRecalc';

const dir = mkdtempSync(join(tmpdir(), 'mib-no-r-'));

type Value = number | string;
/** A drawn cell: how many columns it skips after the cell before it, its value, and whether it writes `r`. */
interface DrawnCell {
  skip: number;
  value: Value;
  addressed: boolean;
}
interface DrawnRow {
  skip: number;
  addressed: boolean;
  cells: DrawnCell[];
}

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -999, max: 99_999 }),
  fc.constantFrom('江北区人民医院', '某药店', 'A1', '是', '0.5'),
);
// a row or cell that skips some places must write its `r`: without it, it would stand right after the one before
const cellArb = fc
  .record({ skip: fc.constantFrom(0, 0, 0, 1, 3), value: valueArb, addressed: fc.boolean() })
  .map((c) => (c.skip > 0 ? { ...c, addressed: true } : c));
const rowArb = fc
  .record({ skip: fc.constantFrom(0, 0, 0, 1, 2), addressed: fc.boolean(), cells: fc.array(cellArb, { minLength: 1, maxLength: 6 }) })
  .map((r) => (r.skip > 0 ? { ...r, addressed: true } : r));
const sheetArb = fc.array(rowArb, { minLength: 1, maxLength: 8 });

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The sheet's XML: a header row of column names (its own `r`s drawn too), then the drawn rows. */
function sheetXml(header: DrawnRow, rows: readonly DrawnRow[]): string {
  let row = 0;
  const xml = [header, ...rows].map((drawn) => {
    row += 1 + drawn.skip;
    let col = -1;
    const cells = drawn.cells.map((cell) => {
      col += 1 + cell.skip;
      const r = cell.addressed ? ` r="${cellAddress(row - 1, col)}"` : '';
      return typeof cell.value === 'number' ? `<c${r}><v>${cell.value}</v></c>` : `<c${r} t="inlineStr"><is><t>${escaped(cell.value)}</t></is></c>`;
    });
    return `<row${drawn.addressed ? ` r="${row}"` : ''}>${cells.join('')}</row>`;
  });
  return sheetOf(xml.join(''));
}

/** A one-sheet workbook (名单) made by ExcelJS, its sheet's XML then put in place; or (`otherWriters`) the
 * same as the Open XML SDK writes it (x: on every element, the part named sheet.xml: support/otherWriters.ts). */
async function workbookOf(xml: string, otherWriters = false): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('名单').addRow(['x']);
  const bytes = await withFirstSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), xml);
  return otherWriters ? asOtherWriters(bytes) : bytes;
}

const header = (width: number, addressed: boolean): DrawnRow => ({
  skip: 0,
  addressed,
  cells: Array.from({ length: width }, (_, c) => ({ skip: 0, value: `列${c + 1}`, addressed: addressed && c % 2 === 0 })),
});

// each sheet also drawn as Excel or as the Open XML SDK writes a workbook (the two together)
const drawnSheets = fc
  .sample(fc.tuple(sheetArb, fc.boolean(), fc.boolean()), { numRuns: 40, seed: 20261206 })
  .map(([rows, addressed, otherWriters]) => {
    const width = Math.max(...rows.map((r) => r.cells.reduce((n, c) => n + 1 + c.skip, 0)));
    return { rows, xml: sheetXml(header(width, addressed), rows), otherWriters, width, extent: 1 + rows.reduce((n, r) => n + 1 + r.skip, 0) };
  });

describe('rows and cells without their address (r) read where LibreOffice puts them', () => {
  const files: string[] = [];
  let libreOffice: Map<string, Computed>;

  beforeAll(async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    for (const [k, drawn] of drawnSheets.entries()) {
      const file = join(dir, `sheet${k}.xlsx`);
      writeFileSync(file, await workbookOf(drawn.xml, drawn.otherWriters));
      files.push(file);
    }
    libreOffice = await recalculate(files);
  }, 180_000);

  it('the drawn sheets leave out r on rows and cells, and some after a cell that wrote its own', () => {
    const xml = drawnSheets.map((d) => d.xml).join('');
    expect(xml).toMatch(/<row><c>/);
    expect(xml).toMatch(/<row r="\d+"><c>/);
    expect(xml).toMatch(/<c r="[A-Z]+\d+"[^>]*>.*?<\/c><c>/);
    expect(drawnSheets.filter((d) => /<row>/.test(d.xml)).length).toBeGreaterThan(10);
    expect(drawnSheets.filter((d) => d.otherWriters && /<row>/.test(d.xml)).length).toBeGreaterThan(5);
  });

  it('the whole-sheet reader, the collector’s and the roster’s read each cell where LibreOffice does', async () => {
    for (const [k, drawn] of drawnSheets.entries()) {
      const bytes = new Uint8Array(await workbookOf(drawn.xml, drawn.otherWriters));
      const theirs = libreOffice.get(files[k]!)!;
      const whole = xlsxSheets(bytes, 'x.xlsx').sheets[0]!.cells();
      const collected = openXlsxCells(bytes, 'x.xlsx');
      const expected: (Value | null)[][] = [];
      for (let r = 0; r < drawn.extent + 1; r++) {
        const row: (Value | null)[] = [];
        for (let c = 0; c < drawn.width + 1; c++) {
          const address = cellAddress(r, c);
          const value = theirs(address);
          row.push(value as Value | null);
          expect([k, address, whole.cell(address).value]).toEqual([k, address, value]);
          expect([k, address, collected.cell('名单', address).value]).toEqual([k, address, value]);
        }
        expected.push(row);
      }
      // the roster: the header, then each row that holds anything, up to its last value
      const roster = readXlsxRows(bytes, 'x.xlsx');
      const trimmed = (row: (Value | null)[]) => {
        let end = row.length;
        while (end > 0 && row[end - 1] === null) end--;
        return row.slice(0, end);
      };
      expect([k, roster.header]).toEqual([k, trimmed(expected[0]!).map(String)]);
      const rows = expected
        .slice(1)
        .map(trimmed)
        .filter((row) => row.length > 0);
      expect([k, Array.from({ length: roster.count }, (_, i) => roster.row(i))]).toEqual([k, rows]);
    }
  });

  it('mib roster scores a roster written without addresses as it scores the same rows written with them', async () => {
    const names = ['机构编码', '机构名称', '3.1', '3.2', '5.1'];
    const data: Value[][] = [
      ['JB001', '江北区某大药房', '是', 2, 1],
      ['JB002', '某药店', '否', 0, 3],
    ];
    const rowsOf = (addressed: boolean): DrawnRow[] =>
      [names, ...data].map((values) => ({ skip: 0, addressed, cells: values.map((value) => ({ skip: 0, value, addressed })) }));
    const run = async (addressed: boolean) => {
      const [first, ...rest] = rowsOf(addressed);
      const file = join(dir, `roster-${addressed}.xlsx`);
      writeFileSync(file, await workbookOf(sheetXml(first!, rest)));
      return mibOnDisk('roster', 'cq-jiangbei-2025-pharmacy', '--input', file, '--policy', 'cq-jiangbei-2025');
    };
    const [without, withR] = [await run(false), await run(true)];
    expect(without.code).toBe(withR.code);
    expect(without.err.replace(/roster-false/g, 'roster-true')).toBe(withR.err);
    expect(without.out.replace(/roster-false/g, 'roster-true')).toBe(withR.out);
    expect(withR.out).toContain('江北区某大药房');
  });
});
