// Workbooks as writers other than Excel write them, read as Excel and LibreOffice read them. The Open XML SDK
// and ClosedXML (the .NET libraries many information systems export with) bind the prefix x: to
// SpreadsheetML's namespace (<x:worksheet xmlns:x="…"><x:sheetData><x:row>…) and name a workbook's first sheet
// xl/worksheets/sheet.xml; Python's ElementTree writes relationships as <ns0:Relationship>. ExcelJS read
// none of these (exceljs/exceljs#1437), and the reader, which read as ExcelJS did, said such a file had no
// worksheet. The yardstick is LibreOffice: it shows the rewritten workbook cell for cell as the one Excel
// wrote; the readers must too, and the limits must still count every row.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../src/cli/roster/readXlsx';
import { cellAddress } from '../../../src/sheet/memory/a1';
import { XLSX_LIMITS } from '../../../src/sheet/xlsx/limits';
import { openXlsxCells, xlsxSheets } from '../../../src/sheet/xlsx/xlsxCells';
import { collectSourceOf } from '../../../src/sheet/xlsx/collectSource';
import { mibOnDisk } from '../../support/mibOnDisk';
import { recalculate, sofficeVersion } from '../../support/sofficeRecalc';
import { asOtherWriters, MAIN, sheetOf, withFirstSheet } from '../../support/otherWriters';

const dir = mkdtempSync(join(tmpdir(), 'mib-other-writers-'));

/** A roster with what a clerk's file holds: shared strings, a code kept as text, a date, a number shown with
 * a format of its own, a link (the sheet's own relationships), a defined name, and a second sheet. */
