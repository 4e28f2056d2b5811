import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, DecimalPool, toNumber } from '../../src/core/numbers/decimal';

// toNumber reads the digits decimal.js keeps; it must give the very double decimal.js's toNumber gives
// (through the value's text) for every value: short ones take the fast path, long ones decimal.js's
const short = fc
  .tuple(fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 }), fc.integer({ min: -40, max: 40 }))
  .map(([digits, exponent]) => new D(`${digits}e${exponent}`));
const decimal = fc.oneof(
  short,
  fc.double({ noNaN: true }).map((n) => new D(n)),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -340, max: 320 }))
    .map(([digits, exponent]) => new D(`${digits}e${exponent}`)),
  // a score, a ratio, a deposit as a roster has them
  fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, places]) => new D(n).dividedBy(10 ** places)),
);

describe('toNumber: a Decimal as a double without its text', () => {
  it('is the double decimal.js gives, for any value', () => {
    fc.assert(
      fc.property(decimal, (a) => {
        expect(Object.is(toNumber(a), a.toNumber())).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps what the fast path must get right: halves, long fractions, signs, zeros, Infinity and NaN', () => {
    for (const text of ['0.1', '0.0632', '7.68', '-2.68', '99999999999999', '1e-22', '12345678901234e-22', '9.9e22', '1e23', '123456789.123456'])
      expect(toNumber(new D(text))).toBe(Number(text));
    expect(Object.is(toNumber(new D('-0')), -0)).toBe(true);
    expect(Object.is(toNumber(new D(0)), 0)).toBe(true);
    expect(toNumber(new D(Infinity))).toBe(Infinity);
    expect(Number.isNaN(toNumber(new D(NaN)))).toBe(true);
  });
});

// few values (−0 and 0 among them), some written with a trailing zero (0.1 and 0.10), so that a list of them
// repeats some
const repeated = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([negative, n, places, zero]) => new D(`${negative ? '-' : ''}${n / 10 ** places}${zero ? '0' : ''}`));

describe('DecimalPool: one Decimal for each value', () => {
  it('gives back a Decimal of the very value (its text, its sign), the same one for an equal value it has met', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(decimal, repeated), { minLength: 1, maxLength: 40 }), (values) => {
        const pool = new DecimalPool();
        const given = values.map((a) => pool.shared(a));
        values.forEach((a, i) => expect(given[i]!.valueOf()).toBe(a.valueOf()));
        // two values equal in value share one Decimal where they are short (at most two words, not −0); never
        // two unequal ones
        const short = (a: InstanceType<typeof D>) => (a.d?.length ?? 3) <= 2 && Math.abs(a.e) <= 300 && !(a.isZero() && a.isNeg());
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < i; j++) {
            if (given[i] === given[j]) expect(values[i]!.valueOf()).toBe(values[j]!.valueOf());
            else if (short(values[i]!) && values[i]!.eq(values[j]!)) expect(short(values[j]!)).toBe(false);
          }
      }),
      { numRuns: 2000 },
    );
  });

  it('shares the short values a roster repeats, not −0 with 0, nor a long value', () => {
    const pool = new DecimalPool();
    expect(pool.shared(new D('0.10'))).toBe(pool.shared(new D(0.1)));
    expect(pool.shared(new D('-0.038'))).toBe(pool.shared(new D('-0.0380')));
    expect(pool.shared(new D('-0')).isNeg()).toBe(true);
    expect(pool.shared(new D('0')).isNeg()).toBe(false);
    expect(pool.shared(new D('-0'))).not.toBe(pool.shared(new D('0')));
    const long = new D('0.12345678901234567');
    expect(pool.shared(long)).not.toBe(pool.shared(long));
    expect(pool.shared(long).valueOf()).toBe('0.12345678901234567');
    // 0.1 and 0.1000000000000001 are told apart by their doubles
    expect(pool.shared(new D('0.1000000000000001'))).not.toBe(pool.shared(new D('0.1')));
  });
});
