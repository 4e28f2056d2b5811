import { byReadNames } from './xmlNames';
import { type XmlHandlers, XmlScanner } from './xmlScan';

export type { XmlHandlers };

/** Bytes decoded at a time. A string longer than V8's largest ordinary object (128 KB: 64 K characters
 * once one is Chinese) is made in V8's large-object space, at five times the cost a character: a 威海
 * 二级 sheet's 200 KB part decoded whole took 2.1 ms, in pieces of 32 KB 0.4 ms (Node 20), and decoding
 * was a ninth of `mib collect`'s time. The scanner reads text in pieces as it reads a stream. */
const PIECE = 1 << 15;

/** An XML part read as its bytes arrive (a roster's sheet, inflated a piece at a time): `write` each
 * piece in order, then `close`. */
export interface XmlReader {
  write(bytes: Uint8Array): void;
  close(): void;
}

/**
 * One XML part (its bytes, UTF-8 as Excel, WPS and LibreOffice write them) read by the scanner (xmlScan.ts),
 * which reads as saxes does, the conforming streaming parser ExcelJS itself reads workbooks with, in the mode
 * ExcelJS uses (no namespace processing: `x14ac:dyDescent` is one name). An element of SpreadsheetML's
 * namespace is told by its local name whatever prefix the file binds to it (x:row is row: xmlNames.ts).
 * XML that is not well formed throws, as it makes ExcelJS refuse the file.
 */
export function readXml(bytes: Uint8Array, handlers: XmlHandlers): void {
  const reader = xmlReader(handlers);
  reader.write(bytes);
  reader.close();
}

/** The same, for a part whose bytes come in pieces: a piece may end inside a character or a tag. */
export function xmlReader(handlers: XmlHandlers): XmlReader {
  const scanner = new XmlScanner(byReadNames(handlers));
  // a character cut between two pieces is held by the decoder until the next
  const decoder = new TextDecoder();
  return {
    write(bytes) {
      for (let at = 0; at < bytes.length; at += PIECE) scanner.write(decoder.decode(bytes.subarray(at, at + PIECE), { stream: true }));
    },
    close() {
      scanner.write(decoder.decode()).close();
    },
  };
}
