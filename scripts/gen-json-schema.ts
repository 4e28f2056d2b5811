// Writes rubrics/rubric.schema.json and rubrics/policy.schema.json from the zod schemas.
// test/core/jsonSchema.test.ts fails when the committed files are out of step: rerun this then.
import { writeFileSync } from 'node:fs';
import { policyJsonSchema, rubricJsonSchema } from '../src/core';

writeFileSync('rubrics/rubric.schema.json', `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`);
writeFileSync('rubrics/policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log('wrote rubrics/rubric.schema.json, rubrics/policy.schema.json');
