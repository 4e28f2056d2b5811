import { describe, expect, it } from 'vitest';
import { getRubric } from '../../../src/core';
import { MemoryWorkbook } from '../../../src/sheet/memory/memoryWorkbook';
import { rowsIntoRoster } from '../../../src/sheet/roster/addRows';
import { rosterSource } from '../../../src/sheet/roster/source';

const rubric = getRubric('cq-jiangbei-2025-hospital');
// as mib collect gathers them: the institution columns, then the input ids
const GATHERED = {
  header: ['机构编码', '机构名称', '公立/民营', '质量保证金', '自评得分', '4.2', '17.2'],
  rows: [
    ['H002', '乙医院', '民营', 80000, 95, 3, 0],
    ['H009', '新医院', '公立', 50000, null, 1, 2],
  ],
};

async function roster(rows: unknown[][]) {
  const book = new MemoryWorkbook(['名单']);
  if (rows.length > 0) await book.writeCells('名单', [{ address: 'B2', rows: rows as never }]);
  return { book, source: rosterSource('名单', await book.readValues('名单')) };
}

describe('rowsIntoRoster: collected sheets into the roster sheet', () => {
  it('writes an institution already there over, in the gathered columns only; adds a new one below; a missing column at the end', async () => {
    const { book, source } = await roster([
      ['机构编码', '机构名称', '机构性质', '17.2', '4.2', '备注'],
      ['H001', '甲医院', '公立', 1, 0, '保留'],
      ['H002', '乙医院', '公立', 5, 5, '保留'],
    ]);
    const { blocks, added, updated } = rowsIntoRoster(rubric, source, GATHERED);
    expect({ added, updated }).toEqual({ added: 1, updated: 1 });
    await book.writeCells('名单', blocks);
    expect((await book.readValues('名单'))?.values).toEqual([
      // 质量保证金 and 自评得分 were not in the roster: new columns at the end (备注 is kept as it was)
      ['机构编码', '机构名称', '机构性质', '17.2', '4.2', '备注', '质量保证金', '自评得分'],
      ['H001', '甲医院', '公立', 1, 0, '保留', null, null],
      ['H002', '乙医院', '民营', 0, 3, '保留', 80000, 95],
      ['H009', '新医院', '公立', 2, 1, null, 50000, null],
    ]);
  });

  it('an empty sheet takes the gathered header and rows from A1', async () => {
    const { book, source } = await roster([]);
    const { blocks, added } = rowsIntoRoster(rubric, source, GATHERED);
    expect(added).toBe(2);
    await book.writeCells('名单', blocks);
    expect((await book.readValues('名单'))?.values).toEqual([GATHERED.header, ...GATHERED.rows]);
  });
});
