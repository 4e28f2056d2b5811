import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmp, constant, D } from '../../src/core/numbers/decimal';

// cmp reads the digits decimal.js keeps; it must answer as comparedTo does for every finite value,
// whatever the sign, exponent and length of either side
const decimal = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => new D(n)),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 40 }))
    .map(([digits, exponent]) => new D(`${digits}e${exponent}`)),
  fc.constantFrom(new D(0), new D(-0), new D('0.1'), new D('-0.1'), new D('1e-7'), new D('10000000'), new D('9999999.99999999')),
);

describe('cmp: comparedTo without the copy', () => {
  it('agrees with decimal.js for any two finite Decimals, and with itself reversed', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(cmp(a, b)).toBe(a.comparedTo(b));
        expect(cmp(b, a)).toBe(b.comparedTo(a));
        expect(cmp(a, a)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves Infinity and NaN to decimal.js', () => {
    expect(cmp(new D(Infinity), new D(1))).toBe(1);
    expect(cmp(new D(-Infinity), new D(1))).toBe(-1);
    expect(Number.isNaN(cmp(new D(NaN), new D(1)))).toBe(true);
  });
});

describe('constant: one Decimal per number', () => {
  it('is the Decimal new D would make, made once; −0 keeps its sign', () => {
    expect(constant(0.35).eq(new D(0.35))).toBe(true);
    expect(constant(0.35)).toBe(constant(0.35));
    expect(constant(-0).isNegative()).toBe(true);
    expect(constant(0).isNegative()).toBe(false);
  });
});
