import { fromDouble, type InputSpec, inputIndex, type Rubric } from '../../core';
import type { SheetSnapshot } from '../port';

/**
 * The sheet's facts for the core, each as the cell shows it: a ratio's input cell is formatted as a
 * percent (styles.ts inputRatio, 0.00%), so the 150 typed into it is stored as 1.5 and shown as 150%.
 * Given to the core as "150%" (the same value, read at Excel's 15 digits as the number is), a refusal echoes what the clerk typed
 * ("收到的是“150%”"), not a number they never saw ("收到的是 1.5").
 */
export function shownFacts(rubric: Rubric, inputs: SheetSnapshot['inputs']): Record<string, unknown> {
  const { byId } = inputIndex(rubric);
  return Object.fromEntries(inputs.map((input) => [input.id, asShown(byId.get(input.id)?.spec, input.value)]));
}

function asShown(spec: InputSpec | undefined, value: unknown): unknown {
  const percent = spec?.type === 'ratio' || spec?.type === 'signedRatio';
  return percent && typeof value === 'number' && Number.isFinite(value) ? `${fromDouble(value).times(100).toFixed()}%` : value;
}
