// A region's own table or policy, once checked, is usable by id everywhere the bundled ones are.
import { afterEach, describe, expect, it } from 'vitest';
import { bundledRubricIds, getPolicy, getRubric, policyIds, registerPolicy, registerRubric, rubricIds, unregister } from '../../src/core';

afterEach(() => {
  unregister('rubric', 'local-2026-hospital');
  unregister('policy', 'local-2026');
});

describe('registry', () => {
  it('a registered table joins the ids and is found by getRubric; unregistering forgets it', () => {
    const local = { ...getRubric('cq-jiangbei-2025-hospital'), id: 'local-2026-hospital', title: '某地2026年考核表' };
    registerRubric(local);
    expect(rubricIds).toContain('local-2026-hospital');
    expect(getRubric('local-2026-hospital').title).toBe('某地2026年考核表');
    unregister('rubric', 'local-2026-hospital');
    expect(rubricIds).toEqual([...bundledRubricIds]);
    expect(() => getRubric('local-2026-hospital')).toThrow(/未知的考核表编号/);
  });

  it('a bundled id cannot be taken over', () => {
    expect(() => registerRubric(getRubric('weihai-2021-hospital-l2'))).toThrow(/与内置考核表相同/);
    expect(() => registerPolicy(getPolicy('jilin-2025'))).toThrow(/与内置政策相同/);
  });

  it('a registered policy is listed once, the newer version replacing the older', () => {
    registerPolicy({ ...getPolicy('jilin-2025'), id: 'local-2026', title: 'v1' });
    registerPolicy({ ...getPolicy('jilin-2025'), id: 'local-2026', title: 'v2' });
    expect(policyIds.filter((id) => id === 'local-2026')).toHaveLength(1);
    expect(getPolicy('local-2026').title).toBe('v2');
  });
});
