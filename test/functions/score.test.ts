// MIB.SCORE called as Excel calls it: 2-D ranges, null for blank cells and omitted arguments, numbers
// and text as the cells hold them. Expected totals are worked out from the 江北 2025 hospital table
// (江医保中心发〔2024〕16号 附件2, seed 000_292b48499498f231.txt), not read back from the core.
import { describe, expect, it } from 'vitest';
import { evaluate, getRubric } from '../../src/core';
import { FunctionFailure } from '../../src/functions/failure';
import { scoreTotal } from '../../src/functions/score';
import { CLEAN, type Cell, column, EXAMPLE, EXAMPLE_TOTAL, JIANGBEI, pairs, row, sheet } from './excelArgs';

function total(facts: Record<string, Cell>): number | FunctionFailure {
  const { ids, values } = sheet(facts);
  return scoreTotal(JIANGBEI, ids, values);
}

function failure(outcome: unknown): FunctionFailure {
  expect(outcome).toBeInstanceOf(FunctionFailure);
  return outcome as FunctionFailure;
}

describe('MIB.SCORE: range shapes', () => {
  const ids = Object.keys(EXAMPLE);
  const values = Object.values(EXAMPLE);

  it('ids and values as two columns of an assessment sheet', () => {
    expect(scoreTotal(JIANGBEI, column(...ids), column(...values))).toBe(EXAMPLE_TOTAL);
  });

  it('ids in a header row and values in a roster row', () => {
    expect(scoreTotal(JIANGBEI, row(...ids), row(...values))).toBe(EXAMPLE_TOTAL);
  });

  it('ids in a column and values in a row (both one-dimensional, same length)', () => {
    expect(scoreTotal(JIANGBEI, column(...ids), row(...values))).toBe(EXAMPLE_TOTAL);
  });

  it('one two-column range of id/value pairs, values omitted (null)', () => {
    expect(scoreTotal(JIANGBEI, pairs(EXAMPLE), null)).toBe(EXAMPLE_TOTAL);
  });

  it('one two-row range: ids above, values below', () => {
    expect(scoreTotal(JIANGBEI, [ids, values], null)).toBe(EXAMPLE_TOTAL);
  });

  it('two ranges of the same 2-D shape pair cell by cell', () => {
    const half = Math.ceil(ids.length / 2);
    const grid = (cells: Cell[]) => [cells.slice(0, half), [...cells.slice(half), ...Array(2 * half - cells.length).fill(null)]];
    expect(scoreTotal(JIANGBEI, grid(ids), grid(values))).toBe(EXAMPLE_TOTAL);
  });

  it('spacer rows with neither id nor value are skipped', () => {
    const { ids: idColumn, values: valueColumn } = sheet(EXAMPLE);
    expect(scoreTotal(JIANGBEI, [[null], ...idColumn, [''], [null]], [[null], ...valueColumn, [null], ['']])).toBe(EXAMPLE_TOTAL);
  });

  it('ids typed as numbers (4.2) read as the ids they show', () => {
    const numeric = Object.fromEntries(Object.entries(EXAMPLE).map(([id, v]) => [id, v]));
    const idCells: Cell[] = Object.keys(numeric).map((id) => Number(id));
    expect(scoreTotal(JIANGBEI, column(...idCells), column(...Object.values(numeric)))).toBe(EXAMPLE_TOTAL);
  });

  it('a 1×1 range is one pair of cells', () => {
    // only 1.1 given: 未缴纳罚金 = 是 → veto, total 0
    expect(scoreTotal(JIANGBEI, [['1.1']], [['是']])).toBe(0);
  });
});

describe('MIB.SCORE: values as cells hold them', () => {
  it('every fact clean scores the full 100', () => {
    expect(total(CLEAN)).toBe(100);
  });

  it('yes/no as 是/否, TRUE/FALSE and 1/0 give the same total', () => {
    const asWords = Object.fromEntries(Object.entries(CLEAN).map(([id, v]) => [id, typeof v === 'boolean' ? (v ? '是' : '否') : v]));
    const asDigits = Object.fromEntries(Object.entries(CLEAN).map(([id, v]) => [id, typeof v === 'boolean' ? (v ? 1 : 0) : v]));
    const asText = Object.fromEntries(Object.entries(CLEAN).map(([id, v]) => [id, typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v]));
    expect(total(asWords)).toBe(100);
    expect(total(asDigits)).toBe(100);
    expect(total(asText)).toBe(100);
  });

  it('ratios as a percent cell (0.62) or as text ("62%") are the same fact', () => {
    expect(total({ ...EXAMPLE, '18.1': 0.62 })).toBe(EXAMPLE_TOTAL);
    expect(total({ ...EXAMPLE, '18.1': '62%' })).toBe(EXAMPLE_TOTAL);
  });

  it('counts as numbers or numeric text', () => {
    expect(total({ ...EXAMPLE, '4.2': '2' })).toBe(EXAMPLE_TOTAL);
  });

  it('a data-typed object is not read (functions.json does not ask Excel for data types, src/functions/metadata/runtime.ts)', () => {
    expect(failure(total({ ...EXAMPLE, '4.2': { type: 'Double', basicValue: 2 } })).message).toContain('4.2');
  });

  it('spaces around ids, and a rubric id in capitals, are accepted', () => {
    const { ids, values } = sheet(EXAMPLE);
    const spaced = ids.map(([id]) => [` ${String(id)} `]);
    expect(scoreTotal(JIANGBEI, spaced, values)).toBe(EXAMPLE_TOTAL);
    expect(scoreTotal(` ${JIANGBEI.toUpperCase()} `, ids, values)).toBe(EXAMPLE_TOTAL);
  });
});

