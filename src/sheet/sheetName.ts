/** Excel's limits on a worksheet name: at most 31 characters, none of : \ / ? * [ ], no ' at either end,
 * not blank, and not "History" (which Excel keeps for itself). ExcelJS throws on the characters and cuts a
 * longer name silently, and Office.js refuses both: a name is made valid here, before any writer sees it. */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;
const RESERVED = new Set(['history']);

/** `text` cut to at most `max` UTF-16 units without splitting a character (an emoji is two units). */
function cutTo(text: string, max: number): string {
  let cut = '';
  for (const char of text) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}

const withoutForbidden = (text: string) => text.replace(FORBIDDEN, '_');
/** No apostrophe (Excel's quote) nor space at either end. */
const trimmed = (text: string) => text.replace(/^['\s]+|['\s]+$/g, '');

/**
 * A valid sheet name made of `head` (cut as needed) and `tail` (kept whole): the institution name and its
 * year, "某医院_分院-2025", keep the year however long the name. Falls back to "MIB" when nothing usable
 * is left.
 */
export function validSheetName(head: string, tail = ''): string {
  const end = cutTo(withoutForbidden(tail).replace(/['\s]+$/, ''), SHEET_NAME_MAX);
  const start = trimmed(cutTo(trimmed(withoutForbidden(head)), SHEET_NAME_MAX - end.length));
  const name = trimmed(start + end) || 'MIB';
  return RESERVED.has(name.toLowerCase()) ? `${name}_` : name;
}

/**
 * The first of `wanted`, "wanted (2)", "wanted (3)", ... that no existing sheet uses (Excel compares
 * sheet names without regard to case), made valid and shortened so the suffix still fits in 31 characters.
 */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = validSheetName(wanted, n === 1 ? '' : ` (${n})`);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The last unit of a region's name (重庆市江北区 → 江北区, 山东省威海市 → 威海市, 吉林省 → 吉林省). */
export function regionUnit(region: string): string {
  return region.match(/.+?(?:自治区|自治州|特别行政区|省|市|区|县|州|盟|旗)/g)?.at(-1) ?? region;
}

/** 'My Sheet' with Excel's quoting (always quoted: Chinese and spaced names need it, plain ones allow it). */
export function quotedSheet(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}
