// The scanner the .xlsx reader reads XML with (src/sheet/xlsx/xmlScan.ts), held to saxes, the conforming
// parser ExcelJS reads workbooks with and the reader used before: documents drawn from XML's grammar, well
// formed and then broken a character at a time, each given to both (the scanner in pieces cut anywhere), must
// give the same elements, attributes and texts, and be refused by both or by neither.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner } from '../../../src/sheet/xlsx/xmlScan';

type Event = ['open', string, [string, string][]] | ['text', string] | ['close', string];

/** What a reader is told, text joined between tags and left out outside the root (no reader reads it). */
function recorder() {
  const events: Event[] = [];
  let depth = 0;
  let text = '';
  const flush = () => {
    if (text !== '') events.push(['text', text]);
    text = '';
  };
  return {
    events,
    open(name: string, attributes: [string, string][]) {
      flush();
      depth++;
      events.push(['open', name, attributes]);
    },
    text(piece: string) {
      if (depth > 0) text += piece;
    },
    close(name: string) {
      flush();
      depth--;
      events.push(['close', name]);
    },
  };
}

function bySaxes(xml: string): Event[] | 'refused' {
  const r = recorder();
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => r.open(tag.name, Object.entries(tag.attributes as Record<string, string>)));
  parser.on('text', (text) => r.text(text));
  parser.on('closetag', (tag) => r.close(tag.name));
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(xml).close();
  } catch {
    return 'refused';
  }
  return r.events;
}

function byScanner(pieces: string[]): Event[] | 'refused' {
  const r = recorder();
  const scanner = new XmlScanner({ open: (name, a) => r.open(name, a.entries()), text: (t) => r.text(t), close: (name) => r.close(name) });
  try {
    for (const piece of pieces) scanner.write(piece);
    scanner.close();
  } catch {
    return 'refused';
  }
  return r.events;
}

/** `xml` cut at the given places (modulo its length; never inside a surrogate pair: a TextDecoder never cuts one). */
function cut(xml: string, places: number[]): string[] {
  const at = [...new Set(places.map((p) => p % (xml.length + 1)))]
    .filter((p) => p > 0 && p < xml.length && !(xml.charCodeAt(p) >= 0xdc00 && xml.charCodeAt(p) <= 0xdfff))
    .sort((a, b) => a - b);
  return [0, ...at].map((start, k) => xml.slice(start, at[k] ?? xml.length));
}

// the grammar's pieces: names as workbooks write them and as XML allows; text and values with every kind of
// character reference, line end and character that markup treats apart
const names = fc.constantFrom('c', 'v', 'row', 'x14ac:dyDescent', 'a.b-c', '_x', 'é', '中文', 'A1', 'r:id', 'xml-stylesheet');
const attributeNames = fc.constantFrom('r', 's', 't', 'ref', 'r:id', '__proto__', 'constructor', 'x14ac:dyDescent', '名');
const textPieces = fc.constantFrom(
  'a',
  'SUM(A1)',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#65;',
  '&#x4e2d;',
  '&#x1F600;',
  '&#13;',
  '中',
  '😀',
  '>',
  ']',
  ']]',
  '"',
  "'",
  '=',
  '/',
  '-',
  '?',
);
const space = fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n');
const someSpace = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n');
const characters = fc.array(textPieces, { maxLength: 6 }).map((p) => p.join(''));
// ("]]>" ends a CDATA section and may stand nowhere else in text, nor across two texts side by side; an
// attribute's value may hold it)
const text = characters.map((t) => t.split(']]>').join(']] >').replace(/]+$/, ''));
const value = (quote: string) => characters.map((t) => t.split(quote).join(quote === '"' ? '&quot;' : '&apos;'));
const attribute = fc
  .tuple(attributeNames, space, space, fc.constantFrom('"', "'"))
  .chain(([key, before, after, quote]) => value(quote).map((v) => `${key}${before}=${after}${quote}${v}${quote}`));
const comment = fc
  .array(fc.constantFrom('a', ' ', '-', '中', '>'), { maxLength: 5 })
  .map((p) => `<!--${p.join('').replace(/-+$/, '').replace(/--+/g, '-')}-->`);
const cdata = text.map((t) => `<![CDATA[${t.split(']]>').join('')}]]>`);
const instruction = fc
  .tuple(fc.constantFrom('pi', 'xml-stylesheet', 'mso-application'), text)
  .map(([target, t]) => `<?${target} ${t.replace(/\?+>/g, '>')}?>`);
const misc = fc.oneof(comment, instruction, someSpace);
const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(names, fc.uniqueArray(attribute, { maxLength: 3, selector: (a) => a.split(/[\s=]/)[0] }), someSpace, space, space, fc.boolean())
    .chain(([name, attributes, between, trailing, closing, empty]) => {
      const open = `<${name}${attributes.map((a) => `${between}${a}`).join('')}${attributes.length > 0 ? trailing : ''}`;
      if (empty) return fc.constant(`${open}/>`);
      return fc
        .array(fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: tie('element') }, comment, cdata, instruction), { maxLength: 4 })
        .map((children) => `${open}>${children.join('')}</${name}${closing}>`);
    }),
}));
const declaration = fc.constantFrom(
  '',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  "<?xml version='1.0'?>",
  '<?xml version="1.0" ?>',
);
const document = fc
  .tuple(declaration, fc.array(misc, { maxLength: 2 }), element, fc.array(misc, { maxLength: 2 }))
  .map(([d, before, root, after]) => d + before.join('') + root + after.join(''));
/** one change of a character or a few: what a damaged or hostile part holds. Anywhere, at the very start
 * (where only an XML declaration may stand) and the end, or just after a tag, where the text is */
