// The add-in's page runs functions.js and taskpane.js, each with its own copy of the core: a table the
// pane registers (imported, or stored in the workbook) must be seen by the functions' copy too.
import { describe, expect, it, vi } from 'vitest';

describe('registry shared by two copies of the core on one page', () => {
  it('a table registered through one copy is found, listed and forgotten through the other', async () => {
    const pane = await import('../../src/core/files/registry');
    vi.resetModules();
    const functions = await import('../../src/core/files/registry');
    expect(functions).not.toBe(pane); // two module instances, as in the two bundles
    const local = { ...pane.getRubric('cq-jiangbei-2025-hospital'), id: 'shared-2026-hospital', title: '某地2026年考核表' };
    pane.registerRubric(local);
    expect(functions.rubricIds).toContain('shared-2026-hospital');
    expect(functions.getRubric('shared-2026-hospital').title).toBe('某地2026年考核表');
    functions.unregister('rubric', 'shared-2026-hospital');
    expect(pane.rubricIds).not.toContain('shared-2026-hospital');
    expect(() => pane.getRubric('shared-2026-hospital')).toThrow(/未知的考核表编号/);
  });
});
