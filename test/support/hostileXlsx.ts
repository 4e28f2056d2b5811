// Hostile .xlsx files for the reader's limits (src/sheet/xlsx/zipGuard.ts), made from a real one-row
// workbook whose sheet, strings or parts are then swollen: by the tests at a reduced scale, by the bench
// at full scale (a 3,800,000-row sheet of about 40 MB).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

async function smallWorkbook(): Promise<JSZip> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('名单').addRow(['机构编码', '机构名称']);
  return JSZip.loadAsync(await workbook.xlsx.writeBuffer());
}

/** The header a roster needs (机构编码, 机构名称): manyRows's rows under it are read by a roster reader. */
export const ROSTER_HEADER = ['机构编码', '机构名称'];

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet of `rows` rows of `columns` numbers each, as the XML of the part; with `header`, row 1 is that
 * text instead. */
function sheetXml(rows: number, columns: number, header?: readonly string[]): Buffer {
  const pieces: Buffer[] = [Buffer.from(SHEET_HEAD)];
  const cells = Array.from({ length: columns }, () => '<c><v>1</v></c>').join('');
  if (header) pieces.push(Buffer.from(`<row r="1">${header.map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`));
  // built in blocks of rows, so 3,800,000 rows never stand in one JavaScript string
  const block = 10_000;
  for (let r = header ? 2 : 1; r <= rows; r += block) {
    const n = Math.min(block, rows - r + 1);
    pieces.push(Buffer.from(Array.from({ length: n }, (_, k) => `<row r="${r + k}">${cells}</row>`).join('')));
  }
  pieces.push(Buffer.from(SHEET_TAIL));
  return Buffer.concat(pieces);
}

const zipped = (zip: JSZip) => zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });

/** A workbook whose first sheet holds `rows` rows (the zip bomb of issue 21 at 3,800,000), the first
 * `header` where one is given (a roster's, so that a roster reader reads on to the rows). */
export async function manyRows(rows: number, columns = 1, header?: readonly string[]): Promise<Uint8Array> {
  const zip = await smallWorkbook();
  zip.file('xl/worksheets/sheet1.xml', sheetXml(rows, columns, header));
  return zipped(zip);
}

/** A workbook (a one-row one, or `of`: a filled sheet, whose first sheet collect reads) whose first sheet is
 * `depth` elements opened one inside the other, never closed: within every size limit (10,000,000 of them
 * are 30 MB unzipped), it held saxes 21 s and 3 GB before it was refused. */
export async function nestedTags(depth: number, of?: Uint8Array): Promise<Uint8Array> {
  const zip = of ? await JSZip.loadAsync(of) : await smallWorkbook();
  zip.file('xl/worksheets/sheet1.xml', Buffer.concat([Buffer.from(SHEET_HEAD), Buffer.from('<a>'.repeat(depth))]));
  return zipped(zip);
}

/** A workbook with `count` extra parts beside its own. */
export async function manyParts(count: number): Promise<Uint8Array> {
  const zip = await smallWorkbook();
  for (let i = 0; i < count; i++) zip.file(`xl/extra/part${i}.xml`, '<x/>');
  return zipped(zip);
}

/** A workbook whose shared strings hold `count` texts. */
export async function manyStrings(count: number): Promise<Uint8Array> {
  const zip = await smallWorkbook();
  const body = Array.from({ length: count }, (_, i) => `<si><t>${i}</t></si>`).join('');
  zip.file('xl/sharedStrings.xml', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}">${body}</sst>`);
  return zipped(zip);
}

/** A real workbook whose sheet part says, in the zip's central directory, that it is 100 bytes. */
export async function lyingSize(): Promise<Uint8Array> {
  const bytes = await manyRows(2_000);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = Buffer.from(bytes);
  // central directory headers: "PK\1\2", the name at offset 46, the uncompressed size at offset 24
  for (let at = data.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = data.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const nameLength = data.readUInt16LE(at + 28);
    if (data.subarray(at + 46, at + 46 + nameLength).equals(name)) data.writeUInt32LE(100, at + 24);
  }
  return new Uint8Array(data);
}
