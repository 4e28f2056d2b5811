// A workbook part's elements by the names the readers ask for, whatever prefix the file writes them with.
//
// Excel, WPS and LibreOffice write SpreadsheetML in the default namespace (<worksheet xmlns="…/main">
// <sheetData><row>…) and the relationship id as r:id. XML lets a file bind any prefix to those namespaces
// instead, and some writers do: the Open XML SDK and ClosedXML write <x:worksheet xmlns:x="…/main">
// <x:sheetData><x:row>… (exceljs/exceljs#1437 could not read such a file), and Python's ElementTree writes a
// relationships part as <ns0:Relationships xmlns:ns0="…">. Excel and LibreOffice read them as the same
// workbook, since the names mean the same in XML's namespaces
// (https://www.w3.org/TR/xml-names/#ns-qualnames); so does this reader. An element of one of these namespaces
// is told by its local name (x:row → row), an attribute in the relationships namespace as r:… (rel:id → r:id);
// every other name is told as written (x14ac:dyDescent, mc:AlternateContent), as an unprefixed one always is.
import type { XmlAttributes } from './xmlAttributes';
import type { XmlHandlers } from './xmlScan';

/** The namespaces whose elements the readers know by their local names (SpreadsheetML's as Excel writes it,
 * and as it writes a "Strict Open XML" workbook, ISO/IEC 29500 Strict; the relationships parts'). */
const READ_BY_LOCAL_NAME = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
]);
/** The namespaces of r:id, the relationship a <sheet> or <hyperlink> stands for (and Strict's). */
const RELATIONSHIPS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/** The longest prefix read on an element where a prefix is bound to these namespaces (writers use x or ns0):
 * a longer one is refused, so that the byte scan that counts rows and cells before a part is read
 * (zipGuard.ts TagFinder) sees every element read as one. */
export const LONGEST_PREFIX = 32;

/**
 * `handlers` told each element by the name the readers ask for. The scanner tells `declare` of each element
 * that declares a namespace (xmlScan.ts); until a declaration binds a prefix to one of these namespaces, the
 * elements go to `handlers` as the scanner tells them, at no cost (every part Excel writes).
 */
export function byReadNames(handlers: XmlHandlers): XmlHandlers {
  const { open, close } = handlers;
  /** prefix → namespace, as declared on the elements open now */
  const bound = new Map<string, string>();
  /** what each declaration hid, to restore when its element closes: depth, prefix, the namespace before */
  const undo: { depth: number; prefix: string; before: string | undefined }[] = [];
  /** prefixes to drop (bound to a namespace read by local names) and to write as r (bound to RELATIONSHIPS) */
  let dropped = new Set<string>();
  let asR = new Set<string>();
  /** the depth of the element open now, kept once names are mapped */
  let depth = 0;

  const rebuild = () => {
    dropped = new Set();
    asR = new Set();
    for (const [prefix, namespace] of bound) {
      if (READ_BY_LOCAL_NAME.has(namespace)) dropped.add(prefix);
      else if (RELATIONSHIPS.has(namespace) && prefix !== 'r') asR.add(prefix);
    }
  };

  /** the declarations of the elements at `depth` or deeper ended (their elements closed) */
  const endAt = (at: number) => {
    let ended = false;
    while (undo.length > 0 && undo[undo.length - 1]!.depth >= at) {
      const { prefix, before } = undo.pop()!;
      if (before === undefined) bound.delete(prefix);
      else bound.set(prefix, before);
      ended = true;
    }
    if (ended) rebuild();
  };

  const readName = (name: string): string => {
    const colon = name.indexOf(':');
    if (colon === -1) return name;
    if (colon > LONGEST_PREFIX) throw new Error(`a prefix longer than ${LONGEST_PREFIX} characters`);
    return dropped.has(name.slice(0, colon)) ? name.slice(colon + 1) : name;
  };

  const renameAttributes = (attributes: XmlAttributes) => {
    for (const [name] of attributes.entries()) {
      const colon = name.indexOf(':');
      if (colon > 0 && asR.has(name.slice(0, colon))) attributes.rename(name, `r:${name.slice(colon + 1)}`);
    }
  };

  const mapped: Pick<XmlHandlers, 'open' | 'close'> = {
    open(name, attributes) {
      depth++;
      if (asR.size > 0) renameAttributes(attributes);
      open?.(dropped.size > 0 ? readName(name) : name, attributes);
    },
    close(name) {
      close?.(dropped.size > 0 ? readName(name) : name);
      if (undo.length > 0 && undo[undo.length - 1]!.depth === depth) endAt(depth);
      depth--;
    },
  };

  const read: XmlHandlers = {
    ...handlers,
    declare(attributes, at) {
      // (where names are not mapped, closing elements end nothing: a declaration of an element that closed
      // ends here, before the next)
      endAt(at);
      for (const [name, namespace] of attributes.entries()) {
        if (!name.startsWith('xmlns:')) continue;
        const prefix = name.slice(6);
        undo.push({ depth: at, prefix, before: bound.get(prefix) });
        bound.set(prefix, namespace);
      }
      rebuild();
      if (read.open !== mapped.open && (dropped.size > 0 || asR.size > 0)) {
        // from this element on, names are mapped (the scanner looks the handlers up again)
        depth = at - 1;
        read.open = mapped.open;
        read.close = mapped.close;
      }
    },
  };
  return read;
}
