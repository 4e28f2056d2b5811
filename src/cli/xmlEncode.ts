// Text put into the XML of an .xlsx this program writes (a cell's text, a defined name, a chart's labels):
// ExcelJS's xmlEncode (lib/utils/utils.js), so that what is written beside ExcelJS's own parts is escaped as
// ExcelJS escapes them: the five entities, and the characters XML 1.0 forbids dropped. Good in element text
// and in an attribute value in either quotes.
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const ESCAPED = /["&'<>\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;

export const xmlEncode = (text: string) => text.replace(ESCAPED, (c) => ENTITIES[c] ?? '');
