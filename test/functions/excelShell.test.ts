// The Excel shell (src/functions/functions.ts): what Excel itself receives. CustomFunctions is the
// runtime's global; a stand-in records the error code and message the shell builds. Every function
// must return, never throw, whatever Excel passes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLEAN, EXAMPLE, EXAMPLE_TOTAL, JIANGBEI, pairs, sheet } from './excelArgs';

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    Error: StandInError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: () => undefined,
  };
});

// imported after the stand-in exists: the shell reads the global at call time, not at load time
const shell = () => import('../../src/functions/functions');

describe('the Excel shell', () => {
  it('returns plain values for good input', async () => {
    const f = await shell();
    const { ids, values } = sheet(EXAMPLE);
    expect(f.mibScore(JIANGBEI, ids, values)).toBe(EXAMPLE_TOTAL);
    expect(f.mibScore(JIANGBEI, pairs(EXAMPLE), undefined)).toBe(EXAMPLE_TOTAL);
    expect(f.mibItem(JIANGBEI, 4, ids, values)).toBe(3);
    expect(f.mibGrade(85, 'jilin-2025', undefined)).toBe('良');
    expect(f.mibRefund(85, 10000, 'jilin-2025', undefined)).toBe(9000);
    expect(f.mibComposite(90, [[80], [70]], undefined)).toBe(85.5);
    expect(f.mibPoints(JIANGBEI, undefined)).toBe(100);
    expect(f.mibFlags(JIANGBEI, sheet(CLEAN).ids, sheet(CLEAN).values, '公立')[1]?.[0]).toBe('无');
    // 江北 19 is for 公立医疗机构: under 民营 its findings cost nothing
    const found = sheet({ ...EXAMPLE, '19.1': 3 });
    expect(
      (f.mibScore(JIANGBEI, found.ids, found.values, '民营') as number) - (f.mibScore(JIANGBEI, found.ids, found.values, '公立') as number),
    ).toBe(3);
    expect(f.mibItem(JIANGBEI, 19, found.ids, found.values, '民营')).toBe(10);
    expect(f.mibRubrics()[0]?.[0]).toBe('编号');
    expect(f.mibPolicies().length).toBeGreaterThan(1);
    expect(f.mibInputs(JIANGBEI).length).toBeGreaterThan(30);
  });

  it('turns a failure into CustomFunctions.Error(#VALUE!, Chinese message)', async () => {
    const f = await shell();
    const error = f.mibScore(JIANGBEI, [['18.1']], [[1.5]]);
    expect(error).toBeInstanceOf(StandInError);
    expect(error).toMatchObject({ code: '#VALUE!' });
    expect((error as StandInError).message).toMatch(/^18\.1（医保码结算笔数占总结算笔数的比例）应为 0% 到 100% 之间的比例/);
    expect(f.mibGrade(85, 'nope', undefined)).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('可用的有：cq-jiangbei-2025') });
  });

  it('a spilling function that fails returns a 1×1 array holding the error', async () => {
    const f = await shell();
    const result = f.mibFlags('nope', [['1.1']], [['是']]);
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(1);
    expect(result[0]?.[0]).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('未知的考核表编号') });
  });

  it('never throws, and never reaches an internal error, whatever cells Excel passes', async () => {
    const f = await shell();
    const cell = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer({ min: -5, max: 40 }),
      fc.constantFrom('是', '否', 'TRUE', '', '4.2', 'C16.3', '18.1', '45%', '#N/A'),
      fc.string(),
      fc.constant({ type: 'Error', basicValue: '#N/A' }),
      fc.constant({ foo: 1 }),
    );
    const range = fc.array(fc.array(cell, { minLength: 0, maxLength: 3 }), { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(cell, range, fc.option(range), cell, (rubric, ids, values, other) => {
        const rubricArg = typeof rubric === 'string' && rubric.length % 2 === 0 ? JIANGBEI : (rubric as string);
        const calls = [
          () => f.mibScore(rubricArg, ids, values ?? undefined),
          () => f.mibItem(rubricArg, other, ids, values ?? undefined),
          () => f.mibFlags(rubricArg, ids, values ?? undefined),
          () => f.mibGrade(other, rubricArg, other),
          () => f.mibRefund(other, other, 'jilin-2025', other),
          () => f.mibComposite(other, ids, undefined),
          () => f.mibPoints(rubricArg, other),
          () => f.mibInputs(rubricArg),
        ];
        for (const call of calls) {
          const result = call();
          const flat = Array.isArray(result) ? result.flat() : [result];
          for (const value of flat) expect(['number', 'string', 'object']).toContain(typeof value);
          for (const value of flat) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          // a caught exception would still be returned, as an internal error: there must be none
          for (const value of flat) if (value instanceof StandInError) expect(value.message).not.toMatch(/内部错误/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
