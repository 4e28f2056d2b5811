/// <reference types="office-js" />
import { type PlanValidation, VALIDATION_PROMPT_MAX as MAX_MESSAGE, VALIDATION_TITLE_MAX as MAX_TITLE, type ValidationRule } from '../sheet/types';

/** Adds one validation (list, whole number, decimal) with its prompt and refusal message. */
export function addValidation(sheet: Excel.Worksheet, validation: PlanValidation): void {
  const target = sheet.getRange(validation.range).dataValidation;
  target.rule = dataValidationRule(validation.rule);
  target.prompt = { showPrompt: true, title: (validation.title ?? '').slice(0, MAX_TITLE), message: validation.prompt.slice(0, MAX_MESSAGE) };
  target.errorAlert = { showAlert: true, style: 'Stop', title: '', message: validation.error.slice(0, MAX_MESSAGE) };
}

export function dataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      // Office.js takes the list as one comma-separated string
      return { list: { inCellDropDown: true, source: rule.options.join(',') } };
    case 'wholeNumber':
      return {
        wholeNumber:
          rule.max === undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: rule.min, formula2: rule.max, operator: 'Between' },
      };
    case 'decimal':
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
  }
}
