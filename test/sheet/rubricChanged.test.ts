// A sheet made from a region's own table records the table's version (its MIB_FILES fingerprint) in
// 考核表版本 / MIB_RUBRIC_VERSION; once another version is stored, the audit flags the sheet first.
import { afterEach, describe, expect, it } from 'vitest';
import { getRubric, unregister } from '../../src/core';
import { auditSheet } from '../../src/sheet/audit';
import { MemoryFileStore } from '../../src/sheet/memory/memoryFiles';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planSheet } from '../../src/sheet/plan';
import { importFileText, storedVersion } from '../../src/sheet/storedFiles/load';
import { REGION_POLICY_ID, REGION_RUBRIC_ID, regionPolicy, regionRubric, textOf } from '../support/regionFiles';

afterEach(() => {
  unregister('rubric', REGION_RUBRIC_ID);
  unregister('policy', REGION_POLICY_ID);
});

async function sheetFromStoredTable() {
  const store = new MemoryFileStore();
  await importFileText(store, textOf(regionRubric()), 'table.json');
  await importFileText(store, textOf(regionPolicy()), 'policy.json');
  const version = storedVersion('rubric', REGION_RUBRIC_ID)!;
  const plan = planSheet(getRubric(REGION_RUBRIC_ID), { policyId: REGION_POLICY_ID, rubricVersion: version, institutionName: '某医院' });
  const book = new MemoryWorkbook();
  const name = await book.createSheet(plan);
  return { store, book, name, plan, version };
}

describe('考核表已更新 (rubricChanged)', () => {
  it('the sheet records the version it was made from; the same version raises no flag', async () => {
    const { book, name, plan, version } = await sheetFromStoredTable();
    expect(plan.names).toContainEqual({ name: 'MIB_RUBRIC_VERSION', ref: plan.fields.rubricVersion });
    expect(book.cell(name, plan.fields.rubricVersion!).value).toBe(version);
    const audit = auditSheet(await book.readSheet(name));
    expect(audit.summary.counts.rubricChanged).toBe(0);
  });

  it('after another version is stored, the sheet made from the old one is flagged, first', async () => {
    const { store, book, name, plan, version } = await sheetFromStoredTable();
    book.setCell(name, plan.inputs.find((i) => i.id === '1.1')!.address, '是');
    await importFileText(store, textOf(regionRubric({ points6: 30 })), 'table-v2.json');
    const audit = auditSheet(await book.readSheet(name));
    expect(audit.flags[0]).toMatchObject({
      kind: 'rubricChanged',
      address: plan.fields.rubricVersion,
      message: `考核表已更新：本表按旧版生成（版本 ${version}，现为 ${storedVersion('rubric', REGION_RUBRIC_ID)}），请重新生成`,
    });
    expect(audit.flags[1]!.kind).toBe('veto');
  });

  it('a bundled table has no version cell (its layout is unchanged)', () => {
    const plan = planSheet(getRubric('cq-jiangbei-2025-hospital'));
    expect(plan.fields.rubricVersion).toBeUndefined();
    expect(plan.names.map((n) => n.name)).not.toContain('MIB_RUBRIC_VERSION');
  });
});
