// The core's share of issue 12 point 6: one input under two spellings, unknown ids such as __proto__,
// values echoed at most ~80 characters, non-finite and absurd numbers, decimal text for money, and zod
// issues said in Chinese.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  clipped,
  decimalFromText,
  evaluate,
  getPolicy,
  getRubric,
  MAX_COUNT,
  parseDeposit,
  parseInputs,
  refundOf,
  repeatedInputs,
  show,
  zodProblems,
} from '../../src/core';

const JIANGBEI = getRubric('cq-jiangbei-2025-hospital');
const WEIHAI = getRubric('weihai-2021-hospital-l2');

describe('one input under two spellings', () => {
  it('repeatedInputs groups the keys that resolve to one input, with their positions', () => {
    expect(repeatedInputs(WEIHAI, ['B1.1', '2.1', '1.1', 'b1.1'])).toEqual([{ id: '1.1', positions: [0, 2, 3] }]);
    expect(repeatedInputs(JIANGBEI, ['4.2', ' 4.2 '])).toEqual([{ id: '4.2', positions: [0, 1] }]);
    expect(repeatedInputs(JIANGBEI, ['99.1', '99.1'])).toEqual([{ id: '99.1', positions: [0, 1] }]);
    expect(repeatedInputs(JIANGBEI, ['4.2', '5.1'])).toEqual([]);
  });

  it('parseInputs refuses both values, naming the spellings and the input, and uses neither', () => {
    const { values, invalid } = parseInputs(WEIHAI, { 'B1.1': 1, '1.1': 2 });
    expect(values.has('1.1')).toBe(false);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ field: '1.1' });
    expect(invalid[0]!.message).toBe('输入编号 “B1.1”与“1.1” 是同一输入 1.1（缺少的制度项数（共20项）），只能填一次：请删去其中一个');
    // reported once, as invalid, not again as missing
    const result = evaluate(WEIHAI, { 'B1.1': 1, '1.1': 2 });
    expect(result.missing).not.toContain('1.1');
  });

  it('the same spelling with spaces ("4.2" and " 4.2") too', () => {
    expect(parseInputs(JIANGBEI, { '4.2': 1, ' 4.2': 2 }).invalid[0]!.message).toContain('“4.2”与“ 4.2” 是同一输入 4.2');
  });
});

describe('unknown ids', () => {
  it('__proto__ and constructor, as JSON.parse makes them (own keys), are reported as unknown ids', () => {
    const raw = JSON.parse('{"__proto__": {"4.2": 5}, "constructor": 1, "toString": 2}') as Record<string, unknown>;
    const { values, invalid } = parseInputs(JIANGBEI, raw);
    expect(invalid.map((p) => p.field)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(values.size).toBe(0);
  });

  it('a long unknown id is cut in the message', () => {
    const [problem] = parseInputs(JIANGBEI, { ['x'.repeat(1000)]: 1 }).invalid;
    expect(problem!.message.length).toBeLessThan(200);
    expect(problem!.message).toContain('…（共 1000 个字符）');
  });
});

describe('values echoed in messages', () => {
  it('clipped cuts at 80 characters (never inside a character) and says how long the text was', () => {
    expect(clipped('短')).toBe('短');
    expect(clipped('x'.repeat(80))).toBe('x'.repeat(80));
    expect(clipped('医'.repeat(81))).toBe(`${'医'.repeat(80)}…（共 81 个字符）`);
    expect(clipped('😀'.repeat(100))).toBe(`${'😀'.repeat(80)}…（共 100 个字符）`);
  });

  it('show: Infinity is said to be out of range (JSON.stringify said null), deep values do not overflow', () => {
    expect(show(Infinity)).toBe('超出数值范围的数');
    // a blank cell (null from a sheet or a roster) is said as blank, not in JavaScript's word
    expect(show(null)).toBe('空');
    expect(show(Number.NaN)).toBe('非数字（NaN）');
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(show(deep)).toBe('（嵌套过深的数组）');
    expect(show('y'.repeat(500))).toBe(`“${'y'.repeat(80)}…（共 500 个字符）”`);
  });

  it('a value that is a deeply nested array is refused with a message, not a stack overflow', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { invalid } = parseInputs(JIANGBEI, { '4.2': deep });
    expect(invalid[0]!.message).toContain('4.2（');
    expect(invalid[0]!.message).toContain('嵌套过深');
  });
});

