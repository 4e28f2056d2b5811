// A strict XML 1.0 scanner for the parts of an .xlsx (xmlEvents.ts): it tells the same elements, attributes
// and text that saxes (the conforming parser ExcelJS reads workbooks with) tells in its non-namespace mode,
// and refuses what saxes refuses (test/sheet/xlsx/xmlScan.test.ts draws documents, well formed and not, and
// holds the two to the same events and the same refusals). Written by hand because saxes reads a character
// at a time through a state machine and makes objects as it goes: reading a 威海 二级 submission's 420 KB of
// XML made 5.8 MB of garbage (2.7 MB now), and saxes took a third of `mib collect`'s time (issue 21). saxen,
// the faster parser on npm that is kept up, was a sixth faster on that sheet, and neither it nor htmlparser2
// refuses malformed XML, which a damaged or hostile file needs. This one finds each token with indexOf and
// makes only the names, values and texts it hands on: the sheet in 1.5 ms, where saxes takes 2.6 ms.
// Not supported, as in no workbook part: a DOCTYPE (refused: it is where entity bombs live), markup of over a
// megabyte, elements nested over 512 deep.
import { isChar, NAME_RE } from 'xmlchars/xml/1.0/ed5';
import { fail, XmlAttributes } from './xmlAttributes';

/** What a reader of one XML part is told: each element opened (its qualified name and attributes, entities
 * decoded), the text between tags (in pieces: join them), and each element closed. */
export interface XmlHandlers {
  /** `attributes` holds the element's until the call returns (the scanner reads the next tag into it) */
  open?(name: string, attributes: XmlAttributes): void;
  text?(text: string): void;
  close?(name: string): void;
  /** before `open`, for an element that declares a namespace (xmlns, xmlns:…), `depth` its depth (the root 1);
   * the handlers' open and close are looked up again after it (xmlNames.ts may change them) */
  declare?(attributes: XmlAttributes, depth: number): void;
}

/** The longest markup (a tag with its attributes, a comment, a PI, a CDATA section) waited for across
 * pieces: Excel writes none over a few kilobytes (a cell's text is text, not markup), and a longer one,
 * scanned again as each piece comes, would cost its length times the pieces. */
const LONGEST_MARKUP = 1 << 20;
/** The deepest elements may nest: a workbook's parts nest a dozen deep at most, and each open element is
 * held (a hostile part of nothing but `<a>` would hold a name for every four bytes). */
const DEEPEST = 512;
/** The longest entity reference waited for across pieces (&#x10FFFF; is ten characters). */
const LONGEST_ENTITY = 64;

// characters XML 1.0 does not allow (Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]);
// the text comes from a TextDecoder, which never leaves a lone surrogate
// eslint-disable-next-line no-control-regex
const NOT_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
// what makes a text more than its characters: an entity, a carriage return, "]]>", a character not allowed
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|]]>/;
const ONLY_S = /^[ \t\r\n]*$/;
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>$/;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The names with a character past ASCII already found to be XML names, up to a bound a hostile part cannot grow. */
const knownNames = new Set<string>();

// an ASCII character's place in a name: 2 may start one, 1 may only follow, 0 ends it
const NAME_ASCII = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z_:]/.test(String.fromCharCode(c)) ? 2 : /[0-9.-]/.test(String.fromCharCode(c)) ? 1 : 0,
);

/** Where the name that starts at `from` ends (at the first ASCII character that cannot be in a name), or −1
 * when `s` ends first; throws where there is no name, or it is not an XML name. Names of ASCII alone (all
 * of a workbook's) are judged as they are read; others by xmlchars's rule, which saxes follows. */
function nameEnd(s: string, from: number): number {
  const n = s.length;
  let i = from;
  let beyondAscii = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) beyondAscii = true;
    else if (NAME_ASCII[c] === 0) break;
  }
  if (i >= n) return -1;
  if (i === from) fail('a name expected');
  if (beyondAscii) {
    const name = s.slice(from, i);
    if (!knownNames.has(name)) {
      if (!NAME_RE.test(name)) fail(`malformed name: ${name.slice(0, 40)}`);
      if (knownNames.size < 1024) knownNames.add(name);
    }
  } else if (NAME_ASCII[s.charCodeAt(from)] !== 2) fail(`malformed name: ${s.slice(from, Math.min(i, from + 40))}`);
  return i;
}

/** `&…;` references replaced by their characters; throws on one that is not XML's. */
function decodeEntities(text: string): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', from)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1) fail('an & that starts no entity');
    out += text.slice(from, amp) + entity(text, amp + 1, semi);
    from = semi + 1;
  }
  return out + text.slice(from);
}

/** The character the entity text[from, to) (between "&" and ";") stands for (a reference to a character
 * XML does not allow is refused by xmlchars's rule, which saxes follows). */
