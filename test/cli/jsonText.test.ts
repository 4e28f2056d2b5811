// The strict JSON reader `mib` reads files with: the same values as JSON.parse for every valid document,
// and, where JSON.parse is silent or English, a Chinese message with line and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, readJsonText } from '../../src/core/files/jsonText';
import { MibError } from '../../src/core';

const read = (text: string) => readJsonText(text, 'f.json');
function refusal(text: string): string {
  try {
    read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MibError);
    return (error as MibError).message;
  }
  throw new Error(`accepted: ${text}`);
}

describe('readJsonText', () => {
  it('reads every valid document as JSON.parse does (keys unique, depth within the limit)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(read(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps "__proto__" as an own key, as JSON.parse does, without touching the prototype', () => {
    const value = read('{"__proto__": {"polluted": 1}, "a": 1}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: number }).polluted).toBeUndefined();
  });

  it('a byte-order mark and surrounding white space are fine', () => {
    expect(read('\uFEFF \n{"a": [1, 2.5, -3e2, true, null, "\\u4e2d\\n"]}\n')).toEqual({ a: [1, 2.5, -300, true, null, '中\n'] });
  });

  it.each([
    ['{"a": 1,\n "a": 2}', '第 2 行第 2 列：键“a”重复（第 1 行第 2 列已有）'],
    ['{"a": 1e309}', '第 1 行第 7 列：数字 1e309 超出可表示的范围'],
    ['[-1e400]', '数字 -1e400 超出可表示的范围'],
    ['{"a": 1', '第 1 行第 8 列：应为逗号或右花括号 }，看到的是 （文件已结束）'],
    ['{"a": 01}', '应为逗号或右花括号 }'],
    ["{'a': 1}", '第 1 行第 2 列：应为用双引号括起的键'],
    ['{"a": 1,}', '应为用双引号括起的键'],
    ['[1 2]', '应为逗号或右方括号 ]'],
    ['{"a": tru}', '应为取值'],
    ['{"a": "x\ny"}', '字符串中不能直接含换行'],
    ['{"a": "x', '字符串没有结束的双引号'],
    ['{"a": "\\x"}', '无效的转义'],
    ['{} {}', '内容在 JSON 值之后还有多余的字符'],
    ['', '文件在应有取值处结束'],
    ['{"中文": 1,\n  "b": NaN}', '第 2 行第 8 列'],
  ])('%j is refused: %s', (text, message) => {
    const got = refusal(text);
    expect(got).toContain(message);
    expect(got).toMatch(/^文件“f\.json”不是有效的 JSON：第 \d+ 行第 \d+ 列：/);
  });

  it(`nesting deeper than ${MAX_DEPTH} levels is refused at once, even 1,000,000 deep`, () => {
    expect(read(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).toBeDefined();
    expect(refusal(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`)).toContain(`嵌套超过 ${MAX_DEPTH} 层`);
    expect(refusal('['.repeat(1_000_000))).toContain(`第 1 行第 ${MAX_DEPTH + 1} 列：嵌套超过 ${MAX_DEPTH} 层`);
  });

  // issue 19: JSON.parse turns 9007199254740993 into 9007199254740992 without a word
  it('refuses a number its double does not hold, naming the key; keeps one it does', () => {
    expect(refusal('{"4.2": 9007199254740993}')).toBe(
      '文件“f.json”不是有效的 JSON：第 1 行第 9 列：“4.2”的数字 9007199254740993 超出 JSON 数字能准确保存的位数，会被悄悄读成 9007199254740992：请改正；确需这么多位的金额写成文字（加双引号），按原样读取',
    );
    expect(refusal('{"deposit": 1234567890123456789012345678901234567890.12}')).toContain(
      '“deposit”的数字 1234567890123456789012345678901234567890.12 超出',
    );
    expect(refusal('[1.00000000000000000001]')).toContain('数字 1.00000000000000000001 超出');
    expect(read('{"a": 9007199254740991, "b": 0.8999999999999999, "c": 1e21, "d": 123456789012345}')).toEqual({
      a: 9007199254740991,
      b: 0.8999999999999999,
      c: 1e21,
      d: 123456789012345,
    });
  });
});
