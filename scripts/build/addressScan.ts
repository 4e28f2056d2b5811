// Finds the http(s) addresses a served file really holds, so that a test can prove the built add-in
// references nothing outside its own origin (an agency's isolated intranet must run it).
// JavaScript is parsed with TypeScript and only its string, template and regular-expression literals are
// read: comments (license headers, "see https://…") are trivia of the syntax tree, stripped exactly,
// never by a regular expression over the text. XML is parsed with @xmldom/xmldom: namespace declarations
// (xmlns, xmlns:*) are names, not addresses, and comments are skipped. HTML comments are removed before
// reading.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import ts from 'typescript';

/** http(s) addresses, and protocol-relative ones ("//cdn.example.com/x.js") that a page would load over
 * its own scheme. */
const ADDRESS = /https?:\/\/[^\s"'`<>()\\]*|(?<![\w:/])\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w.-])[^\s"'`<>()\\]*/gi;

function addressesIn(text: string): string[] {
  return text.match(ADDRESS) ?? [];
}

/** Addresses in the code of a JavaScript file (literals only, comments excluded). */
export function addressesInJs(source: string): string[] {
  const file = ts.createSourceFile('served.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isRegularExpressionLiteral(node) || ts.isTemplateLiteralToken(node)) {
      found.push(...addressesIn(node.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Addresses in an XML document's attribute values and text, namespace declarations and comments excluded. */
export function addressesInXml(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === 1) {
      const element = node as Element;
      for (let i = 0; i < element.attributes.length; i++) {
        const attribute = element.attributes.item(i);
        if (!attribute || attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue;
        found.push(...addressesIn(attribute.value));
      }
    } else if (node.nodeType === 3 || node.nodeType === 4) {
      found.push(...addressesIn(node.nodeValue ?? ''));
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  if (document.documentElement) visit(document.documentElement);
  return found;
}

/** Addresses in an HTML page, comments excluded. */
export function addressesInHtml(html: string): string[] {
  return addressesIn(html.replace(/<!--[\s\S]*?-->/g, ''));
}

/** Addresses in a JSON document's string values. */
export function addressesInJson(json: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') found.push(...addressesIn(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(JSON.parse(json));
  return found;
}

/** The addresses of a served file, read the way its type requires; other files (images) hold none. */
export function addressesInFile(name: string, content: string): string[] {
  if (name.endsWith('.js')) return addressesInJs(content);
  if (name.endsWith('.xml')) return addressesInXml(content);
  if (name.endsWith('.html')) return addressesInHtml(content);
  if (name.endsWith('.json')) return addressesInJson(content);
  return [];
}
