// discretionary: 威海 C23 "视情节轻重每次扣5-10分", C12 "根据拖欠时间长短扣1-5分",
// D2 "每次加1-5分，最高20分". The input is the total points the reviewer sets.
import { describe, expect, it } from 'vitest';
import { blankOf, num, problems, rubricOf, run, sdo } from './helpers';

describe('discretionary — 威海 C23 “未按时核查、处理、反馈的，视情节轻重每次扣5-10分” (10 points)', () => {
  const LABEL = '未按时核查、处理、反馈酌情扣分合计';
  const rubric = rubricOf(
    [
      {
        kind: 'discretionary',
        effect: 'deduct',
        min: 5,
        max: 10,
        perOccurrence: true,
        text: '未按时核查、处理、反馈的，视情节轻重每次扣5-10分。',
        input: { id: '1.1', type: 'points', label: LABEL },
      },
    ],
    10,
  );

  it('7 points (one occurrence) are taken, with the range in the trace', () => {
    const { item } = run(rubric, { '1.1': 7 });
    expect([num(item.score), num(item.deducted), num(item.overCap)]).toEqual([3, 7, 0]);
    expect(item.trace).toEqual([`1.1 ${LABEL}：7 → 酌情扣7分（每次5–10分）`, '10 − 7 = 3']);
  });

  it('0 is no finding', () => {
    expect(sdo(rubric, { '1.1': 0 })).toEqual([10, 0, 0]);
  });

  it('a missing total is no finding, listed as missing', () => {
    const { result, item } = run(rubric, {});
    expect(num(item.score)).toBe(10);
    expect(result.missing).toEqual(['1.1']);
  });

  it('15 points (several occurrences) are valid: 0, 5 over the item', () => {
    const { result, item } = run(rubric, { '1.1': 15 });
    expect(result.invalid).toEqual([]);
    expect([num(item.score), num(item.deducted), num(item.overCap)]).toEqual([0, 15, 5]);
  });

  it('a total below the printed minimum (3 < 5) is reported invalid, naming 1.1', () => {
    const { result, item } = run(rubric, { '1.1': 3 });
    expect(result.invalid.map((p) => [p.field, p.message])).toEqual([['1.1', `1.1（${LABEL}）每次至少5分，填写的3分不足`]]);
    expect(result.missing).toEqual([]); // reported once, as invalid
    expect(num(item.score)).toBe(10);
  });

  it.each([
    ['45%', '“45%”'],
    ['五分', '“五分”'],
    [-3, '-3'],
  ] as const)('%j is not a number of points: reported naming 1.1', (raw, shown) => {
    expect(problems(rubric, { '1.1': raw })).toEqual([['1.1', `1.1（${LABEL}）应为不小于 0 的数，收到的是 ${shown}`]]);
  });
});

describe('discretionary — 威海 C12 “拖欠药耗货款的，根据拖欠时间长短扣1-5分” (once, 10 points)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'discretionary',
        effect: 'deduct',
        min: 1,
        max: 5,
        perOccurrence: false,
        text: '拖欠药耗货款的，根据拖欠时间长短扣1-5分',
        input: { id: '1.1', type: 'points', label: '拖欠货款扣分' },
      },
    ],
    10,
  );

  it('1 and 5 (the printed bounds) are valid', () => {
    expect(sdo(rubric, { '1.1': 1 })).toEqual([9, 1, 0]);
    expect(sdo(rubric, { '1.1': 5 })).toEqual([5, 5, 0]);
    expect(run(rubric, { '1.1': 5 }).item.trace[0]).toBe('1.1 拖欠货款扣分：5 → 酌情扣5分（每项1–5分）');
  });

  it('6 is more than the clause allows: invalid', () => {
    expect(problems(rubric, { '1.1': 6 })).toEqual([['1.1', '1.1（拖欠货款扣分）本条最多5分，填写的是6分']]);
  });

  it('0.5 is below the printed minimum of 1: invalid', () => {
    expect(problems(rubric, { '1.1': 0.5 })).toEqual([['1.1', '1.1（拖欠货款扣分）本条至少1分，填写的0.5分不足']]);
  });
});

describe('discretionary — 威海 D2 “每次加1-5分，最高20分” (bonus)', () => {
  const rubric = rubricOf(
    [
      {
        kind: 'discretionary',
        effect: 'earn',
        min: 1,
        max: 5,
        perOccurrence: true,
        cap: 20,
        text: '因工作需要，配合医保部门组织专家论证、医保谈判、专项检查、专项评估的，根据具体情况，每次加1-5分，最高20分。',
        input: { id: '1.1', type: 'points', label: '配合医保部门工作加分合计' },
      },
    ],
    30,
    { bonus: true },
  );

  it('12 points earn 12', () => {
    const { result, item } = run(rubric, { '1.1': 12 });
    expect(num(item.score)).toBe(12);
    expect(num(result.bonus)).toBe(12);
  });

  it('最高20分: 25 points earn 20, the 5 beyond the clause cap reported', () => {
    const { result, item } = run(rubric, { '1.1': 25 });
    expect([num(item.score), num(item.earned), num(item.earnedOverCap)]).toEqual([20, 25, 5]);
    expect(num(result.bonus)).toBe(20);
    expect(item.trace[0]).toBe('1.1 配合医保部门工作加分合计：25 → 酌情得25分（每次1–5分）（本条最多得20分，5分不计）');
  });

  it('missing earns nothing', () => {
    expect(num(run(rubric, {}).item.score)).toBe(0);
  });
});

describe('discretionary per occurrence: totals that no number of findings can reach', () => {
  it('5–6 per occurrence: 7, 8 and 9 are unreachable (one finding gives 5–6, two give 10–12)', async () => {
    const { discretionaryProblem, DiscretionarySchema } = await import('../../../src/core/rules/discretionary');
    const { D } = await import('../../../src/core/numbers/decimal');
    const rule = DiscretionarySchema.parse({
      kind: 'discretionary',
      effect: 'deduct',
      min: 5,
      max: 6,
      perOccurrence: true,
      text: '每次扣5-6分',
      input: { id: '1.1', type: 'points', label: '扣分' },
    });
    expect([5, 6, 7, 8, 9, 10, 12, 13].map((v) => discretionaryProblem(rule, new D(v)) === null)).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('discretionary — a blank', () => {
  it('威海 一级 C23 “每次扣5-10分” left blank: no finding', () => {
    const { means, clause, item } = blankOf('weihai-2021-hospital-l1', '32.1');
    expect(means.zh).toBe('不填视为未发现，不扣分');
    expect(clause.lines[0]).toMatch(/：未填（缺失）（按未发现计）$/);
    expect(num(item.score)).toBe(10);
  });
  it('威海 二级 D2 “每次加1-5分” left blank: nothing added', () => {
    const { means, clause } = blankOf('weihai-2021-hospital-l2', '44.1');
    expect(means.zh).toBe('不填视为未达到，本条不加分');
    expect(clause.lines[0]).toMatch(/：未填（缺失）（按未达到计）$/);
    expect(num(clause.earn)).toBe(0);
  });
});
