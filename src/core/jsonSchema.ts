import { z } from 'zod';
import { PolicySchema } from './policy/schema';
import { RubricSchema } from './schema';

/** JSON Schemas for rubric and policy files, generated from the zod schemas so that editors can check a
 * region's own file as it is typed. Refinements (cross-field checks) live only in zod and `mib check`. */
export function rubricJsonSchema(): object {
  return { title: 'MIB 考核表（rubric）', ...z.toJSONSchema(RubricSchema, { io: 'input', unrepresentable: 'any' }) };
}

export function policyJsonSchema(): object {
  return { title: 'MIB 等次与返还政策（policy）', ...z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }) };
}