function entity(text: string, from: number, to: number): string {
  const length = to - from;
  if (length === 4 && text.startsWith('quot', from)) return '"';
  if (length === 3 && text.startsWith('amp', from)) return '&';
  if (length === 2 && text.startsWith('lt', from)) return '<';
  if (length === 2 && text.startsWith('gt', from)) return '>';
  if (length === 4 && text.startsWith('apos', from)) return "'";
  if (length === 0) return fail('empty entity name');
  if (text.charCodeAt(from) !== 35) return fail('undefined entity');
  const hex = text.charCodeAt(from + 1) === 120;
  const digits = text.slice(from + (hex ? 2 : 1), to);
  if (!(hex ? /^[0-9A-Fa-f]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)) return fail('malformed character entity');
  const code = parseInt(digits, hex ? 16 : 10);
  return isChar(code) ? String.fromCodePoint(code) : fail('a character entity XML does not allow');
}

/**
 * One XML document, written in pieces of text in order (a piece may end anywhere, in a tag or an entity),
 * then closed. Each element opened is told with its attributes (entities decoded, whitespace normalised as
 * XML says), each text (line ends normalised; told in pieces: join them), each element closed (an empty
 * element too). Throws XmlNotWellFormed at the first thing that is not well-formed XML.
 */
export class XmlScanner {
  readonly #handlers: XmlHandlers;
  #open: XmlHandlers['open'];
  readonly #text: XmlHandlers['text'];
  #close: XmlHandlers['close'];
  /** what was written and not yet read: a token cut by the end of a piece */
  #rest = '';
  readonly #stack: string[] = [];
  readonly #attributes = new XmlAttributes();
  /** nothing read yet (an XML declaration may come only first) */
  #atStart = true;
  #sawRoot = false;
  #closed = false;

  constructor(handlers: XmlHandlers) {
    this.#handlers = handlers;
    this.#open = handlers.open;
    this.#text = handlers.text;
    this.#close = handlers.close;
  }

