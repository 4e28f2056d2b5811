// The zod schemas single values from outside are parsed with (sheet cells, JSON facts, function
// arguments), and the messages parseInputValue builds from them for the seed tables' own inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  D,
  type Dec,
  fromDouble,
  quickDecimal,
  quickYesNo,
  DecimalOrPercentValue,
  DecimalValue,
  getRubric,
  inputIndex,
  isBlank,
  parseInputValue,
  parsedOrNull,
  PlainCellValue,
  YesNoValue,
} from '../../src/core';

const asText = (raw: unknown) => parsedOrNull(DecimalOrPercentValue, raw)?.toFixed() ?? null;

describe('DecimalValue and DecimalOrPercentValue', () => {
  it.each([
    [85, '85'],
    ['85', '85'],
    [' 1,000.5 ', '1000.5'],
    ['1,234,567', '1234567'],
    ['-2', '-2'],
    ['45%', '0.45'],
    ['45 ％', '0.45'],
    [0.1 + 0.2, '0.3'],
  ])('%j reads as %s', (raw, expected) => {
    expect(asText(raw)).toBe(expected);
  });

  // A number cell holds a double; Excel shows and compares it at 15 significant digits, and so does the
  // core. Text is decimal already and is read digit for digit.
  it.each([
    [0.7 * 64.6 + 0.3 * 82.6, '70'], // the double 69.99999999999999
    [69.9999999999, '69.9999999999'],
    [70, '70'],
    [70.0000000001, '70.0000000001'],
    [0.3 * 3, '0.9'], // 0.8999999999999999
    [2 / 3, '0.666666666666667'],
    [1e-20, '1e-20'],
    [1.23456789012345e-20, '1.23456789012345e-20'],
    [999999999999.99, '999999999999.99'],
    [10000.5 * 0.9066, '9066.4533'], // 9066.453300000001
    [-0.30000000000000004, '-0.3'],
  ])('the number %j is read at 15 significant digits: %s', (raw, expected) => {
    expect(parsedOrNull(DecimalValue, raw)?.toString()).toBe(expected);
  });

  it('text is decimal and is read exactly, not at 15 digits', () => {
    expect(parsedOrNull(DecimalValue, '69.99999999999999')?.toString()).toBe('69.99999999999999');
    expect(parsedOrNull(DecimalValue, '90071992547409.93')?.toString()).toBe('90071992547409.93');
  });

  it.each([true, 'abc', '1e3', '', Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, '4 5', '1,5', '12,34'])('%j is not a number', (raw) => {
    expect(asText(raw)).toBeNull();
  });

  it('percent text is a ratio, not a plain number', () => {
    expect(parsedOrNull(DecimalValue, '45%')).toBeNull();
    expect(parsedOrNull(DecimalValue, '45')?.toNumber()).toBe(45);
  });
});

describe('YesNoValue', () => {
  it.each([
    [true, true],
    ['是', true],
    [' TRUE ', true],
    [1, true],
    ['√', true],
    ['有', true],
    [false, false],
    ['否', false],
    [0, false],
    ['×', false],
    ['无', false],
  ])('%j is %s', (raw, expected) => {
    expect(parsedOrNull(YesNoValue, raw)).toBe(expected);
  });
  it.each(['也许', 2, '', null])('%j is neither', (raw) => {
    expect(parsedOrNull(YesNoValue, raw)).toBeNull();
  });
});

describe('PlainCellValue and isBlank', () => {
  it('keeps numbers, text and booleans, and makes "" and anything odd null', () => {
    expect([3, '是', false, '', { x: 1 }, undefined].map((v) => PlainCellValue.parse(v))).toEqual([3, '是', false, null, null, null]);
  });
  it('blank is null, absent or spaces; 0 and FALSE are facts', () => {
    expect([null, undefined, '', '  '].every(isBlank)).toBe(true);
    expect([0, false, '0'].some(isBlank)).toBe(false);
  });
});

