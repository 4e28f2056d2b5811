import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { collectSubmissions, type WorkbookCells } from '../../src/sheet/collect';
import { memoizedReplanner, planAddress } from '../../src/sheet/matchPlan';
import { cellAddress, normalizeAddress } from '../../src/sheet/memory/a1';
import type { StoredCell } from '../../src/sheet/memory/snapshot';
import { planSheet } from '../../src/sheet/plan';
import type { PlainValue, SheetPlan } from '../../src/sheet/types';

const replan = memoizedReplanner((id, variant) => planSheet(getRubric(id), { ...variant, convert: true }));

/** A workbook of planned sheets held as plain cells, as a file reader would give them. */
function workbookOf(sheets: { name: string; plan: SheetPlan; typed?: Record<string, PlainValue | null>; moveNames?: boolean }[]): WorkbookCells {
  const cells = new Map<string, Map<string, StoredCell>>();
  const names: WorkbookCells['names'][number][] = [];
  for (const { name, plan, typed = {}, moveNames } of sheets) {
    const map = new Map<string, StoredCell>();
    plan.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && 'formula' in cell) map.set(cellAddress(r, c), { formula: cell.formula, value: 0 });
        else if (cell && 'value' in cell) map.set(cellAddress(r, c), { value: cell.value });
      }),
    );
    for (const [address, value] of Object.entries(typed)) map.set(address, { value });
    cells.set(name, map);
    // a row inserted above the table moves every name below row 4 one row down
    const moved = (address: string) => (moveNames ? address.replace(/(\d+)/g, (n) => (Number(n) > 4 ? String(Number(n) + 1) : n)) : address);
    for (const n of plan.names) for (const area of planAddress(n.ref).split(',')) names.push({ name: n.name, sheet: name, address: moved(area) });
  }
  return {
    sheets: sheets.map((s) => s.name),
    names,
    cell: (sheet, address) => cells.get(sheet)?.get(normalizeAddress(address)) ?? { value: null },
  };
}

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const plan = planSheet(jiangbei, { policyId: 'cq-jiangbei-2025', institutionCode: '500105001', institutionName: '江北区人民医院', deposit: 20000 });

describe('collectSubmissions (pure, over a workbook’s cells)', () => {
  it('takes facts, 公立/民营, 质量保证金 and the self-scores; the self total is summed once every item has one', () => {
    const selfEvery = Object.fromEntries(
      plan.items.map((item) => [item.selfScore, jiangbei.items.find((i) => i.no === item.itemNo)!.points === null ? null : 1]),
    );
    const first = plan.inputs[0]!;
    const collected = collectSubmissions(
      [
        {
          source: 'a.xlsx',
          cells: workbookOf([{ name: 'S', plan, typed: { ...selfEvery, [first.address]: '是', [plan.fields.ownership]: '民营' } }]),
        },
      ],
      replan,
    );
    expect(collected.rubricId).toBe(jiangbei.id);
    const row = collected.rows[0]!;
    const scored = jiangbei.items.filter((i) => i.points !== null && !i.bonus).length;
    expect(row.slice(0, 5)).toEqual(['500105001', '江北区人民医院', '民营', 20000, scored]);
    expect(row[5]).toBe('是');
    expect(collected.header[5]).toBe(first.id);
  });

  it('some self-scores blank: no self total, the items named; a blank 机构编码 is flagged, not dropped', () => {
    // 江北 1–3 are veto items without points (no self-score): 4 and 5 are the first scored ones
    const [a, b] = plan.items.filter((item) => jiangbei.items.find((i) => i.no === item.itemNo)!.points !== null);
    const collected = collectSubmissions(
      [
        {
          source: 'b.xlsx',
          cells: workbookOf([{ name: 'S', plan, typed: { [a!.selfScore]: 1, [b!.selfScore]: null, [plan.fields.institutionCode]: null } }]),
        },
      ],
      replan,
    );
    const line = collected.lines[0]!;
    expect(line.status).toBe('flagged');
    expect(line.notes[0]).toBe('未填机构编码');
    expect(line.notes[1]).toMatch(/^\d+ 项未填自评得分（5、6、7、8、9 等），未计自评总分$/);
    expect(collected.rows[0]![0]).toBeNull();
    expect(collected.rows[0]![4]).toBeNull();
  });

  it('a workbook with two assessment sheets: a line for each, naming the sheet; another table is refused', () => {
    const pharmacy = planSheet(getRubric('cq-jiangbei-2025-pharmacy'), { institutionCode: 'P1' });
    const collected = collectSubmissions(
      [
        {
          source: 'two.xlsx',
          cells: workbookOf([
            { name: '医院', plan },
            { name: '药店', plan: pharmacy },
          ]),
        },
      ],
      replan,
    );
    expect(collected.lines.map((l) => [l.sheetName, l.status])).toEqual([
      ['医院', 'ok'],
      ['药店', 'refused'],
    ]);
    expect(collected.lines[1]!.message).toBe('two.xlsx 工作表“药店”：未收集——考核表是“江北 2025 零售药店”，与本次收集的“江北 2025 医疗机构”不同');
  });

  it('a sheet whose rows moved, or naming an unknown table, is refused rather than misread', () => {
    const unknown = workbookOf([{ name: 'S', plan, typed: { [plan.names.find((n) => n.name === 'MIB_RUBRIC')!.ref]: 'no-such-table' } }]);
    const collected = collectSubmissions(
      [
        { source: 'moved.xlsx', cells: workbookOf([{ name: 'S', plan, moveNames: true }]) },
        { source: 'unknown.xlsx', cells: unknown },
        { source: 'ok.xlsx', cells: workbookOf([{ name: 'S', plan }]) },
      ],
      replan,
    );
    expect(collected.lines.map((l) => l.message.split('——')[1] ?? l.status)).toEqual([
      '工作表“S”的考核表“江北 2025 医疗机构”布局已改动（可能插入或删除了行列），请重新生成考核表后填报',
      '工作表“S”的考核表编号“no-such-table”不是内置的考核表，也不是本次给出的考核表文件',
      'ok',
    ]);
    expect(collected.rows).toHaveLength(1);
  });
});
