// The collector's own reader of submitted .xlsx files (src/sheet/xlsx/xlsxCells.ts) reads every cell, name
// and sheet as ExcelJS did when mib collect opened the files with it: compared cell by cell with ExcelJS on
// filled and tampered templates and on a workbook of everything a clerk's Excel may hold (shared formulas,
// dates, rich text, links, errors, merged cells, names of several areas or on several sheets).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { nativeInflate } from '../../src/cli/collect/nativeInflate';
import { cellAddress } from '../../src/sheet/memory/a1';
import { collectSourceOf } from '../../src/sheet/xlsx/collectSource';
import { openXlsxCells, xlsxSheets } from '../../src/sheet/xlsx/xlsxCells';
import { loadWorkbook } from '../support/loadWorkbook';
import { readCell } from '../support/readCell';
import { exceljsCells } from '../support/exceljsCells';
import { fillTemplate } from '../support/filledSheet';
import { lyingSize, manyRows } from '../support/hostileXlsx';

const dir = mkdtempSync(join(tmpdir(), 'mib-xlsx-cells-'));

/** Every difference between the two readers: sheets, names, each cell of each sheet (two rows and columns
 * past its extent), each sheet's rows. */
async function differences(bytes: Uint8Array): Promise<string[]> {
  const oracle = await exceljsCells(bytes);
  const read = openXlsxCells(bytes, 'x.xlsx');
  const found: string[] = [];
  if (JSON.stringify(read.sheets) !== JSON.stringify(oracle.sheets)) found.push(`sheets ${JSON.stringify(read.sheets)}`);
  if (JSON.stringify(read.names) !== JSON.stringify(oracle.names))
    found.push(`names ${JSON.stringify(read.names)} ≠ ${JSON.stringify(oracle.names)}`);
  for (const sheet of oracle.sheets) {
    const { rows, columns } = oracle.extent(sheet);
    for (let r = 0; r < rows + 2; r++)
      for (let c = 0; c < columns + 2; c++) {
        const address = cellAddress(r, c);
        const [mine, theirs] = [JSON.stringify(read.cell(sheet, address)), JSON.stringify(oracle.cell(sheet, address))];
        if (mine !== theirs) found.push(`${sheet}!${address}: ${mine} ≠ ${theirs}`);
      }
    if (JSON.stringify(read.rows!(sheet)) !== JSON.stringify(oracle.rows!(sheet))) found.push(`rows of ${sheet}`);
  }
  return found;
}

/** A workbook of what a clerk's Excel may hold beyond what mib template writes. */
async function everything(options: { date1904?: boolean; sharedStrings?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet('考核表');
  sheet.getCell('A1').value = 2;
  sheet.getCell('B1').value = { formula: 'A1*2', result: 4, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellValue;
  sheet.getCell('B2').value = { sharedFormula: 'B1', result: 0 } as ExcelJS.CellValue;
  sheet.getCell('B3').value = { sharedFormula: 'B1' } as ExcelJS.CellValue;
  sheet.getCell('C1').value = { formula: 'SUM($A$1:A1)&"x"', result: '2x' };
  sheet.getCell('C2').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellValue;
  sheet.getCell('C3').value = { formula: '1=1', result: true };
  sheet.getCell('C4').value = { formula: 'TODAY()', result: 45292 };
  sheet.getCell('C4').numFmt = 'yyyy-mm-dd';
  sheet.getCell('D1').value = new Date(Date.UTC(2025, 0, 15));
  sheet.getCell('D2').value = 45000.5;
  sheet.getCell('D2').numFmt = '[$-804]yyyy"年"m"月"d"日"';
  sheet.getCell('D3').value = 12.5;
  sheet.getCell('D3').numFmt = '0.00"元"';
  sheet.getCell('E1').value = { richText: [{ text: '机构' }, { font: { bold: true }, text: '名称' }] };
  sheet.getCell('E2').value = { text: '网站', hyperlink: 'https://example.org' };
  sheet.getCell('E3').value = { error: '#DIV/0!' } as ExcelJS.CellValue;
  sheet.getCell('E4').value = false;
  sheet.getCell('E5').value = '  有空格 & <符号> "引号" ';
  sheet.getCell('E6').value = '';
  sheet.getCell('F1').value = '合并';
  sheet.mergeCells('F1:H2');
  sheet.getCell('F4').value = { formula: 'A1+1', result: 3 };
  sheet.mergeCells('F4:G4');
  sheet.getCell('J9').style = { font: { bold: true } };
  sheet.getCell('K12').value = 'WH0001';
  workbook.definedNames.add("'考核表'!$K$12", 'MIB_RUBRIC');
  workbook.definedNames.add("'考核表'!$A$1:$A$3", 'MIB_AREAS');
  workbook.definedNames.add("'考核表'!$C$1:$C$3", 'MIB_AREAS');
  workbook.definedNames.add("'考核表'!$D$1:$D$2", 'MIB_AREAS');
  const other = workbook.addWorksheet("It's 第二");
  other.getCell('A1').value = 1;
  workbook.definedNames.add("'It''s 第二'!$A$1", 'MIB_TOTAL');
  workbook.definedNames.add("'考核表'!$C$5", 'MIB_TOTAL');
  const files = workbook.addWorksheet('MIB_FILES', { state: 'veryHidden' });
  files.addRow(['kind', 'id', 'text']);
  files.addRow(['rubric', 'x', '{"a":1}']);
  files.addRow([]);
  files.addRow(['policy', null, 'y']);
  return new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: options.sharedStrings ?? true }));
}

