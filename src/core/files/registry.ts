import jiangbeiHospital from '../../../rubrics/cq-jiangbei-2025-hospital.json';
import jiangbeiPharmacy from '../../../rubrics/cq-jiangbei-2025-pharmacy.json';
import weihaiL1 from '../../../rubrics/weihai-2021-hospital-l1.json';
import weihaiL2 from '../../../rubrics/weihai-2021-hospital-l2.json';
import jiangbeiPolicy from '../../../rubrics/policies/cq-jiangbei-2025.json';
import jilinPolicy from '../../../rubrics/policies/jilin-2025.json';
import ningdeHospitalPolicy from '../../../rubrics/policies/ningde-2025-hospital.json';
import ningdePharmacyPolicy from '../../../rubrics/policies/ningde-2025-pharmacy.json';
import { clipped } from '../messages/echo';
import { MibError } from '../messages/errors';
import type { Policy } from '../policy/schema';
import type { Rubric } from './schema';
import { shippedPolicy, shippedRubric } from './shipped';

// The official tables and policies ship inside the bundle: no file system in the core, and no network
// in the add-in.
const rubricSources: Record<string, unknown> = {
  'cq-jiangbei-2025-hospital': jiangbeiHospital,
  'cq-jiangbei-2025-pharmacy': jiangbeiPharmacy,
  'weihai-2021-hospital-l2': weihaiL2,
  'weihai-2021-hospital-l1': weihaiL1,
};

const policySources: Record<string, unknown> = {
  'cq-jiangbei-2025': jiangbeiPolicy,
  'jilin-2025': jilinPolicy,
  'ningde-2025-hospital': ningdeHospitalPolicy,
  'ningde-2025-pharmacy': ningdePharmacyPolicy,
};

/** The bundled ids (a contract of DESIGN.md). */
export const bundledRubricIds: readonly string[] = Object.keys(rubricSources);
export const bundledPolicyIds: readonly string[] = Object.keys(policySources);

/** Every id a user can name now: the bundled ones, then a region's own files registered with
 * `registerRubric` / `registerPolicy` (read from a file by `mib`, or stored in the workbook by the
 * pane). Live arrays: a registration appends to them, so every `includes` check sees it. */
// The add-in's page runs two bundles (functions.js and taskpane.js), each with its own copy of this
// module: a file the pane registers must reach MIB.* too, so the registrations and the live id lists
// live on one object of the page that both copies share. Parsed bundled files stay per copy (the
// functions' copy holds them lean).
interface Registrations {
  rubricIds: string[];
  policyIds: string[];
  rubrics: Map<string, Rubric>;
  policies: Map<string, Policy>;
}
const SHARED = Symbol.for('mib.registry');
const page = globalThis as { [SHARED]?: Registrations };
const shared: Registrations = (page[SHARED] ??= {
  rubricIds: [...bundledRubricIds],
  policyIds: [...bundledPolicyIds],
  rubrics: new Map(),
  policies: new Map(),
});

export const rubricIds: string[] = shared.rubricIds;
export const policyIds: string[] = shared.policyIds;

const rubrics = new Map<string, Rubric>();
const policies = new Map<string, Policy>();

function refuseBundled(kind: 'rubric' | 'policy', id: string): never {
  const what = kind === 'rubric' ? '考核表' : '政策';
  throw new MibError(
    'invalid-file',
    'id',
    `${what}编号“${clipped(id)}”与内置${what}相同：地区自己的${what}请另取编号（如加上地区名和年份）`,
    `${kind} id "${clipped(id)}" is a bundled one; give the region's own file an id of its own`,
  );
}

/** Makes a region's own table usable by id everywhere, in place of an earlier one with that id. The
 * caller has checked it (checkFile); a bundled id cannot be taken over. */
export function registerRubric(rubric: Rubric): void {
  if (bundledRubricIds.includes(rubric.id)) refuseBundled('rubric', rubric.id);
  shared.rubrics.set(rubric.id, rubric);
  if (!rubricIds.includes(rubric.id)) rubricIds.push(rubric.id);
}

export function registerPolicy(policy: Policy): void {
  if (bundledPolicyIds.includes(policy.id)) refuseBundled('policy', policy.id);
  shared.policies.set(policy.id, policy);
  if (!policyIds.includes(policy.id)) policyIds.push(policy.id);
}

/** Forgets a registered table or policy (a removed import); bundled ones stay. */
export function unregister(kind: 'rubric' | 'policy', id: string): void {
  const [ids, bundled, cache] =
    kind === 'rubric'
      ? [rubricIds, bundledRubricIds, shared.rubrics as Map<string, unknown>]
      : [policyIds, bundledPolicyIds, shared.policies as Map<string, unknown>];
  if (bundled.includes(id)) return;
  cache.delete(id);
  const at = ids.indexOf(id);
  if (at >= 0) ids.splice(at, 1);
}

/** The official rubric with this id, parsed by the schema once. */
export function getRubric(id: string): Rubric {
  const cached = shared.rubrics.get(id) ?? rubrics.get(id);
  if (cached) return cached;
  // own keys only: "__proto__" or "constructor" is an unknown id, not Object.prototype
  const source = Object.hasOwn(rubricSources, id) ? rubricSources[id] : undefined;
  if (source === undefined) {
    throw new MibError(
      'unknown-rubric',
      'rubric',
      `未知的考核表编号“${clipped(id)}”，可用的有：${rubricIds.join('、')}`,
      `unknown rubric id "${clipped(id)}"; valid ids: ${rubricIds.join(', ')}`,
    );
  }
  const rubric = shippedRubric(source);
  rubrics.set(id, rubric);
  return rubric;
}

/** The policy (grades, refunds, consequences) with this id. */
export function getPolicy(id: string): Policy {
  const cached = shared.policies.get(id) ?? policies.get(id);
  if (cached) return cached;
  const source = Object.hasOwn(policySources, id) ? policySources[id] : undefined;
  if (source === undefined) {
    throw new MibError(
      'unknown-policy',
      'policy',
      `未知的政策编号“${clipped(id)}”，可用的有：${policyIds.join('、')}`,
      `unknown policy id "${clipped(id)}"; valid ids: ${policyIds.join(', ')}`,
    );
  }
  const policy = shippedPolicy(source);
  policies.set(id, policy);
  return policy;
}

export function listRubrics(): Rubric[] {
  return rubricIds.map(getRubric);
}

export function listPolicies(): Policy[] {
  return policyIds.map(getPolicy);
}
