import { describe, expect, it } from 'vitest';
import { dec, evaluate, fmt, getRubric } from '../../../src/core';
import type { RosterRowResult } from '../../../src/core/roster/types';
import { auditSheet } from '../../../src/sheet/audit';
import { MemoryWorkbook } from '../../../src/sheet/memory/memoryWorkbook';
import { type ExpandColumns, expandPlan, peerUpdates } from '../../../src/sheet/roster/expand';
import { linkFormula } from '../../../src/sheet/roster/link';
import { rosterSource } from '../../../src/sheet/roster/source';

const rubric = getRubric('weihai-2021-hospital-l2');

// the roster as the clerk typed it: 27.1 (A3) and 25.1 (A1) hold raw measures the roster turns into an
// interval and an excess over the low band
const ROSTER = [
  ['机构编码', '机构名称', '公立/民营', '质量保证金', '1.1', '12.1', '27.1', '25.1'],
  ['H001', '甲医院', '公立', 100000, 0, 2, 0.05, 0.1],
  ['H002', '乙医院', '民营', 80000, 1, 0, 0.12, 0.18],
  ['H003', '丙医院', '公立', 120000, 2, 5, 0.2, 0.25],
];
const columns: ExpandColumns = {
  fields: { code: 0, name: 1, ownership: 2, deposit: 3 },
  inputs: [
    { column: 4, id: '1.1' },
    { column: 5, id: '12.1' },
    { column: 6, id: '27.1' },
    { column: 7, id: '25.1' },
  ],
};

/** H003's row as scoreRoster gives it (the parts 展开 reads): in the third interval, 5 points over the band. */
function h003(peer: { '27.1'?: string; '25.1'?: number } = { '27.1': '第三区间', '25.1': 0.05 }): RosterRowResult {
  return {
    institution: {
      code: 'H003',
      name: '丙医院',
      row: 2,
      ownership: 'public',
      deposit: dec(120000),
      facts: { '1.1': 2, '12.1': 5, '27.1': 0.2, '25.1': 0.25 },
    },
    total: dec(0),
    gradeText: '',
    vetoItems: [],
    items: [],
    peer: (['27.1', '25.1'] as const).map((inputId) => ({
      inputId,
      itemNo: inputId.split('.')[0]!,
      group: '',
      ...(peer[inputId] !== undefined && { value: peer[inputId] }),
      line: '',
    })),
    overCap: dec(0),
    invalid: [],
    missing: [],
    problems: [],
  };
}

async function rosterBook() {
  const book = new MemoryWorkbook(['名单']);
  await book.writeCells('名单', [{ address: 'A1', rows: ROSTER }]);
  return { book, source: rosterSource('名单', await book.readValues('名单')) };
}

describe('展开: one institution’s sheet from its roster row', () => {
  it('links what the row says to the roster cells and writes what the peers decide as values', async () => {
    const { source } = await rosterBook();
    const { plan, links } = expandPlan(rubric, h003(), source, columns, { policyId: 'jilin-2025', convert: true });
    const at = (address: string) => links.find((block) => block.address === address)?.rows[0]![0];
    const input = (id: string) => plan.inputs.find((i) => i.id === id)!.address;
    // 机构编码 links to A4 (H003's row), as General (its text format would keep a formula as text)
    expect(at(plan.fields.institutionCode)).toEqual({ formula: linkFormula('名单', 'A4'), numberFormat: 'General' });
    expect(at(plan.fields.deposit)).toEqual({ formula: linkFormula('名单', 'D4') });
    expect(at(input('1.1'))).toEqual({ formula: linkFormula('名单', 'E4') });
    expect(at(input('12.1'))).toEqual({ formula: linkFormula('名单', 'F4') });
    // the peer-computed facts are not linked to the raw measures
    expect(at(input('27.1'))).toBeUndefined();
    expect(at(input('25.1'))).toBeUndefined();
    expect(links).toHaveLength(6);
  });

  it('makes a sheet whose total is the one-institution total of the row’s facts with the peer values', async () => {
    const { book, source } = await rosterBook();
    const { plan, links } = expandPlan(rubric, h003(), source, columns);
    const name = await book.createSheet(plan);
    await book.writeCells(name, links);
    const snapshot = await book.readSheet(name);
    expect(snapshot).toMatchObject({ rosterSheet: '名单', institutionCode: 'H003', institutionName: '丙医院', ownership: '公立', deposit: 120000 });
    const facts = { '1.1': 2, '12.1': 5, '27.1': '第三区间', '25.1': 0.05 };
    const want = evaluate(rubric, facts, { ownership: 'public' });
    expect(auditSheet(snapshot).summary.total).toBe(fmt(want.total));
    // the peer values count: the third interval takes 4 more than the first, 5 points over the band 2.5
    const best = evaluate(rubric, { ...facts, '27.1': '第一区间', '25.1': 0 }, { ownership: 'public' });
    expect(best.total.minus(want.total).toNumber()).toBe(6.5);
    // the roster changes: the sheet follows without the pane
    book.setCell('名单', 'E4', 0);
    expect((await book.readSheet(name)).inputs.find((i) => i.id === '1.1')!.value).toBe(0);
  });

  it('计算 writes the peers’ new values into the sheets expanded from that roster, and no other', async () => {
    const { book, source } = await rosterBook();
    const { plan, links } = expandPlan(rubric, h003(), source, columns);
    const name = await book.createSheet(plan);
    await book.writeCells(name, links);
    const snapshot = await book.readSheet(name);
    const input = (id: string) => plan.inputs.find((i) => i.id === id)!.address;
    // unchanged: nothing to write
    expect(peerUpdates('名单', rubric.id, [h003()], snapshot)).toEqual([]);
    // now in the second interval, and no band could be set for 25.1 (a peer group of one): cleared
    expect(peerUpdates('名单', rubric.id, [h003({ '27.1': '第二区间' })], snapshot)).toEqual([
      { address: input('25.1'), rows: [[null]] },
      { address: input('27.1'), rows: [['第二区间']] },
    ]);
    // another roster sheet, another table, a sheet made by 新建考核表: left alone
    expect(peerUpdates('Sheet2', rubric.id, [h003({ '27.1': '第二区间' })], snapshot)).toEqual([]);
    expect(peerUpdates('名单', 'weihai-2021-hospital-l1', [h003({ '27.1': '第二区间' })], snapshot)).toEqual([]);
    const { rosterSheet: _, ...made } = snapshot;
    expect(peerUpdates('名单', rubric.id, [h003({ '27.1': '第二区间' })], made)).toEqual([]);
  });
});
