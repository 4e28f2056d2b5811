/// <reference types="office-js" />
import type { PlanConditionalFormat } from '../sheet/types';

/** Adds one formula-based highlight; the formula is relative to the range's top-left cell. */
export function addConditionalFormat(sheet: Excel.Worksheet, highlight: PlanConditionalFormat): void {
  const custom = sheet.getRange(highlight.range).conditionalFormats.add('Custom').custom;
  custom.rule.formula = highlight.formula.startsWith('=') ? highlight.formula : `=${highlight.formula}`;
  if (highlight.style.fill !== undefined) custom.format.fill.color = highlight.style.fill;
  if (highlight.style.fontColor !== undefined) custom.format.font.color = highlight.style.fontColor;
  if (highlight.style.bold !== undefined) custom.format.font.bold = highlight.style.bold;
}
