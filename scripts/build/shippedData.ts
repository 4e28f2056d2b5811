// Build-time validation of the rubric and policy files bundled into the add-in: each file is parsed by
// its zod schema while webpack builds (scripts/build/shippedDataLoader.cjs), a bad file stops the build
// with the zod paths, and the bundle receives the parsed result (defaults filled in). At run time the
// add-in then takes the data as it is (src/core/shipped.prevalidated.ts) and carries no zod.
import path from 'node:path';
import { PolicySchema } from '../../src/core/policy/schema';
import { RubricSchema } from '../../src/core/schema';
import { zodProblems } from '../../src/core/zodMessages';

export function validateShipped(file: string, data: unknown): unknown {
  const isPolicy = path.basename(path.dirname(file)) === 'policies';
  const parsed = (isPolicy ? PolicySchema : RubricSchema).safeParse(data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).map((p) => `  ${p.field}: ${p.message}`).join('\n');
    throw new Error(`${path.relative(process.cwd(), file)} 不符合${isPolicy ? '政策' : '考核表'}格式:\n${problems}`);
  }
  return parsed.data;
}