describe('numbers beyond reason', () => {
  it('a count of 1e308, or above 2^53 − 1, is refused: no double holds such a count exactly', () => {
    expect(parseInputs(JIANGBEI, { '4.2': 1e308 }).invalid[0]!.message).toBe(
      `4.2（未能完整、准确、及时备案人员变更的次数）不能大于 ${MAX_COUNT}，收到的是 1e+308`,
    );
    expect(parseInputs(JIANGBEI, { '4.2': MAX_COUNT }).invalid).toEqual([]);
    expect(parseInputs(JIANGBEI, { '4.2': '9007199254740992' }).invalid).toHaveLength(1);
  });

  // issue 19: 9007199254740993 as a number is the double 9007199254740992; read at 15 digits it became
  // 9007199254740990, under the ceiling, and was scored as that
  it('a count the double holds above 2^53 − 1 is refused, and 2^53 − 1 itself is kept exactly', () => {
    // eslint-disable-next-line no-loss-of-precision -- on purpose: what JSON.parse or a cell makes of it
    expect(parseInputs(JIANGBEI, { '4.2': 9007199254740993 }).invalid[0]!.message).toBe(
      `4.2（未能完整、准确、及时备案人员变更的次数）不能大于 ${MAX_COUNT}，收到的是 9007199254740992`,
    );
    expect(parseInputs(JIANGBEI, { '4.2': 2 ** 53 }).invalid).toHaveLength(1);
    expect(String(parseInputs(JIANGBEI, { '4.2': MAX_COUNT }).values.get('4.2'))).toBe('9007199254740991');
  });

  it('Infinity for a ratio is refused, saying so', () => {
    expect(parseInputs(JIANGBEI, { '18.1': Infinity }).invalid[0]!.message).toContain('收到的是 超出数值范围的数');
  });
});

describe('decimal text', () => {
  it('reads plain decimal notation only', () => {
    expect(decimalFromText('90071992547409.93')?.toFixed()).toBe('90071992547409.93');
    expect(decimalFromText(' 84.5 ')?.toFixed()).toBe('84.5');
    expect(decimalFromText('.5')?.toFixed()).toBe('0.5');
    for (const text of ['0x2710', '1e3', 'Infinity', '-Infinity', 'NaN', '', ' ', '1,000', '0b1', '0o7', '1_000', '--1'])
      expect(decimalFromText(text), text).toBeNull();
  });

  it('a deposit given as text is read as decimal text: exact, and never hex', () => {
    const jilin = getPolicy('jilin-2025');
    expect(refundOf(jilin, 80, '9007199254740.93').amount.toFixed(2)).toBe('7205759403792.74');
    expect(() => parseDeposit('0x2710')).toThrow('质量保证金金额应为不小于0的十进制数，收到的是“0x2710”');
    expect(() => parseDeposit('1e4')).toThrow('十进制数');
    expect(parseDeposit(10000).toFixed()).toBe('10000');
  });

  // issue 19: "Deposits of 40+ significant digits lose fen instead of being refused"
  it('a deposit beyond 10¹³ yuan or 15 significant digits is refused, naming the deposit, never rounded', () => {
    const forty = '1234567890123456789012345678901234567890.12';
    expect(() => parseDeposit(forty)).toThrow(/^质量保证金金额须小于 10000000000000 元（10¹³ 元）/);
    expect(() => refundOf(getPolicy('jilin-2025'), 80, forty)).toThrow('质量保证金金额');
    expect(() => parseDeposit('90071992547409.93')).toThrow('须小于 10000000000000 元');
    expect(() => parseDeposit('10000000000000')).toThrow('须小于 10000000000000 元');
    expect(() => parseDeposit('1.2345678901234567')).toThrow('有效数字不能超过 15 位');
    expect(() => parseDeposit(1e40)).toThrow('须小于');
    expect(parseDeposit('9999999999999.99').toFixed(2)).toBe('9999999999999.99');
    expect(parseDeposit('0.000000000000001').toFixed()).toBe('0.000000000000001');
  });
});

describe('zod issues in Chinese', () => {
  it('every default English message is replaced; a message our schema wrote is kept', () => {
    const schema = z
      .object({
        a: z.string(),
        b: z.number().int().min(2),
        c: z.string().regex(/^x$/),
        d: z.number().multipleOf(5),
        e: z.string().regex(/^y$/, '应为 y'),
        f: z.number().max(1, '至多为 1'),
        g: z.custom(() => false),
      })
      .strict();
    const parsed = schema.safeParse({ a: 1, b: 1.5, c: 'z', d: 7, e: 'z', f: 3, g: 1, h: 0 });
    expect(parsed.success).toBe(false);
    const messages = zodProblems(parsed.error!).map((p) => p.message);
    for (const message of messages) {
      expect(message, message).not.toMatch(/Invalid|expected|received|must|Too /);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(messages).toContain('e：格式不对：应为 y');
    expect(messages).toContain('f：至多为 1');
  });
});
