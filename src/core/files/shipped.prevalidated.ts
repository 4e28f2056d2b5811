import type { Policy } from '../policy/schema';
import type { Rubric } from './schema';

// In the add-in's bundles and the compiled `mib` (see shipped.ts, webpack.config.js and
// scripts/build/cliBundle.mjs): the shipped files were parsed by RubricSchema / PolicySchema at build
// time, a failure stops the build, and the bundle holds the parsed result, so here they are taken as
// they are. The compiled `mib` holds, for each, a function that reads it as JSON text from a file beside
// the bundle, called only when a command names that table or policy: start-up neither decodes nor
// compiles the four tables (about 300 KB), as it did when the bundle held them as data.

const parsedData = (source: unknown): unknown => (typeof source === 'function' ? JSON.parse((source as () => string)()) : source);

export const shippedRubric = (source: unknown): Rubric => parsedData(source) as Rubric;
export const shippedPolicy = (source: unknown): Policy => parsedData(source) as Policy;