async function excelWritten(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['机构编码', '机构名称', '3.1', '3.2', '5.1', '签约日期']);
  sheet.addRow(['03720', '江北区某大药房', '是', 2, 1, new Date(Date.UTC(2025, 0, 15))]);
  sheet.addRow(['JB002', { text: '某药店', hyperlink: 'https://example.org' }, '否', 0, 3, null]);
  sheet.addRow(['JB003', '第三家药店', '否', 1.5, 2, null]);
  sheet.getCell('D4').numFmt = '0.00"次"';
  workbook.addWorksheet('说明').addRow(['本表由信息系统导出']);
  workbook.definedNames.add("'名单'!$A$1", 'MIB_TEST');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('workbooks as the Open XML SDK, ClosedXML and ElementTree write them', () => {
  it('LibreOffice shows the rewritten workbook as the one Excel wrote, and so does each reader', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const excel = await excelWritten();
    const other = await asOtherWriters(excel);
    // the rewriting did what it says
    const parts = await JSZip.loadAsync(other);
    expect(Object.keys(parts.files)).toContain('xl/worksheets/sheet.xml');
    expect(await parts.file('xl/worksheets/sheet.xml')!.async('string')).toMatch(/<x:sheetData><x:row r="1"[^>]*><x:c r="A1"/);
    expect(await parts.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(/<ns0:Relationship /);
    expect(await parts.file('xl/workbook.xml')!.async('string')).toMatch(/<x:sheet [^>]*rel:id="rId\d+"/);

    const files = [join(dir, 'excel.xlsx'), join(dir, 'other.xlsx')];
    writeFileSync(files[0]!, excel);
    writeFileSync(files[1]!, other);
    const shown = await recalculate(files);
    const [byExcel, byOther] = [shown.get(files[0]!)!, shown.get(files[1]!)!];
    const [mine, theirs] = [openXlsxCells(other, 'other.xlsx'), openXlsxCells(excel, 'excel.xlsx')];
    expect(mine.sheets).toEqual(theirs.sheets);
    expect(mine.names).toEqual(theirs.names);
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 8; c++) {
        const address = cellAddress(r, c);
        // LibreOffice: the two files alike, and the value where the reader has one
        expect([address, byOther(address)]).toEqual([address, byExcel(address)]);
        expect([address, mine.cell('名单', address)]).toEqual([address, theirs.cell('名单', address)]);
      }
    expect(mine.cell('名单', 'B2').value).toBe(byOther('B2'));
    expect(mine.cell('名单', 'D4').value).toBe(byOther('D4'));
    expect(mine.rows!('说明')).toEqual([['本表由信息系统导出']]);

    const [whole, wholeExcel] = [xlsxSheets(other, 'o.xlsx'), xlsxSheets(excel, 'e.xlsx')];
    expect(whole.ownFormats).toEqual(wholeExcel.ownFormats);
    const [cells, cellsExcel] = [whole.sheets[0]!.cells(), wholeExcel.sheets[0]!.cells()];
    expect(Array.from({ length: cells.rowCount }, (_, r) => cells.rowCells(r))).toEqual(
      Array.from({ length: cellsExcel.rowCount }, (_, r) => cellsExcel.rowCells(r)),
    );
    const rows = (bytes: Uint8Array) => {
      const table = readXlsxRows(bytes, 'r.xlsx');
      return { sheet: table.sheetName, header: table.header, rows: Array.from({ length: table.count }, (_, i) => table.row(i)) };
    };
    expect(rows(other)).toEqual(rows(excel));
    expect(rows(other).rows[0]).toEqual(['03720', '江北区某大药房', '是', 2, 1, '2025-01-15']);
  }, 180_000);

  it('mib roster scores the rewritten roster as the one Excel wrote', async () => {
    const excel = await excelWritten();
    const files = { excel: join(dir, 'roster-excel.xlsx'), other: join(dir, 'roster-other.xlsx') };
    writeFileSync(files.excel, excel);
    writeFileSync(files.other, await asOtherWriters(excel));
    const run = (file: string) => mibOnDisk('roster', 'cq-jiangbei-2025-pharmacy', '--input', file, '--policy', 'cq-jiangbei-2025');
    const [byExcel, byOther] = [await run(files.excel), await run(files.other)];
    expect(byOther.code).toBe(byExcel.code);
    expect(byOther.out.replaceAll(files.other, files.excel)).toBe(byExcel.out);
    expect(byExcel.out).toContain('3 家机构');
  });

  it('still counts every row against the limit, prefixed or not, and refuses a prefix no writer uses', async () => {
    const rows = XLSX_LIMITS.rows + 5;
    const body = Array.from({ length: rows }, (_, k) => `<x:row r="${k + 1}"><x:c r="A${k + 1}"><x:v>1</x:v></x:c></x:row>`).join('');
    const tooMany = await withFirstSheet(
      await excelWritten(),
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${body}</x:sheetData></x:worksheet>`,
    );
    expect(collectSourceOf(tooMany, '上报.xlsx').error).toMatch(/有一张工作表超过 100,001 行/);
    expect(() => readXlsxRows(tooMany, 'r.xlsx')).toThrow(/有一张工作表超过 100,001 行/);

    const long = 'p'.repeat(33);
    const withLong = await asOtherWriters(await excelWritten(), long);
    expect(collectSourceOf(withLong, '上报.xlsx').error).toBe('文件已损坏或不是 Excel 工作簿，读不了：请让对方重新保存后再发');
    const withShort = await asOtherWriters(await excelWritten(), 'p'.repeat(32));
    expect(collectSourceOf(withShort, '上报.xlsx').error).toBeUndefined();
  });
});

describe('a date written as its ISO 8601 text (t="d", the standard’s date cell)', () => {
  it('reads as the date LibreOffice shows, where ExcelJS read the year as a number', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const cells = ['2025-01-15', '2025-01-15T09:30:00', '1999-12-31T23:59:59.5', '2024-02-29', '2025-02-30', '某日'];
    const row = cells.map((text, c) => `<c r="${cellAddress(1, c)}" t="d"><v>${text}</v></c>`).join('');
    const bytes = await withFirstSheet(
      await excelWritten(),
      sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>签约日期</t></is></c></row><row r="2">${row}</row>`),
    );
    const file = join(dir, 'dates.xlsx');
    writeFileSync(file, bytes);
    const libreOffice = (await recalculate([file])).get(file)!;
    // LibreOffice's serial numbers of days since 1899-12-30, as dates
    const day = (serial: unknown) => new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(serial)) * 86_400_000).toISOString().slice(0, 10);
    const read = openXlsxCells(bytes, 'dates.xlsx');
    const shown = cells.map((_, c) => read.cell('名单', cellAddress(1, c)).value);
    expect(shown.slice(0, 4)).toEqual([0, 1, 2, 3].map((c) => day(libreOffice(cellAddress(1, c)))));
    expect(shown.slice(0, 4)).toEqual(['2025-01-15', '2025-01-15', '1999-12-31', '2024-02-29']);
    // not a date: the text as written, never a number
    expect(shown.slice(4)).toEqual(['2025-02-30', '某日']);
    expect(readXlsxRows(bytes, 'r.xlsx').row(0)).toEqual(['2025-01-15', '2025-01-15', '1999-12-31', '2024-02-29', '2025-02-30', '某日']);
  }, 180_000);
});