describe('MIB.SCORE: the 江北 table, clause by clause', () => {
  it('1.1 “未缴纳罚金的不签订协议”: a veto makes the total 0 (“出现否决项得分为0”)', () => {
    expect(total({ ...CLEAN, '1.1': '是' })).toBe(0);
    expect(total({ ...CLEAN, '16.1': true })).toBe(0);
  });

  it('4.2 “发现一次扣1分，扣完为止”: 2 findings take 2 of 5; 9 findings take all 5 and no more', () => {
    expect(total({ ...CLEAN, '4.2': 2 })).toBe(98);
    expect(total({ ...CLEAN, '4.2': 9 })).toBe(95);
  });

  it('17.2 “每超一个工作日扣5分，扣完为止”: 3 days deduct 15 of 10, the item scores 0', () => {
    expect(total({ ...CLEAN, '17.2': 3 })).toBe(90);
  });

  it('18.1 “未达到50%的扣10分”: 49.9% deducts 10, 50% does not', () => {
    expect(total({ ...CLEAN, '18.1': 0.499 })).toBe(90);
    expect(total({ ...CLEAN, '18.1': 0.5 })).toBe(100);
  });

  it('20.1 “网采率未达到90%的不得分”', () => {
    expect(total({ ...CLEAN, '20.1': 0.89 })).toBe(90);
  });

  it('21.1 “占比30%的，得5分”', () => {
    expect(total({ ...CLEAN, '21.1': 0.3 })).toBe(100);
    expect(total({ ...CLEAN, '21.1': 0.29 })).toBe(95);
  });

  it('22 “20%、50%的，得5分”: both thresholds must be met', () => {
    expect(total({ ...CLEAN, '22.1': 0.2, '22.2': 0.5 })).toBe(100);
    expect(total({ ...CLEAN, '22.1': 0.19, '22.2': 0.9 })).toBe(95);
  });

  it('23 “排名前3加3分” and “每次1分” (2 at most)', () => {
    expect(total({ ...CLEAN, '23.1': 4, '23.2': 2 })).toBe(97);
    expect(total({ ...CLEAN, '23.1': 3, '23.2': 7 })).toBe(100);
  });

  it('a blank cell is a missing fact: no finding for deductions, not achieved for earnings', () => {
    // 4.2 blank: nothing deducted; 24.1 blank: 参加得5分 not earned
    expect(total({ ...CLEAN, '4.2': null, '24.1': null })).toBe(95);
    expect(total({ ...CLEAN, '4.2': '', '24.1': '  ' })).toBe(95);
  });

  it('agrees with the core on the example institution', () => {
    const rubric = getRubric(JIANGBEI);
    expect(total(EXAMPLE)).toBe(evaluate(rubric, EXAMPLE).total.toNumber());
  });
});