describe('parseInputValue on the seed tables’ inputs', () => {
  const jiangbei = inputIndex(getRubric('cq-jiangbei-2025-hospital')).byId;
  const spec = (id: string) => jiangbei.get(id)!.spec;

  it('江北 18.1 is a ratio: 45% and 0.45 are the same fact, 150% is refused naming the id and range', () => {
    expect(parseInputValue(spec('18.1'), '45%')).toEqual(parseInputValue(spec('18.1'), 0.45));
    const refused = parseInputValue(spec('18.1'), 1.5);
    expect(refused).toMatchObject({ problem: { field: '18.1', message: expect.stringContaining('应为 0% 到 100% 之间的比例') } });
  });

  it('江北 4.2 is a count (相关人员 occurrences): "3" is 3, a negative or fractional count is refused', () => {
    const ok = parseInputValue(spec('4.2'), '3');
    expect('value' in ok && ok.value.valueOf()).toBe('3');
    for (const bad of [-1, 2.5, '三']) {
      expect(parseInputValue(spec('4.2'), bad)).toMatchObject({
        problem: { field: '4.2', message: expect.stringContaining('应为不小于0的整数（次数）') },
      });
    }
  });

  it('江北 8.1 is yes/no as the sentence states it: 是 is true, 也许 is refused', () => {
    expect(parseInputValue(spec('8.1'), '是')).toEqual({ value: true });
    expect(parseInputValue(spec('8.1'), '也许')).toMatchObject({ problem: { message: expect.stringContaining('应填“是”或“否”') } });
  });

  it('a band input takes its label or its position, and nothing else', () => {
    const weihai = inputIndex(getRubric('weihai-2021-hospital-l2')).byId;
    const band = [...weihai.values()].find((entry) => entry.spec.type === 'band')!.spec;
    const options = band.options!;
    const byLabel = parseInputValue(band, ` ${options[1]} `);
    expect('value' in byLabel && byLabel.value.valueOf()).toBe('2');
    expect(parseInputValue(band, 2)).toEqual(byLabel);
    expect(parseInputValue(band, options.length + 1)).toHaveProperty('problem');
    expect(parseInputValue(band, 1.5)).toHaveProperty('problem');
  });
});

// The quick readers evaluate uses for every fact of a roster before (and instead of) zod: they accept
// nothing the schemas refuse and read everything to the same digits and sign; fromDouble's shortcut
// for whole numbers reads as the text round trip does.
describe('quickDecimal, quickYesNo and fromDouble agree with the schemas', () => {
  const exact = (d: Dec | null | undefined) => (d == null ? null : `${d.isNegative() ? '-' : '+'}${d.abs().toFixed()}`);
  const numberText = fc
    .tuple(fc.constantFrom('', ' ', '  '), fc.double({ noNaN: true }), fc.constantFrom('', '%', ' ％', ' %'), fc.boolean())
    .map(([pad, n, suffix, grouped]) => `${pad}${grouped ? n.toLocaleString('en-US', { maximumFractionDigits: 20 }) : String(n)}${suffix}${pad}`);
  const raws = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, 1, -1, 1e15, -1e15, 999999999999999, 2 ** 53, 0.1 + 0.2),
    numberText,
    fc.constantFrom('是', '否', ' TRUE ', 'Yes', 'n', '√', '×', '有', '无', '1', '0', '01', 'abc', '', '1,5', '1,000', '+3', '-0', '.5', '5.'),
    fc.boolean(),
    fc.constantFrom(null, undefined, [], {}),
  );

  it('a value quickDecimal reads, DecimalValue (or with percent DecimalOrPercentValue) reads the same; numbers and number text always', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        for (const [percent, schema] of [
          [false, DecimalValue],
          [true, DecimalOrPercentValue],
        ] as const) {
          const quick = quickDecimal(raw, percent);
          expect(exact(quick)).toBe(exact(quick === undefined ? null : parsedOrNull(schema, raw)));
          // what the schema accepts of a number or text, the quick reader reads too (zod is only the fallback)
          if (typeof raw === 'number' || typeof raw === 'string') expect(exact(quick)).toBe(exact(parsedOrNull(schema, raw)));
        }
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('quickYesNo is YesNoValue', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        expect(quickYesNo(raw) ?? null).toBe(parsedOrNull(YesNoValue, raw));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('fromDouble reads a number below 10¹⁵ as the 15-digit text round trip does (−0 as 0)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -(1e15 - 1), max: 1e15 - 1 }),
          fc.constantFrom(-0, 0, 1e15 - 1, -(1e15 - 1), 1e15),
        ),
        (n) => {
          expect(exact(fromDouble(n))).toBe(exact(new D(n.toPrecision(15))));
        },
      ),
      { numRuns: 3000, seed: 14 },
    );
  });

  // issue 19: read at 15 digits, 2^53 (what 9007199254740993 becomes) was 9007199254740990, a count
  // under the ceiling 2^53 − 1; a whole number is taken as the double holds it, so it is refused
  it('fromDouble keeps a whole number above 10¹⁵ as the double holds it', () => {
    expect(fromDouble(2 ** 53).toFixed()).toBe('9007199254740992');
    expect(fromDouble(Number.MAX_SAFE_INTEGER).toFixed()).toBe('9007199254740991');
    expect(fromDouble(1234567890123456).toFixed()).toBe('1234567890123456');
    // a fraction above 10¹⁵ is still read at 15 digits
    expect(fromDouble(1e15 + 0.5).toFixed()).toBe('1000000000000000');
  });
});
