import type ExcelJS from 'exceljs';
import { type CellStyle, type PlanConditionalFormat, type PlanValidation, VALIDATION_PROMPT_MAX, VALIDATION_TITLE_MAX } from '../sheet/types';

// A plan's styles, validations and highlights in ExcelJS's terms, for both xlsx writers: the assessment
// template (xlsxTemplate.ts) and the streamed roster workbook (gridXlsx.ts).

/** "#RRGGBB" → ExcelJS's "FFRRGGBB" */
export const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export function font(style: Pick<CellStyle, 'bold' | 'fontSize' | 'fontColor'>): Partial<ExcelJS.Font> {
  return {
    ...(style.bold && { bold: true }),
    ...(style.fontSize && { size: style.fontSize }),
    ...(style.fontColor && { color: { argb: argb(style.fontColor) } }),
  };
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The ExcelJS style of a plan style: only what the plan sets, and the lock every cell has. */
export function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const f = font(style);
  return {
    ...(Object.keys(f).length > 0 && { font: f }),
    ...(style.fill && { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } } }),
    ...((style.horizontal || style.vertical || style.wrap) && {
      alignment: {
        ...(style.horizontal && { horizontal: style.horizontal }),
        ...(style.vertical && { vertical: style.vertical === 'center' ? 'middle' : style.vertical }),
        ...(style.wrap && { wrapText: true }),
      },
    }),
    ...(style.border && { border: THIN }),
    ...(style.numberFormat && { numFmt: style.numberFormat }),
    protection: { locked: style.locked !== false },
  };
}

export function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const s = excelStyle(style);
  if (s.font) cell.font = s.font as ExcelJS.Font;
  if (s.fill) cell.fill = s.fill;
  if (s.alignment) cell.alignment = s.alignment;
  if (s.border) cell.border = s.border;
  if (s.numFmt) cell.numFmt = s.numFmt;
  cell.protection = s.protection!;
}

export function dataValidation(v: PlanValidation): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: true,
    ...(v.title && { promptTitle: v.title.slice(0, VALIDATION_TITLE_MAX) }),
    prompt: v.prompt.slice(0, VALIDATION_PROMPT_MAX),
    error: v.error.slice(0, VALIDATION_PROMPT_MAX),
    errorTitle: 'MIB 考核助手',
  };
  switch (v.rule.kind) {
    case 'list':
      return { type: 'list', formulae: [`"${v.rule.options.join(',')}"`], ...messages };
    case 'wholeNumber':
      return v.rule.max === undefined
        ? { type: 'whole', operator: 'greaterThanOrEqual', formulae: [v.rule.min], ...messages }
        : { type: 'whole', operator: 'between', formulae: [v.rule.min, v.rule.max], ...messages };
    case 'decimal':
      return { type: 'decimal', operator: 'between', formulae: [v.rule.min, v.rule.max], ...messages };
  }
}

export function conditionalFormatting(format: PlanConditionalFormat): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: format.range,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [format.formula.replace(/^=/, '')],
        style: {
          ...(format.style.fill && { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(format.style.fill) } } }),
          font: font(format.style),
        },
      },
    ],
  };
}