describe('MIB.SCORE: bad input gives #VALUE! with a Chinese message naming the id', () => {
  it('a ratio of 150% (18.1 must be between 0% and 100%)', () => {
    const f = failure(total({ ...CLEAN, '18.1': 1.5 }));
    expect(f.code).toBe('invalidValue');
    expect(f.message).toContain('18.1');
    expect(f.message).toContain('0% 到 100%');
    expect(f.message).toContain('1.5');
  });

  it('a ratio typed as 45 instead of 45%', () => {
    expect(failure(total({ ...CLEAN, '21.1': 45 })).message).toMatch(/^21\.1（.*）应为 0% 到 100% 之间的比例/);
  });

  it('text, a negative number or a fraction for a count', () => {
    expect(failure(total({ ...CLEAN, '4.2': '两次' })).message).toMatch(/4\.2（.*）应为不小于0的整数（次数），收到的是 “两次”/);
    expect(failure(total({ ...CLEAN, '4.2': -1 })).message).toContain('4.2');
    expect(failure(total({ ...CLEAN, '4.2': 2.5 })).message).toContain('整数');
    // issue 19: a cell's 2^53 (what 9007199254740993 becomes) was read at 15 digits as 9007199254740990
    expect(failure(total({ ...CLEAN, '4.2': 2 ** 53 })).message).toMatch(/^4\.2（.*）不能大于 9007199254740991，收到的是 9007199254740992/);
    expect(failure(total({ ...CLEAN, '4.2': '9007199254740993' })).message).toContain('不能大于 9007199254740991');
  });

  it('a yes/no fact that is neither', () => {
    expect(failure(total({ ...CLEAN, '1.1': '可能' })).message).toMatch(/1\.1（未缴纳罚金）应填“是”或“否”/);
  });

  it('a rank of 0', () => {
    expect(failure(total({ ...CLEAN, '23.1': 0 })).message).toContain('23.1');
  });

  it('several problems: the first, and how many more', () => {
    const f = failure(total({ ...CLEAN, '18.1': 1.5, '4.2': -1, '1.1': 'x' }));
    expect(f.message).toContain('另有 2 处输入错误');
    expect(f.message).toContain('MIB.FLAGS');
  });

  it('an unknown input id', () => {
    expect(failure(total({ ...CLEAN, '99.1': 1 })).message).toMatch(/未知的输入编号“99\.1”/);
  });

  it('the same id twice, also as 序号 and code forms of one input', () => {
    const { ids, values } = sheet(CLEAN);
    const f = failure(scoreTotal(JIANGBEI, [...ids, ['4.2']], [...values, [1]]));
    expect(f.message).toMatch(/输入编号 “4\.2” 出现了两次（第 6 与第 38 对）/);
  });

  it('an id cell reading __proto__ is an unknown id, not a way to change what the facts inherit', () => {
    const f = failure(scoreTotal(JIANGBEI, column('__proto__', '4.2'), column(1, 2)));
    expect(f.message).toMatch(/未知的输入编号“__proto__”/);
  });

  it('a value no cell can hand over (NaN, an object from code) is refused, naming the id or the position', () => {
    expect(failure(total({ ...CLEAN, '6.1': Number.NaN })).message).toBe('6.1 的取值单元格是错误值 #NUM!，请先更正该单元格');
    expect(failure(scoreTotal(JIANGBEI, [['4.2'], [{ code: '#REF!' }]], [[1], [2]])).message).toContain('编号区域第 2 个单元格是错误值 #VALUE!');
  });

  it('a value with no id beside it', () => {
    expect(failure(scoreTotal(JIANGBEI, [['4.2'], [null]], [[1], [3]])).message).toContain('取值区域第 2 个单元格（3）没有对应的编号');
  });

  it('ranges that do not pair up', () => {
    expect(failure(scoreTotal(JIANGBEI, column('4.2', '6.1'), column(1))).message).toContain(
      '编号区域（2 行 × 1 列）与取值区域（1 行 × 1 列）不对应',
    );
    expect(failure(scoreTotal(JIANGBEI, [['4.2', 1, 2]], null)).message).toContain('只给一个区域时');
    expect(failure(scoreTotal(JIANGBEI, null, null)).message).toContain('缺少编号区域');
  });

  it('an unknown rubric names the valid ones; a blank one asks for it', () => {
    const f = failure(scoreTotal('cq-jiangbei-2024-hospital', column('4.2'), column(1)));
    expect(f.message).toContain('未知的考核表编号“cq-jiangbei-2024-hospital”');
    expect(f.message).toContain(JIANGBEI);
    expect(failure(scoreTotal('', column('4.2'), column(1))).message).toContain('请填写考核表编号');
    expect(failure(scoreTotal(null, column('4.2'), column(1))).message).toContain('请填写考核表编号');
  });
});

describe('MIB.SCORE: ids typed as numbers', () => {
  it('an id cell holding the number 12.1, where the table also has 12.10, is refused as ambiguous', async () => {
    // a copy of the 江北 table whose item 12 has inputs 12.1 and 12.10: Excel shows the number 12.10 as 12.1
    const { RubricSchema } = await import('../../src/core');
    const { factsFor } = await import('../../src/functions/facts');
    const hospital = structuredClone((await import('../../rubrics/cq-jiangbei-2025-hospital.json')).default) as {
      items: { no: string; rules: { input: { id: string } }[] }[];
    };
    const item12 = hospital.items.find((i) => i.no === '12');
    if (!item12?.rules[1]) throw new Error('item 12 has two clauses in the 江北 table');
    item12.rules[1].input.id = '12.10';
    const rubric = RubricSchema.parse(hospital);
    const numeric = factsFor(rubric, [{ id: '12.1', value: true, position: 1, typedAsNumber: true }]);
    expect((numeric as FunctionFailure).message).toContain('输入编号“12.1”有歧义：考核表还有 12.10');
    expect(factsFor(rubric, [{ id: '12.1', value: true, position: 1, typedAsNumber: false }])).toEqual({ '12.1': true });
  });

  it('an id cell computed with binary noise (=0.7*3 is 2.0999999999999996) is the id Excel shows, 2.1', () => {
    // 江北 2.1 “未按时整改到位的不签订协议” = 是: a veto, total 0
    expect(scoreTotal(JIANGBEI, column(0.7 * 3, '4.2'), column('是', 2))).toBe(0);
  });
});