describe('a boolean cell (t="b") written as XML Schema allows, 1, 0, true or false', () => {
  it('reads as LibreOffice does where the value is a number or false; true is true, and other text stays text', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const values = ['1', '0', ' 1 ', 'false', 'true', 'TRUE', 'abc'];
    const row = values.map((v, c) => `<c r="${cellAddress(1, c)}" t="b"><v>${v}</v></c>`).join('');
    const bytes = await withFirstSheet(
      await excelWritten(),
      sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>3.1</t></is></c></row><row r="2">${row}</row>`),
    );
    const file = join(dir, 'booleans.xlsx');
    writeFileSync(file, bytes);
    const libreOffice = (await recalculate([file])).get(file)!;
    const read = openXlsxCells(bytes, 'booleans.xlsx');
    const shown = values.map((_, c) => read.cell('名单', cellAddress(1, c)).value);
    // 1, 0, " 1 " and false as LibreOffice reads them (ExcelJS read false as TRUE)
    expect(shown.slice(0, 4)).toEqual([0, 1, 2, 3].map((c) => libreOffice(cellAddress(1, c))));
    expect(shown.slice(0, 4)).toEqual([true, false, true, false]);
    // true is true by XML Schema (LibreOffice reads any word as FALSE); other text is left to be questioned
    expect(shown.slice(4)).toEqual([true, 'TRUE', 'abc']);
  }, 180_000);
});

describe('text as its XML says, and a formula’s text or error result under a date format', () => {
  it('reads as LibreOffice shows it, where ExcelJS decoded "&lt;" a second time and made the result an invalid date', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    // a sheet named A&lt;B (written A&amp;lt;B), a date-formatted cell's style for the results
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A&lt;B').addRow([new Date(Date.UTC(2025, 0, 15))]);
    workbook.addWorksheet('说明').addRow(['本表由信息系统导出']);
    const excel = new Uint8Array(await workbook.xlsx.writeBuffer());
    const dateStyle = /<c r="A1" s="(\d+)"/.exec(await (await JSZip.loadAsync(excel)).file('xl/worksheets/sheet1.xml')!.async('string'))![1];
    const cells = [
      // a formula's text and a text written as a formula's result would be, each holding "&lt;" as text
      '<c r="A2" t="str"><f>"a&amp;lt;b"</f><v>a&amp;lt;b</v></c>',
      '<c r="B2" t="str"><v>p&amp;amp;q</v></c>',
      // under a date format: a text result, an error, a number and TRUE (LibreOffice reads it as 1)
      `<c r="C2" s="${dateStyle}" t="str"><f>"某日"</f><v>某日</v></c>`,
      `<c r="D2" s="${dateStyle}" t="e"><f>NA()</f><v>#N/A</v></c>`,
      `<c r="E2" s="${dateStyle}"><f>1+45671</f><v>45672</v></c>`,
      `<c r="F2" s="${dateStyle}" t="b"><f>TRUE()</f><v>1</v></c>`,
    ];
    const header = ['机构编码', '机构名称', '备注', '4.1', '签约日期', '3.1'];
    const headerRow = header.map((text, c) => `<c r="${cellAddress(0, c)}" t="inlineStr"><is><t>${text}</t></is></c>`).join('');
    const bytes = await withFirstSheet(excel, sheetOf(`<row r="1">${headerRow}</row><row r="2">${cells.join('')}</row>`));
    const file = join(dir, 'texts.xlsx');
    writeFileSync(file, bytes);
    const libreOffice = (await recalculate([file])).get(file)!;
    const read = openXlsxCells(bytes, 'texts.xlsx');
    expect(read.sheets).toEqual(libreOffice.sheetNames);
    expect(read.sheets[0]).toBe('A&lt;B');
    const shown = (address: string) => read.cell('A&lt;B', address);
    // the texts as LibreOffice shows them
    for (const address of ['A2', 'B2', 'C2']) expect(shown(address).value).toBe(libreOffice(address));
    expect(['A2', 'B2', 'C2'].map((a) => shown(a).value)).toEqual(['a&lt;b', 'p&amp;q', '某日']);
    // the error shows as LibreOffice shows it (the collector's cells give an error as its text)
    expect(shown('D2').value).toBe(libreOffice('D2'));
    expect(libreOffice('D2')).toBe('#N/A');
    // a number and TRUE under a date format are the date of that serial, as LibreOffice has them
    const day = (serial: unknown) => new Date(Date.UTC(1899, 11, 30) + Number(serial) * 86_400_000).toISOString().slice(0, 10);
    expect([shown('E2').value, shown('F2').value]).toEqual([day(libreOffice('E2')), day(libreOffice('F2'))]);
    // the roster takes the same cells, and lists the error as the row's problem
    const roster = readXlsxRows(bytes, 'r.xlsx');
    expect(roster.row(0)).toEqual(['a&lt;b', 'p&amp;q', '某日', '#N/A', '2025-01-15', '1899-12-31']);
    expect(roster.problems.map((p) => p.message)).toEqual(['A&lt;B!D2 是错误值 #N/A，请更正该单元格']);
  }, 180_000);
});

