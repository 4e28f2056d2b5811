import jiangbeiHospital from '../../rubrics/cq-jiangbei-2025-hospital.json';
import { MibError } from './errors';
import { type Rubric, RubricSchema } from './schema';

// The official tables ship inside the bundle (no file system in the core, no network in the add-in).
const rubricSources: Record<string, unknown> = {
  'cq-jiangbei-2025-hospital': jiangbeiHospital,
};

const parsed = new Map<string, Rubric>();

export const rubricIds = Object.keys(rubricSources);

/** The official rubric with this id, parsed and checked by the schema once. */
export function getRubric(id: string): Rubric {
  const cached = parsed.get(id);
  if (cached) return cached;
  const source = rubricSources[id];
  if (source === undefined) {
    throw new MibError(
      'unknown-rubric',
      'rubric',
      `未知的考核表编号“${id}”，可用的有：${rubricIds.join('、')}`,
      `unknown rubric id "${id}"; valid ids: ${rubricIds.join(', ')}`,
    );
  }
  const rubric = RubricSchema.parse(source);
  parsed.set(id, rubric);
  return rubric;
}

export function listRubrics(): Rubric[] {
  return rubricIds.map(getRubric);
}
