/** What the first bytes of a file say it is, whatever its name: a roster is often saved under the
 * wrong ending, and the message should say what the file really is. */
export type SniffedKind = 'zip' | 'ole' | 'utf16le' | 'utf16be' | 'binary' | 'text';

export function sniff(bytes: Uint8Array): SniffedKind {
  const at = (i: number) => bytes[i];
  // .xlsx (and every OOXML file) is a zip: "PK\3\4"
  if (at(0) === 0x50 && at(1) === 0x4b && at(2) === 0x03 && at(3) === 0x04) return 'zip';
  // the old .xls (and .doc, .et of WPS) is an OLE compound file
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) return 'ole';
  // Excel's “Unicode 文本” is UTF-16 LE with a BOM
  if (at(0) === 0xff && at(1) === 0xfe) return 'utf16le';
  if (at(0) === 0xfe && at(1) === 0xff) return 'utf16be';
  // text in UTF-8 or GBK has no NUL byte; a binary file almost always has one early on
  const head = bytes.subarray(0, 65_536);
  return head.includes(0) ? 'binary' : 'text';
}
