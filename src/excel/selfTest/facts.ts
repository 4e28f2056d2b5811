import { inputIndex, parseInputValue, type Rubric } from '../../core';

/**
 * Facts for the self-test's sheets: every yes/no fact 否, every count 1, every ratio 50%; other inputs
 * (bands, choices, points, ranks, peer measures) blank. Each is checked by the core's own parser, so an
 * input whose range refuses one of them stays blank. Enough to make the sheet's clause, item and total
 * formulas compute something other than the blank sheet.
 */
export function selfTestFacts(rubric: Rubric): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [id, { spec }] of inputIndex(rubric).byId) {
    const candidate = spec.type === 'boolean' ? false : spec.type === 'count' ? 1 : spec.type === 'ratio' ? 0.5 : undefined;
    if (candidate !== undefined && 'value' in parseInputValue(spec, candidate)) facts[id] = candidate;
  }
  return facts;
}