describe('a workbook in the namespaces of ISO/IEC 29500 Strict (Excel’s “Strict Open XML” save)', () => {
  it('reads as LibreOffice reads it, with the prefixes of the Open XML SDK or without', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
    const strict = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      for (const [name, file] of Object.entries(zip.files)) {
        if (file.dir) continue;
        const text = await file.async('string');
        zip.file(
          name,
          text
            .replaceAll(MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
            .replaceAll(
              'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
              'http://purl.oclc.org/ooxml/officeDocument/relationships',
            ),
        );
      }
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    };
    const excel = await excelWritten();
    const kinds = { plain: await strict(excel), prefixed: await strict(await asOtherWriters(excel)) };
    expect(new TextDecoder().decode(kinds.prefixed)).not.toContain('schemas.openxmlformats.org/spreadsheetml');
    const files = Object.keys(kinds).map((kind) => join(dir, `strict-${kind}.xlsx`));
    Object.values(kinds).forEach((bytes, k) => writeFileSync(files[k]!, bytes));
    const shown = await recalculate(files);
    const byExcel = openXlsxCells(excel, 'excel.xlsx');
    for (const [k, bytes] of Object.values(kinds).entries()) {
      const read = openXlsxCells(bytes, 'strict.xlsx');
      expect(read.sheets).toEqual(byExcel.sheets);
      for (const address of ['A1', 'B2', 'C3', 'D4', 'E2', 'A4']) {
        expect([k, address, read.cell('名单', address)]).toEqual([k, address, byExcel.cell('名单', address)]);
        expect([k, address, read.cell('名单', address).value]).toEqual([k, address, shown.get(files[k]!)!(address)]);
      }
    }
  }, 180_000);
});
