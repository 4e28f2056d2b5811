// Issue 19 point 4: a reading written on a clause inside another (威海 A6 — 二级 item 30, 一级 29 — two
// methods of a 按高分计算 clause, each with its note) reaches `readingsOf` and so `mib score`, its JSON, the
// pane, and the sheet's 口径说明 column, on the method's own row. One walker (clausesWithin) finds them.
import { describe, expect, it } from 'vitest';
import { clauseReadings, evaluate, getRubric, readingsOf, type Rule, RubricSchema } from '../../src/core';
import { clausesWithin } from '../../src/core/checks/clauses';
import { planSheet } from '../../src/sheet/planSheet';
import type { SheetPlan } from '../../src/sheet/types';

const LOW_BAND = '“低位区间占比20%”读作占比20%及以下得满分。';
const FLAT = '下降不足2%的按“增幅≤2%”得5分';

const readingColumn = (plan: SheetPlan) => {
  const index = plan.columns.findIndex((c) => c.header === '口径说明');
  return (id: string) => {
    const row = Number(plan.inputs.find((i) => i.id === id)!.address.replace(/^[A-Z]+/, ''));
    const cell = plan.grid[row - 1]?.[index];
    return cell && 'value' in cell ? cell.value : undefined;
  };
};

describe.each([
  ['weihai-2021-hospital-l2', '30', 7],
  ['weihai-2021-hospital-l1', '29', 8],
])('%s A6 (item %s): the notes of the 按高分计算 methods', (id, no, flat) => {
  const rubric = getRubric(id);
  it('the table reads “持平” as exactly 0: −1% scores 5, 0% scores the 持平 points, as the note says', () => {
    const score = (change: number) =>
      evaluate(rubric, { [`${no}.2`]: change })
        .items.find((i) => i.id === no)!
        .score.toNumber();
    expect(score(-0.01)).toBe(5);
    expect(score(0)).toBe(flat);
  });

  it('readingsOf lists each method’s note under its own input id', () => {
    const clauses = readingsOf(rubric).filter((r) => r.source === 'clause' && r.itemNo === no);
    expect(clauses).toContainEqual({ source: 'clause', id: `${no}.1`, itemNo: no, text: LOW_BAND });
    expect(clauses.find((r) => r.id === `${no}.2`)?.text).toContain(FLAT);
  });

  it('the sheet’s 口径说明 column carries each method’s note on the row of its fact', () => {
    const at = readingColumn(planSheet(rubric));
    expect(at(`${no}.1`)).toBe(LOW_BAND);
    expect(at(`${no}.2`)).toEqual(expect.stringContaining(FLAT));
  });
});

describe('clausesWithin: one walk over a clause and every clause inside it, at any depth', () => {
  it('finds the methods of a bestOf with their paths, and nothing in inputs or peer declarations', () => {
    const a6 = getRubric('weihai-2021-hospital-l2').items.find((i) => i.no === '30')!.rules[0]!;
    expect(clausesWithin(a6, 'r').map((c) => [c.rule.kind, c.path])).toEqual([
      ['bestOf', 'r'],
      ['linear', 'r.methods.0'],
      ['table', 'r.methods.1'],
    ]);
  });

  it('a clause nested deeper than the schema writes today is still found (any nesting)', () => {
    const inner = {
      kind: 'condition',
      effect: 'deduct',
      points: 1,
      text: '内层',
      note: '内层说明',
      input: { id: '1.1', type: 'boolean', label: 'x' },
    };
    const outer = { kind: 'manual', text: '外层', extra: { list: [{ wrap: inner }] } } as unknown as Rule;
    expect(clausesWithin(outer).map((c) => c.path)).toEqual(['', '.extra.list.0.wrap']);
  });

  it('a bestOf’s own note and its methods’ notes are all read, each with its own ids; one note shared by both methods is listed once per item', () => {
    const base = getRubric('weihai-2021-hospital-l2');
    const shared = RubricSchema.parse({
      ...base,
      items: base.items.map((item) =>
        item.no !== '30'
          ? item
          : {
              ...item,
              rules: item.rules.map((rule) =>
                rule.kind === 'bestOf' ? { ...rule, note: '两法取高。', methods: rule.methods.map((m) => ({ ...m, note: '同一说明。' })) } : rule,
              ),
            },
      ),
    });
    const a6 = shared.items.find((i) => i.no === '30')!;
    expect(clauseReadings(a6.rules[0]!, shared)).toEqual([
      { ids: ['30.1', '30.2'], text: '两法取高。' },
      { ids: ['30.1'], text: '同一说明。' },
      { ids: ['30.2'], text: '同一说明。' },
    ]);
    const item30 = readingsOf(shared).filter((r) => r.itemNo === '30');
    expect(item30).toEqual([
      { source: 'clause', id: '30.1、30.2', itemNo: '30', text: '两法取高。' },
      { source: 'clause', id: '30.1、30.2', itemNo: '30', text: '同一说明。' },
    ]);
    // on the sheet: the bestOf's note and the first method's on the first row, 同上 on the second
    const at = readingColumn(planSheet(shared));
    expect(at('30.1')).toBe('两法取高。同一说明。');
    expect(at('30.2')).toBe('同上');
  });
});
