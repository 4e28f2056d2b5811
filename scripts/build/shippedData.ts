// Build-time validation of the rubric and policy files bundled into the add-in: each file is parsed by
// its zod schema while webpack builds (scripts/build/shippedDataLoader.cjs), a bad file stops the build
// with the zod paths, and the bundle receives the parsed result (defaults filled in). At run time the
// add-in then takes the data as it is (src/core/files/shipped.prevalidated.ts) and carries no rubric schema.
import path from 'node:path';
import { PolicySchema } from '../../src/core/policy/schema';
import { type Rubric, RubricSchema } from '../../src/core/files/schema';
import { zodProblems } from '../../src/core/messages/zodMessages';

const isPolicyFile = (file: string) => path.basename(path.dirname(file)) === 'policies';

export function validateShipped(file: string, data: unknown): unknown {
  const isPolicy = isPolicyFile(file);
  const parsed = (isPolicy ? PolicySchema : RubricSchema).safeParse(data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error)
      .map((p) => `  ${p.field}: ${p.message}`)
      .join('\n');
    throw new Error(`${path.relative(process.cwd(), file)} 不符合${isPolicy ? '政策' : '考核表'}格式:\n${problems}`);
  }
  return parsed.data;
}

/**
 * The rubric as the custom functions need it: everything that scores (items, points, rules with their
 * clause text for traces, input labels, indicator names for messages), without the long verbatim columns
 * that only the sheet and the pane show (指标释义, 计分方法, 考核方法, 考核科室, 备注, notes and clause notes). The pane's
 * bundle keeps the full text; this keeps functions.js within its 60 KB budget.
 */
export function leanForFunctions(rubric: Rubric): Rubric {
  const { notes: _notes, ...rest } = rubric;
  return {
    ...rest,
    // clause notes are readings (口径说明) the sheet and the pane show, never a function
    items: rubric.items.map(({ assessment: _a, departments: _d, remarks: _r, ...item }) => ({
      ...item,
      definition: '',
      method: '',
      rules: item.rules.map(({ note: _n, ...rule }) => rule as (typeof item.rules)[number]),
    })),
  };
}

/** What the loader emits for one file: parsed, and lean when it goes into functions.js. */
export function shippedModuleData(file: string, data: unknown, lean: boolean): unknown {
  const parsed = validateShipped(file, data);
  return lean && !isPolicyFile(file) ? leanForFunctions(parsed as Rubric) : parsed;
}
