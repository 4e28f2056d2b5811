import { SaxesParser } from 'saxes';

/** What a reader of one XML part is told: each element opened (its qualified name and attributes, entities
 * decoded), the text between tags, and each element closed. */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * One XML part read with saxes, the conforming streaming parser ExcelJS itself reads workbooks with, in
 * the same mode (no namespace processing: `x14ac:dyDescent` is one name). XML that is not well formed
 * throws, as it makes ExcelJS refuse the file.
 */
export function readXml(text: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  const { open, text: onText, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(tag.name, tag.attributes as Record<string, string>));
  if (onText) parser.on('text', onText);
  if (close) parser.on('closetag', (tag) => close(tag.name));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
}
