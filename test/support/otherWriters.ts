// A workbook as writers other than Excel write it (test/sheet/xlsx/otherWriters.test.ts): the Open XML SDK and
// ClosedXML bind x: to SpreadsheetML and name the first sheet's part sheet.xml; Python's ElementTree writes
// relationships as <ns0:Relationship>.
import JSZip from 'jszip';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Every element of `namespace` in `xml` written with `prefix` (the default namespace declared as the prefix). */
function prefixed(xml: string, namespace: string, prefix: string): string {
  const declared = xml.replace(`xmlns="${namespace}"`, `xmlns:${prefix}="${namespace}"`);
  return declared.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (_whole, slash: string, name: string) => `<${slash}${prefix}:${name}`);
}

/** The workbook as the Open XML SDK writes it: x: on SpreadsheetML, ns0: on the relationships, the first
 * sheet's part named sheet.xml, r:id written as rel:id. */
export async function asOtherWriters(bytes: Uint8Array, prefix = 'x'): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const renamed = new Map([
    ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet.xml'],
    ['xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/_rels/sheet.xml.rels'],
  ]);
  const out = new JSZip();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let text = await file.async('string');
    if (name.endsWith('.rels')) text = prefixed(text, PACKAGE_RELS, 'ns0');
    else if (/^xl\/(workbook|styles|sharedStrings|worksheets\/[^/]+)\.xml$/.test(name)) text = prefixed(text, MAIN, prefix);
    if (name === 'xl/workbook.xml') text = text.replace('xmlns:r=', 'xmlns:rel=').replace(/ r:id=/g, ' rel:id=');
    text = text.replace(/worksheets\/sheet1\.xml/g, 'worksheets/sheet.xml');
    out.file(renamed.get(name) ?? name, text);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** `bytes` (a workbook) with `xml` as its first sheet's part (xl/worksheets/sheet1.xml) in place of its own. */
export async function withFirstSheet(bytes: Uint8Array, xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A worksheet part of `rows` (<row> elements as written), SpreadsheetML in the default namespace. */
export const sheetOf = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