  write(piece: string): this {
    if (this.#closed) fail('written after close');
    const s = this.#rest === '' ? piece : this.#rest + piece;
    this.#rest = '';
    const at = this.#scan(s, false);
    if (at < s.length) {
      this.#rest = s.slice(at);
      if (this.#rest.charCodeAt(0) === 60 && this.#rest.length > LONGEST_MARKUP) fail('markup longer than a megabyte');
    }
    return this;
  }

  close(): void {
    if (this.#closed) return;
    const s = this.#rest;
    this.#rest = '';
    if (this.#scan(s, true) < s.length) fail('unexpected end');
    this.#closed = true;
    if (this.#stack.length > 0) fail(`unclosed tag: ${this.#stack[this.#stack.length - 1]}`);
    if (!this.#sawRoot) fail('document must contain a root element');
  }

  /** Reads `s` from its start; returns where it stopped (at a token the end of `s` cuts, unless `last`). */
  #scan(s: string, last: boolean): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt !== i) {
        const end = lt === -1 ? n : lt;
        const upTo = lt === -1 && !last ? this.#textEnd(s, i, end) : end;
        if (upTo > i) this.#textBetween(s.slice(i, upTo));
        i = upTo;
        if (lt === -1) return i;
        continue;
      }
      const next = lt + 1 < n ? s.charCodeAt(lt + 1) : -1;
      let after: number;
      if (next === -1) after = -1;
      else if (next === 47) after = this.#endTag(s, lt);
      else if (next === 33) after = this.#bang(s, lt);
      else if (next === 63) after = this.#instruction(s, lt);
      else after = this.#startTag(s, lt);
      if (after === -1) {
        if (last) fail('unexpected end');
        return lt;
      }
      this.#atStart = false;
      i = after;
    }
    return i;
  }

  /** Where the text of s[from, end) may be read to when more may follow: not into an entity, a "\r" or a
   * "]" the next piece may complete. */
  #textEnd(s: string, from: number, end: number): number {
    let upTo = end;
    const amp = s.lastIndexOf('&', end - 1);
    if (amp >= from && s.indexOf(';', amp) === -1) {
      if (end - amp > LONGEST_ENTITY) fail('an & that starts no entity');
      upTo = amp;
    }
    // a "\r" whose "\n" may follow, else the "]]" of a "]]>" (two at most: a hostile run of "]" is not held)
    if (upTo > from && s.charCodeAt(upTo - 1) === 13) upTo--;
    else for (let k = 0; k < 2 && upTo > from && s.charCodeAt(upTo - 1) === 93; k++) upTo--;
    return upTo;
  }

  /** Text between markup: character data within the root, whitespace alone outside it. */
  #textBetween(raw: string): void {
    this.#atStart = false;
    if (this.#stack.length === 0) {
      if (!ONLY_S.test(raw)) fail('text data outside of root node');
      return;
    }
    let text = raw;
    if (TEXT_SPECIAL.test(raw)) {
      if (raw.includes(']]>')) fail('"]]>" in text');
      if (NOT_CHAR.test(raw)) fail('disallowed character');
      if (raw.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      if (raw.includes('&')) text = decodeEntities(text);
    }
    this.#text?.(text);
  }

  /** `</name S?>` at lt: where it ends, or −1 when cut. */
  #endTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt === -1) return -1;
    let end = gt;
    while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
    const name = s.slice(lt + 2, end);
    const open = this.#stack.pop();
    if (open === undefined) fail(`unmatched closing tag: ${name.slice(0, 40)}`);
    if (name !== open) fail(`unexpected close tag: ${name.slice(0, 40)}`);
    this.#close?.(name);
    return gt + 1;
  }

  /** `<name attributes… /?>` at lt: where it ends, or −1 when cut. */
  #startTag(s: string, lt: number): number {
    const n = s.length;
    let i = nameEnd(s, lt + 1);
    if (i === -1) return -1;
    const name = s.slice(lt + 1, i);
    if (this.#stack.length === 0 && this.#sawRoot) fail('documents may contain only one root');
    const attributes = this.#attributes;
    attributes.clear();
    for (;;) {
      // whitespace, then an attribute, the end or "/>"
      const before = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === 62) return this.#opened(name, attributes, false, i + 1);
      if (c === 47) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== 62) fail('forward-slash in opening tag not followed by >');
        return this.#opened(name, attributes, true, i + 2);
      }
      if (i === before) fail('no whitespace between attributes');
      const start = i;
      i = nameEnd(s, start);
      if (i === -1) return -1;
      const key = s.slice(start, i);
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== 61) fail('attribute without value');
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== 34 && quote !== 39) fail('unquoted attribute value');
      // (a value is a few characters: a loop finds its end sooner than indexOf, and sees what needs more)
      let close = i + 1;
      let special = false;
      for (; close < n; close++) {
        const v = s.charCodeAt(close);
        if (v === quote) break;
        if (v < 32 || v === 38 || v === 60 || v >= 0xfffe) special = true;
      }
      if (close >= n) return -1;
      let value = s.slice(i + 1, close);
      if (special) {
        if (value.includes('<') || NOT_CHAR.test(value)) fail('disallowed character in attribute value');
        // line ends, then each whitespace character as a space; a character entity's stays itself
        value = value.replace(/\r\n|[\r\n\t]/g, ' ');
        if (value.includes('&')) value = decodeEntities(value);
      }
      attributes.add(key, value);
      i = close + 1;
    }
  }

  #opened(name: string, attributes: XmlAttributes, empty: boolean, after: number): number {
    this.#sawRoot = true;
    const depth = this.#stack.push(name);
    if (depth > DEEPEST) fail('elements nested too deep');
    if (attributes.declares && this.#handlers.declare) {
      this.#handlers.declare(attributes, depth);
      this.#open = this.#handlers.open;
      this.#close = this.#handlers.close;
    }
    this.#open?.(name, attributes);
    if (empty) {
      this.#stack.pop();
      this.#close?.(name);
    }
    return after;
  }

  /** `<!--…-->`, `<![CDATA[…]]>` (its text is not told, as saxes tells it apart and the parts' readers, as
   * ExcelJS's, take text alone) or a DOCTYPE (refused) at lt: where it ends, or −1 when cut. */
  #bang(s: string, lt: number): number {
    const head = s.slice(lt, lt + 9);
    if (head.startsWith('<!--')) {
      const end = s.indexOf('-->', lt + 4);
      if (end === -1) return -1;
      const body = s.slice(lt + 4, end);
      if (body.includes('--') || body.endsWith('-')) fail('malformed comment');
      if (NOT_CHAR.test(body)) fail('disallowed character');
      return end + 3;
    }
    if (head === '<![CDATA[') {
      if (this.#stack.length === 0) fail('text data outside of root node');
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (NOT_CHAR.test(s.slice(lt + 9, end))) fail('disallowed character');
      return end + 3;
    }
    if ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head)) return -1;
    return fail(head.startsWith('<!DOCTYPE') || '<!DOCTYPE'.startsWith(head) ? 'a DOCTYPE' : 'incorrect syntax');
  }

  /** `<?target data?>`, or the XML declaration first of all, at lt: where it ends, or −1 when cut. The target
   * is a name, followed by whitespace or by the "?" of the end (saxes reads `<?a?b?>` as the target a). */
  #instruction(s: string, lt: number): number {
    const end = s.indexOf('?>', lt + 2);
    if (end === -1) return -1;
    const targetEnd = nameEnd(s, lt + 2);
    if (targetEnd !== end && !isSpace(s.charCodeAt(targetEnd)) && s.charCodeAt(targetEnd) !== 63)
      fail('disallowed character in processing instruction name');
    const target = s.slice(lt + 2, targetEnd);
    if (target === 'xml') {
      if (!this.#atStart) fail('an XML declaration must be at the start of the document');
      if (!XML_DECLARATION.test(s.slice(lt, end + 2))) fail('malformed XML declaration');
      return end + 2;
    }
    if (target.toLowerCase() === 'xml') fail('the XML declaration must appear at the start of the document');
    if (NOT_CHAR.test(s.slice(targetEnd, end))) fail('disallowed character');
    return end + 2;
  }
}
