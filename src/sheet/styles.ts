import type { CellStyle } from './types';

/** The named styles a plan uses. Inputs are pale yellow and unlocked; everything else stays locked. */
export const STYLES = {
  title: { bold: true, fontSize: 14, horizontal: 'center', vertical: 'center' },
  basis: { fontColor: '#595959', horizontal: 'left', wrap: true },
  label: { bold: true, fill: '#F2F2F2', border: true, horizontal: 'right', vertical: 'center', wrap: true },
  field: { border: true, fill: '#FFF2CC', locked: false, vertical: 'center', numberFormat: '@', wrap: true },
  fieldMoney: { border: true, fill: '#FFF2CC', locked: false, vertical: 'center', numberFormat: '#,##0.00' },
  fixed: { border: true, vertical: 'center', wrap: true },
  result: { bold: true, border: true, fill: '#E2EFDA', vertical: 'center', numberFormat: '0.##########' },
  // a converted score (650 × 100 / 795 = 81.761006289) shown to 4 decimals, so that it fits its narrow
  // cell (威海's 考核指标 column) instead of showing ###; the cell holds it to 9 and grades that
  resultConverted: { bold: true, border: true, fill: '#E2EFDA', vertical: 'center', numberFormat: '0.####' },
  resultText: { bold: true, border: true, fill: '#E2EFDA', vertical: 'center' },
  resultPercent: { bold: true, border: true, fill: '#E2EFDA', vertical: 'center', numberFormat: '0.##%' },
  resultMoney: { bold: true, border: true, fill: '#E2EFDA', vertical: 'center', numberFormat: '#,##0.00' },
  header: { bold: true, fill: '#DDEBF7', border: true, wrap: true, horizontal: 'center', vertical: 'center' },
  text: { border: true, wrap: true, vertical: 'top' },
  center: { border: true, wrap: true, horizontal: 'center', vertical: 'top' },
  idValue: { border: true, horizontal: 'left', vertical: 'center', numberFormat: '@' },
  id: { border: true, horizontal: 'center', vertical: 'top', numberFormat: '@' },
  input: { border: true, fill: '#FFF2CC', locked: false, horizontal: 'center', vertical: 'top' },
  inputRatio: { border: true, fill: '#FFF2CC', locked: false, horizontal: 'center', vertical: 'top', numberFormat: '0.00%' },
  selfScore: { border: true, fill: '#FFF2CC', locked: false, horizontal: 'center', vertical: 'top', numberFormat: 'General' },
  number: { border: true, horizontal: 'center', vertical: 'top', numberFormat: 'General' },
  shownRatio: { border: true, horizontal: 'center', vertical: 'top', numberFormat: '0.00%' },
  score: { bold: true, border: true, horizontal: 'center', vertical: 'top', numberFormat: 'General' },
  readingTitle: { bold: true, horizontal: 'left', vertical: 'center' },
  reading: { wrap: true, horizontal: 'left', vertical: 'top', fontColor: '#404040' },
  signature: { wrap: true, horizontal: 'left', vertical: 'bottom' },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;