const broken = fc
  .tuple(
    document,
    // (a large whole number, taken modulo the length: fast-check's doubles crowd at 0 and 1)
    fc.oneof(fc.constantFrom(0, -1), fc.nat()),
    fc.boolean(),
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '/',
      '=',
      ' ',
      '\u0001',
      '\uFFFE',
      ']]>',
      ']]',
      '--',
      '<!--',
      '<?x',
      '<?xml version="1.0"?>',
      '<![CDATA[',
      '</',
      'a',
      '<a>',
      '</a>',
      '&#0;',
      '&#xD800;',
      '&foo;',
      '&#;',
      '&',
      '<a b="1" b="2"/>',
      '',
      '\r',
      '?>',
      '<?XML x?>',
      '<?xml?>',
      "<?xml version='1.1' encoding='x'?>",
      '<?xml version="2.0"?>',
      '<?xml  version = "1.0"  standalone="no" ?>',
      '<?xml version="1.0" standalone="maybe"?>',
      '<?xml encoding="UTF-8" version="1.0"?>',
      '<?a?b?>',
      '<??>',
      '<!-- - -->',
      '<!--->',
      ' <?xml version="1.0"?>',
      '<?pi?><?xml version="1.0"?>',
      '<?xml version="1.0"?><?xml version="1.0"?>',
      '<?xml version="1.0" encoding="9"?>',
      '<?xml version="1.0"encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8" ?>',
      '<?xml\tversion="1.0"?>',
      '<?xmlx?>',
      '<?xml-x?>',
      '\u3000',
      '\u00B7',
      '1',
    ),
    fc.nat({ max: 3 }),
  )
  .map(([xml, where, afterTag, insert, remove]) => {
    let at = where === -1 ? xml.length : where % (xml.length + 1);
    if (afterTag) {
      const tag = xml.lastIndexOf('>', at);
      at = tag === -1 ? at : tag + 1;
    }
    return xml.slice(0, at) + insert + xml.slice(at + remove);
  })
  // (half a surrogate pair cut off: the reader's text comes from a TextDecoder, which never leaves one)
  .filter((xml) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml));
const places = fc.array(fc.nat(), { maxLength: 6 });

describe('the XML scanner against saxes', () => {
  it('reads every well-formed document as saxes does, in pieces cut anywhere', () => {
    fc.assert(
      fc.property(document, places, (xml, at) => {
        const expected = bySaxes(xml);
        expect(expected).not.toBe('refused');
        expect(byScanner(cut(xml, at))).toEqual(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it('refuses what saxes refuses and reads what it reads, a document broken anywhere', () => {
    let refused = 0;
    fc.assert(
      fc.property(broken, places, (xml, at) => {
        const expected = bySaxes(xml);
        if (expected === 'refused') refused++;
        expect(byScanner(cut(xml, at))).toEqual(expected);
      }),
      { numRuns: 50000 },
    );
    // the breaks do break: most of the documents are refused
    expect(refused).toBeGreaterThan(25000);
  });

  it('tells what the reader of a sheet reads: attributes by name, entities and line ends as XML says', () => {
    const r = recorder();
    const scanner = new XmlScanner({
      open: (name, a) =>
        r.open(name, [
          ['r', a.get('r') ?? '-'],
          ['t', a.get('t') ?? '-'],
          ['__proto__', a.get('__proto__') ?? '-'],
        ]),
      text: (t) => r.text(t),
      close: (name) => r.close(name),
    });
    for (const piece of ['<c r="A1"\tt="s" __proto__="x\r', '\ny"><v>1&a', 'mp;2\r', '\n3]]', '</v></c>']) scanner.write(piece);
    scanner.close();
    expect(r.events).toEqual([
      [
        'open',
        'c',
        [
          ['r', 'A1'],
          ['t', 's'],
          ['__proto__', 'x y'],
        ],
      ],
      [
        'open',
        'v',
        [
          ['r', '-'],
          ['t', '-'],
          ['__proto__', '-'],
        ],
      ],
      ['text', '1&2\n3]]'],
      ['close', 'v'],
      ['close', 'c'],
    ]);
  });

  it('refuses what no workbook part holds and a hostile one may: a DOCTYPE, markup of a megabyte, elements 513 deep, a tag with an attribute given twice among thousands', () => {
    expect(bySaxes('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).not.toBe('refused');
    expect(byScanner(['<!DOCTYPE a [<!ENTITY x "y">]><a/>'])).toBe('refused');
    expect(byScanner(['<a b="', 'x'.repeat(1 << 20), '"/>'])).toBe('refused');
    expect(byScanner(['<a>'.repeat(512), '</a>'.repeat(512)])).toEqual(bySaxes('<a>'.repeat(512) + '</a>'.repeat(512)));
    expect(byScanner(['<a>'.repeat(513), '</a>'.repeat(513)])).toBe('refused');
    const many = Array.from({ length: 5000 }, (_, k) => `a${k}="1"`);
    expect(byScanner([`<a ${many.join(' ')}/>`])).toEqual(bySaxes(`<a ${many.join(' ')}/>`));
    expect(byScanner([`<a ${many.join(' ')} a4999="2"/>`])).toBe('refused');
    // text of "]" in pieces, "]]>" across two: the scanner holds two "]" at most, not the run
    expect(byScanner(['<a>', ...Array.from({ length: 300 }, () => ']'.repeat(1 << 15)), '</a>'])).not.toBe('refused');
    expect(byScanner(['<a>x]]', '>y</a>'])).toBe('refused');
    expect(byScanner(['<a>x]', ']>y</a>'])).toBe('refused');
    expect(bySaxes(`<a ${many.join(' ')} a4999="2"/>`)).toBe('refused');
  });
});
