import { type Policy, PolicySchema } from '../policy/schema';
import { type Rubric, RubricSchema } from './schema';

// The rubric and policy files that ship with the product, parsed with their zod schemas. The add-in's
// build replaces this module with shipped.prevalidated.ts: there each file was parsed by these same
// schemas when the bundle was built (scripts/build/shippedData.ts), so the bundles need not carry the rubric schema.

export const shippedRubric = (source: unknown): Rubric => RubricSchema.parse(source);
export const shippedPolicy = (source: unknown): Policy => PolicySchema.parse(source);
