// A region's files stored in the (in-memory) workbook: the contract's rows, the checks of `mib check` on
// loading and importing, registration by id, and a broken file refused with its fields in Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, fingerprint, getPolicy, getRubric, policyIds, rubricIds, unregister } from '../../src/core';
import { MemoryFileStore } from '../../src/sheet/memory/memoryFiles';
import { CHUNK_MAX, chunksOf } from '../../src/sheet/storedFiles/contract';
import { importFileText, loadStoredFiles, removeStoredFile, storedVersion } from '../../src/sheet/storedFiles/load';
import { REGION_POLICY_ID, REGION_RUBRIC_ID, regionPolicy, regionRubric, textOf } from '../support/regionFiles';

afterEach(() => {
  unregister('rubric', REGION_RUBRIC_ID);
  unregister('policy', REGION_POLICY_ID);
});

describe('the MIB_FILES contract', () => {
  it("cuts no cell so that it starts with = + - @ (Office.js would read a formula) or ', each within 32,000", () => {
    const text = `${'a'.repeat(CHUNK_MAX)}=b${'c'.repeat(CHUNK_MAX - 3)}'-d`;
    const chunks = chunksOf(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((c) => c.length <= CHUNK_MAX && !/^[=+\-@']/.test(c))).toBe(true);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_MAX - 1, CHUNK_MAX - 1, 4]);
  });
});

describe('MemoryFileStore', () => {
  it('keeps the rows of the contract and reports every change (the demo saves them)', async () => {
    const saved: string[][][] = [];
    const store = new MemoryFileStore([], (rows) => saved.push(rows));
    await store.saveFile('policy', 'p-1', '{"a":1}');
    await store.saveFile('rubric', 'r-1', '{"b":2}');
    await store.saveFile('policy', 'p-1', '{"a":3}');
    expect(store.rows()).toEqual([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['policy', 'p-1', fingerprint('{"a":3}'), '{"a":3}'],
      ['rubric', 'r-1', fingerprint('{"b":2}'), '{"b":2}'],
    ]);
    expect(saved).toHaveLength(3);
    // a store made again from the saved rows finds the same files (a reload of the demo)
    const again = new MemoryFileStore(saved.at(-1));
    expect(await again.readFile('policy', 'p-1')).toEqual({ kind: 'policy', id: 'p-1', version: fingerprint('{"a":3}'), text: '{"a":3}' });
    expect(await again.removeFile('policy', 'p-1')).toBe(true);
    expect((await again.listFiles()).map((f) => f.id)).toEqual(['r-1']);
  });
});

describe('importing and loading stored files', () => {
  it('an accepted table and policy are stored and registered: usable by id everywhere', async () => {
    const store = new MemoryFileStore();
    const table = await importFileText(store, textOf(regionRubric()), 'table.json');
    const policy = await importFileText(store, textOf(regionPolicy()), 'policy.json');
    expect(table).toMatchObject({ status: 'stored', replaced: 'new' });
    expect(policy).toMatchObject({ status: 'stored', replaced: 'new' });
    expect(rubricIds).toContain(REGION_RUBRIC_ID);
    expect(policyIds).toContain(REGION_POLICY_ID);
    expect(evaluate(getRubric(REGION_RUBRIC_ID), { '2.1': 3 }).total.toString()).toBe('94');
    expect(storedVersion('rubric', REGION_RUBRIC_ID)).toBe(fingerprint(textOf(regionRubric())));
    expect((await store.listFiles()).map((f) => [f.kind, f.id])).toEqual([
      ['rubric', REGION_RUBRIC_ID],
      ['policy', REGION_POLICY_ID],
    ]);
  });

  it('a broken file is not stored nor registered, and every problem comes in Chinese with its field', async () => {
    const store = new MemoryFileStore();
    const broken = regionRubric() as { items: { points: unknown }[] };
    broken.items[1]!.points = '四十';
    const outcome = await importFileText(store, textOf(broken), 'table.json');
    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    expect(outcome.problems.map((p) => p.field)).toContain('items.1.points');
    expect(outcome.problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
    expect(await store.listFiles()).toEqual([]);
    expect(rubricIds).not.toContain(REGION_RUBRIC_ID);
    // not JSON: the line and column, as mib check says it
    const notJson = await importFileText(store, '{\n  "kind": "rubric",\n  "id": 1,,\n}', 'bad.json');
    expect(notJson.status === 'rejected' && notJson.problems[0]!.message).toMatch(/第 3 行第 11 列/);
    // a bundled id cannot be taken over
    const taken = await importFileText(store, textOf({ ...getPolicy('jilin-2025'), kind: 'policy' }), 'jilin.json');
    expect(taken.status === 'rejected' && taken.problems[0]!.message).toMatch(/与内置政策相同/);
  });

  it('on load, good stored files are registered; a failing one is reported with its fields and not registered', async () => {
    const bad = {
      ...regionPolicy(),
      grades: [
        { label: '合格', min: 60, text: '60分及以上为合格' },
        { label: '不合格', max: 50, text: '50分以下为不合格' },
      ],
    };
    const store = new MemoryFileStore([
      ['类型', '编号', '指纹', '内容（分段）'],
      ['rubric', REGION_RUBRIC_ID, fingerprint(textOf(regionRubric())), textOf(regionRubric())],
      ['policy', REGION_POLICY_ID, fingerprint(textOf(bad)), textOf(bad)],
      ['policy', 'other-id', fingerprint(textOf(regionPolicy())), textOf(regionPolicy())],
    ]);
    const { loaded, rejected } = await loadStoredFiles(store);
    expect(loaded.map((f) => f.id)).toEqual([REGION_RUBRIC_ID]);
    expect(rubricIds).toContain(REGION_RUBRIC_ID);
    expect(policyIds).not.toContain(REGION_POLICY_ID);
    expect(rejected.map((r) => r.id)).toEqual([REGION_POLICY_ID, 'other-id']);
    expect(rejected[0]!.problems.some((p) => p.field.startsWith('grades') && /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
    expect(rejected[1]!.problems[0]).toMatchObject({ field: 'id', message: expect.stringContaining('MIB_FILES 中此行登记为 policy “other-id”') });
  });

  it('another version of a stored table replaces it and says so; removing forgets it', async () => {
    const store = new MemoryFileStore();
    await importFileText(store, textOf(regionRubric()), 'v1.json');
    expect(await importFileText(store, textOf(regionRubric()), 'v1.json')).toMatchObject({ replaced: 'same' });
    const v2 = await importFileText(store, textOf(regionRubric({ title: '某市2026年考核表（修订）' })), 'v2.json');
    expect(v2).toMatchObject({ status: 'stored', replaced: 'changed' });
    expect(getRubric(REGION_RUBRIC_ID).title).toBe('某市2026年考核表（修订）');
    expect(await store.listFiles()).toHaveLength(1);
    expect(await removeStoredFile(store, 'rubric', REGION_RUBRIC_ID)).toBe(true);
    expect(rubricIds).not.toContain(REGION_RUBRIC_ID);
    expect(storedVersion('rubric', REGION_RUBRIC_ID)).toBeUndefined();
  });
});
