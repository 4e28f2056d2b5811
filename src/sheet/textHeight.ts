/**
 * How tall a wrapped cell must be for all of its text to show, estimated from the text alone, so that
 * the plan can give every row its height before any spreadsheet lays it out (Excel does not grow rows
 * for merged cells, and a row with a height set never grows).
 *
 * Widths are counted as a column width is: in the default font's digit widths. A CJK character (or a
 * full-width form) is a full width, two digits; any other character is half of that, one digit.
 * Measured: Excel's Calibri/等线 11 pt digit is 7 px and a CJK glyph 14.7 px (2.1 digits), the widest
 * case; LibreOffice's line pitch with Noto Sans CJK at 11 pt is 16 pt (1.46 × the font size), the
 * tallest case. The estimate takes the worse of the two.
 */

/** Full-width characters: CJK ideographs and punctuation, kana, Hangul, full-width forms. */
const FULL_WIDTH =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Pixels of one digit of the default 11 pt font, and a CJK glyph's width in digits (Excel: 14.7 / 7). */
const DIGIT_PX = 7;
const FULL_WIDTH_DIGITS = 2.1;
/** Excel's column width in pixels: characters × 7 + 5; 3 px each side are the cell's padding. */
const PADDING_PX = 6;
/** Line pitch as a multiple of the font size (Noto Sans CJK in LibreOffice: 16 pt at 11 pt). */
const LINE_PITCH = 1.46;
/** Space above the first line and below the last, in points. */
const ROW_PADDING_PT = 4;
/** The font size that column widths are counted in. */
const BASE_FONT_PT = 11;

/** A line's tokens: a CJK character alone, a run of other non-space characters, or spaces. */
const TOKENS = new RegExp(`${FULL_WIDTH.source}|[^\\s${FULL_WIDTH.source.slice(1, -1)}]+|\\s+`, 'gu');

/** A character's width in digits of the default font. */
export function charWidth(char: string): number {
  return FULL_WIDTH.test(char) ? FULL_WIDTH_DIGITS : 1;
}

/** The digits of width a line can hold in a column (or merged columns) `columnChars` wide, at `fontSize`. */
export function lineCapacity(columnChars: number, fontSize = BASE_FONT_PT): number {
  return ((columnChars * DIGIT_PX + 5 - PADDING_PX) / DIGIT_PX) * (BASE_FONT_PT / fontSize);
}

/**
 * Lines the text takes when wrapped in a column `columnChars` wide: each paragraph ("\n") on its own
 * lines; CJK text breaks between any two characters, other text between words (a word longer than a
 * line breaks inside, as spreadsheets do).
 */
export function wrappedLines(text: string, columnChars: number, fontSize = BASE_FONT_PT): number {
  const capacity = Math.max(1, lineCapacity(columnChars, fontSize));
  // a line that would fit were every character full width is one line (most of a roster's names)
  if (text.length * FULL_WIDTH_DIGITS <= capacity && !/[\r\n]/.test(text)) return 1;
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    let count = 1;
    for (const token of paragraph.match(TOKENS) ?? []) {
      const width = [...token].reduce((sum, c) => sum + charWidth(c), 0);
      if (/^\s+$/.test(token)) {
        used += width;
        continue;
      }
      if (used + width <= capacity) {
        used += width;
        continue;
      }
      if (width <= capacity) {
        // the token moves to a new line
        count++;
        used = width;
        continue;
      }
      // a token longer than a line fills what is left and runs on
      let rest = width - (capacity - used);
      while (rest > 0) {
        count++;
        rest -= capacity;
      }
      used = rest + capacity;
    }
    lines += count;
  }
  return lines;
}

/** Points one line of text takes at `fontSize`. */
export function lineHeight(fontSize = BASE_FONT_PT): number {
  return Math.ceil(fontSize * LINE_PITCH * 10) / 10;
}

/** The height in points a wrapped cell needs to show all of `text` in a column `columnChars` wide. */
export function textHeight(text: string, columnChars: number, fontSize = BASE_FONT_PT): number {
  return Math.ceil(wrappedLines(text, columnChars, fontSize) * lineHeight(fontSize) + ROW_PADDING_PT);
}
