import { STYLES } from '../styles';
import type { CellStyle } from '../types';

/** The roster workbook's named styles: the assessment sheet's title and headers, and body columns that
 * only set a number format (a text column is "@", so a code such as 0371 or a name "=x" stays text). */
export const ROSTER_STYLES = {
  // left-aligned: a centred title wider than its column spills both ways and is cut at the sheet's left edge
  title: { ...STYLES.title, horizontal: 'left' },
  basis: { ...STYLES.basis, wrap: false },
  header: STYLES.header,
  label: { border: true, horizontal: 'left', vertical: 'center' },
  count: { border: true, horizontal: 'right', numberFormat: '0' },
  amount: { border: true, horizontal: 'right', numberFormat: '#,##0.00' },
  number: { border: true, horizontal: 'right', numberFormat: 'General' },
  formulaNote: { fontColor: '#595959', wrap: true, vertical: 'top' },
  /** 公示名单's cells: bordered, text wrapped to the column */
  listText: { border: true, wrap: true, vertical: 'center', numberFormat: '@' },
  listNumber: { border: true, horizontal: 'center', vertical: 'center', numberFormat: '0' },
  listScore: { border: true, horizontal: 'right', vertical: 'center', numberFormat: '0.00' },
  /** a paragraph of prose (通报) over merged columns */
  paragraph: { wrap: true, vertical: 'top', horizontal: 'left' },
  text: { numberFormat: '@' },
  /** scores to two decimals (stored unrounded: the formulas count the exact values) */
  score: { numberFormat: '0.00' },
  /** a measure as entered (an interval number, an excess, a count) */
  measure: { numberFormat: 'General' },
  ratio: { numberFormat: '0.0%' },
  /** yuan with thousands separators */
  money: { numberFormat: '#,##0.00' },
  whole: { numberFormat: '0' },
} satisfies Record<string, CellStyle>;

export type RosterStyle = keyof typeof ROSTER_STYLES;
