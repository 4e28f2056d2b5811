import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core';
import type { RosterResult, RosterRowResult } from '../../src/core/roster/types';
import { rosterSource } from '../../src/sheet/roster/source';
import { problemEntries } from '../../src/taskpane/roster/problemEntries';

const source = rosterSource('名单', {
  origin: 'A1',
  values: [
    ['机构编码', '机构名称', '质量保证金', '1.1'],
    ['H001', '甲医院', 'abc', 1],
    ['H002', '乙医院', 100, '很多'],
  ],
});
const columns = { fields: { code: 0, name: 1, deposit: 2 }, inputs: [{ column: 3, id: '1.1' }] };

function row(index: number, code: string, name: string, extra: Partial<RosterRowResult>): RosterRowResult {
  return {
    institution: { code, name, row: index, facts: {} },
    total: dec(0),
    gradeText: '',
    vetoItems: [],
    items: [],
    peer: [],
    overCap: dec(0),
    invalid: [],
    missing: [],
    problems: [],
    ...extra,
  };
}

const result = {
  problems: [
    { field: 'E1', message: 'E1 的列名“备注”不是输入编号', messageEn: 'E1: unknown column' },
    { field: '1.1', message: '1.1：同级只有一家机构有测量值', messageEn: 'a peer group of one' },
    { field: '机构编码', message: '名册表头缺少“机构编码”列', messageEn: 'no code column' },
  ],
  institutions: [
    row(0, 'H001', '甲医院', { problems: [{ field: 'C2', message: 'C2 的质量保证金“abc”不是数', messageEn: 'C2: not a number' }] }),
    row(1, 'H002', '乙医院', {
      invalid: [
        { field: '1.1', message: '应为不小于 0 的整数', messageEn: 'a whole number ≥ 0' },
        { field: '1.1', message: 'D3：应为不小于 0 的整数', messageEn: 'D3: a whole number ≥ 0' },
      ],
    }),
  ],
} as unknown as RosterResult;

describe('problemEntries', () => {
  it('lists table problems, then each row’s, each with the roster cell it names', () => {
    const { shown, more } = problemEntries(result, source, columns);
    expect(more).toBe(0);
    expect(shown.map((e) => [e.address, e.message])).toEqual([
      ['E1', 'E1 的列名“备注”不是输入编号'],
      // a clause's problem: the header of its column
      ['D1', '1.1：同级只有一家机构有测量值'],
      [undefined, '名册表头缺少“机构编码”列'],
      ['C2', 'H001 甲医院：C2 的质量保证金“abc”不是数'],
      // an invalid fact is named by its input id: its cell is that id's column on the row, named once
      ['D3', 'H002 乙医院：D3：应为不小于 0 的整数'],
      ['D3', 'H002 乙医院：D3：应为不小于 0 的整数'],
    ]);
    expect(shown[4]!.messageEn).toBe('H002: D3: a whole number ≥ 0');
  });

  it('lists at most `limit`, counting the rest', () => {
    const { shown, more } = problemEntries(result, source, columns, 3);
    expect(shown).toHaveLength(3);
    expect(more).toBe(3);
  });
});

describe('problemEntries with the roster’s findings (issue 22)', () => {
  it('lists the veto and the deduction beyond an item’s points first, each selecting the institution’s name', async () => {
    const { publishRoster, publishRows, publishRubric } = await import('../support/publishRoster');
    const { rosterFindings } = await import('../../src/core/roster/findings');
    const { rosterOf } = await import('../core/roster/rosterTable');
    const table = rosterOf(publishRows());
    const sheet = rosterSource('名单', { origin: 'A1', values: [table.header, ...(table.rows as (string | number | null)[][])] });
    const name = table.header.indexOf('机构名称');
    const scored = publishRoster();
    const { shown } = problemEntries(scored, sheet, { fields: { code: 0, name }, inputs: [] }, 200, rosterFindings(scored, publishRubric()));
    expect(shown.slice(0, 2).map((entry) => [entry.message, entry.address])).toEqual([
      ['H08 H08医院：否决项 第1项', `${String.fromCharCode(65 + name)}9`],
      ['H06 H06医院：第6项 参保群众的就医购药是否服务到位的扣分超出单项分值 2 分', `${String.fromCharCode(65 + name)}7`],
    ]);
    // then the problems: H10's invalid fact
    expect(shown.slice(2).map((entry) => entry.message)).toEqual([expect.stringContaining('H10 H10医院：')]);
  });

  it('has entries after a vetoed roster, so the pane never says the roster has no problems', async () => {
    const vetoed = { ...result, problems: [], institutions: [row(0, 'H001', '甲医院', { vetoItems: ['1'] })] } as unknown as RosterResult;
    const { rosterFindings } = await import('../../src/core/roster/findings');
    const { getRubric } = await import('../../src/core');
    const { shown } = problemEntries(vetoed, source, columns, 200, rosterFindings(vetoed, getRubric('cq-jiangbei-2025-hospital')));
    expect(shown.map((entry) => entry.message)).toEqual(['H001 甲医院：否决项 第1项']);
  });
});
