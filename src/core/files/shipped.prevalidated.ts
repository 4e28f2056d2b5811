import type { Policy } from '../policy/schema';
import type { Rubric } from './schema';

// In the add-in's bundles and the compiled `mib` (see shipped.ts, webpack.config.js and
// scripts/build/cliBundle.mjs): the shipped files were parsed by RubricSchema / PolicySchema at build
// time, a failure stops the build, and the bundle holds the parsed result, so here they are taken as
// they are. The compiled `mib` holds each as JSON text, parsed only when a command asks for that table
// (a string literal costs the start-up next to nothing; the same data as object literals cost every
// command, `mib grade` too, the parsing of all four tables).

const parsedData = (source: unknown): unknown => (typeof source === 'string' ? JSON.parse(source) : source);

export const shippedRubric = (source: unknown): Rubric => parsedData(source) as Rubric;
export const shippedPolicy = (source: unknown): Policy => parsedData(source) as Policy;