describe('a submitted .xlsx reads as ExcelJS read it', () => {
  it('filled templates of each layout, and one tampered with', async () => {
    const filled = [
      await fillTemplate(join(dir, 'weihai.xlsx'), 'weihai-2021-hospital-l2', 'WH1', { '1.1': 2, '2.3': true }, { policyId: 'jilin-2025' }),
      await fillTemplate(join(dir, 'jiangbei.xlsx'), 'cq-jiangbei-2025-hospital', 'J1', { '6.1': 3, '4.1': true }, { withAddinFunctions: true }),
      await fillTemplate(
        join(dir, 'tampered.xlsx'),
        'cq-jiangbei-2025-pharmacy',
        'P1',
        {},
        {
          edit: (sheet, plan) => {
            sheet.getCell(plan.items[0]!.score).value = { formula: '1+1', result: 2 };
            sheet.getCell(plan.items[1]!.score).value = 5;
            sheet.getCell(plan.fields.institutionName).value = new Date(Date.UTC(2024, 5, 1));
          },
        },
      ),
    ];
    for (const { file } of filled) expect(await differences(readFileSync(file)), file).toEqual([]);
  }, 120_000);

  it('shared formulas, dates, rich text, links, errors, merged cells and names of several areas', async () => {
    expect(await differences(await everything())).toEqual([]);
    expect(await differences(await everything({ sharedStrings: false }))).toEqual([]);
    expect(await differences(await everything({ date1904: true }))).toEqual([]);
    // and what it reads is what was written
    const read = openXlsxCells(await everything(), 'x.xlsx');
    expect(read.cell('考核表', 'B3')).toEqual({ formula: '=A3*2', value: null });
    expect(read.cell('考核表', 'D1').value).toBe('2025-01-15');
    expect(read.cell('考核表', 'G2').value).toBe('合并');
    expect(read.names.filter((n) => n.name === 'MIB_TOTAL').map((n) => `${n.sheet}!${n.address}`)).toEqual(["It's 第二!A1", '考核表!C5']);
  });

  it('reads whole the characters a part cuts between the pieces it is decoded in (32 KB)', async () => {
    // texts of three-byte (医) and four-byte (𠀀, two UTF-16 units) characters, offset by one to three ASCII
    // characters, so that across 120 KB of each part some characters of each kind are cut at every place
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('考核表');
    const texts = Array.from({ length: 12 }, (_, k) => 'x'.repeat(k % 4) + (k % 2 ? '𠀀' : '医疗保障').repeat(2_500 + k));
    texts.forEach((text, k) => (sheet.getCell(`A${k + 1}`).value = text));
    for (const sharedStrings of [true, false]) {
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: sharedStrings }));
      expect(await differences(bytes)).toEqual([]);
      const read = openXlsxCells(bytes, 'x.xlsx');
      texts.forEach((text, k) => expect(read.cell('考核表', `A${k + 1}`).value === text, `A${k + 1}`).toBe(true));
    }
  });

  it('a name Excel saves once per sheet (local names) is read from its last definition, as ExcelJS read it', async () => {
    const zip = await JSZip.loadAsync(await everything());
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const local = workbookXml.replace(
      /<definedName name="MIB_TOTAL">[^<]*<\/definedName>/,
      `<definedName name="MIB_TOTAL" localSheetId="1">'It''s 第二'!$A$1</definedName><definedName name="MIB_TOTAL" localSheetId="0">'考核表'!$C$5</definedName>`,
    );
    expect(local).not.toBe(workbookXml);
    zip.file('xl/workbook.xml', local);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await differences(bytes)).toEqual([]);
    expect(openXlsxCells(bytes, 'x.xlsx').names.filter((n) => n.name === 'MIB_TOTAL')).toEqual([
      { name: 'MIB_TOTAL', sheet: '考核表', address: 'C5' },
    ]);
  });

  it('a part that is not well-formed XML is refused as a damaged file, as ExcelJS refused it', async () => {
    const zip = await JSZip.loadAsync(await everything());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', '</sheetDat>'));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(exceljsCells(bytes)).rejects.toThrow(/已损坏或不是 Excel 工作簿/);
    expect(collectSourceOf(bytes, '上报.xlsx')).toEqual({
      source: '上报.xlsx',
      error: '文件已损坏或不是 Excel 工作簿，读不了：请让对方重新保存后再发',
    });
  });

  it('refuses merged ranges that overlap as damaged, as ExcelJS does, wherever the two stand in the list', async () => {
    const withMerges = async (refs: string) => {
      const zip = await JSZip.loadAsync(await everything());
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      const more = refs
        .split(' ')
        .map((ref) => `<mergeCell ref="${ref}"/>`)
        .join('');
      zip.file(
        'xl/worksheets/sheet1.xml',
        sheet.replace(/<mergeCells count="\d+">/, (open) => `${open}${more}`),
      );
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    };
    // B20:B40 and A35:C35 cross, with two merges between them; the second list only touches
    const crossing = await withMerges('B20:B40 D25:E25 F30:G31 A35:C35');
    await expect(exceljsCells(crossing)).rejects.toThrow(/已损坏或不是 Excel 工作簿/);
    expect(collectSourceOf(crossing, '上报.xlsx').error).toBe('文件已损坏或不是 Excel 工作簿，读不了：请让对方重新保存后再发');
    const touching = await withMerges('B20:B40 D25:E25 F30:G31 C35:D35 A41:B41');
    expect(await differences(touching)).toEqual([]);
  });

  it('xlsxSheets (a roster’s reader): each sheet’s state, rows and cells, formulas without results and own formats as ExcelJS reads them', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明', { state: 'hidden' }).addRow(['藏起来的说明']);
    workbook.addWorksheet('另一张', { state: 'veryHidden' });
    const roster = workbook.addWorksheet('名单');
    roster.addRow(['机构编码', '机构名称', '4.1', '4.2', '签约日期']);
    roster.addRow([
      3720,
      { richText: [{ text: '江北' }, { text: '医院' }] },
      { formula: 'NA()', result: { error: '#N/A' } },
      { formula: 'C2+1' },
      new Date(Date.UTC(2025, 0, 31)),
    ]);
    roster.getCell('A2').numFmt = '00000';
    roster.addRow([]);
    roster.addRow([12, '某药店', { formula: '1+1', result: 2 }, '', true]);
    roster.getCell('A4').numFmt = '0';
    roster.mergeCells('B6:C6');
    roster.getCell('B6').value = '合并';
    roster.getCell('F8').style = { font: { bold: true } };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const oracle = await loadWorkbook(bytes, 'x.xlsx');
    const read = xlsxSheets(bytes, 'x.xlsx');
    expect(read.sheets.map((sheet) => [sheet.name, sheet.state ?? 'visible'])).toEqual(oracle.worksheets.map((sheet) => [sheet.name, sheet.state]));
    for (const sheet of oracle.worksheets) {
      const cells = read.sheets.find((s) => s.name === sheet.name)!.cells();
      expect([sheet.name, cells.rowCount]).toEqual([sheet.name, sheet.rowCount]);
      for (let r = 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const theirs = Array.from({ length: row.cellCount }, (_, c) => readCell(row.getCell(c + 1)));
        expect([r, cells.rowCells(r - 1)]).toEqual([r, theirs]);
        // a number's format of the file's own as ExcelJS gives it (a code typed as a number, shown with its
        // zeros: 00000); a built-in one (0) ExcelJS names, where the reader says none
        theirs.forEach((cell, c) => {
          if (typeof cell.value !== 'number') return;
          const own = read.ownFormats[cells.styleAt(r - 1, c)];
          const numFmt = row.getCell(c + 1).numFmt;
          if (own !== undefined || /^0{2,}$/.test(numFmt ?? '')) expect([r, c, own]).toEqual([r, c, numFmt]);
        });
      }
    }
  });

  it('keeps the limits with either inflater (pako in the pane, zlib on the command line)', async () => {
    const bomb = await manyRows(100_001 + 10);
    const lying = await lyingSize();
    for (const inflate of [undefined, nativeInflate]) {
      expect(collectSourceOf(bomb, '上报.xlsx', inflate).error).toMatch(/^文件有一张工作表超过 100,001 行/);
      expect(collectSourceOf(lying, '上报.xlsx', inflate).error).toMatch(/解压后比文件自己声明的大小（0\.0 MB）还大/);
    }
    const good = await everything();
    expect(openXlsxCells(good, 'x.xlsx', nativeInflate).cell('考核表', 'C1')).toEqual(openXlsxCells(good, 'x.xlsx').cell('考核表', 'C1'));
  }, 60_000);
});
