import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/numbers/decimal';
import { type InputSpec, parseInputValue } from '../../src/core/scoring/inputs';

// A roster's column repeats a handful of cell values thousands of times (0, 1, 否, 5%): each spec
// remembers what the first few hundred values it met gave, and hands the same value back.
const ratio: InputSpec = { id: '9.1', label: '自费率', type: 'ratio' };
const count: InputSpec = { id: '9.2', label: '次数', type: 'count', max: 3 };

describe('repeated cell values', () => {
  it('a value met again is the same value, read as the first time (text, percent, number)', () => {
    for (const raw of ['0.05', '5%', 0.05]) {
      const first = parseInputValue(ratio, raw);
      expect(first).toEqual({ value: new D('0.05') });
      expect(parseInputValue(ratio, raw)).toBe(first);
    }
  });

  it('a refusal is never remembered, and a value refused for one spec is not taken for another', () => {
    const refused = parseInputValue(count, '4');
    expect(refused).toMatchObject({ problem: { field: '9.2' } });
    expect(parseInputValue(count, '4')).not.toBe(refused);
    expect(parseInputValue(count, '4')).toMatchObject({ problem: { message: expect.stringContaining('不能大于 3') } });
    expect(parseInputValue(ratio, '4')).toMatchObject({ problem: { field: '9.1' } });
    expect(parseInputValue(count, '3')).toEqual({ value: new D(3) });
  });

  it('past the values it remembers, every value is still read, exactly', () => {
    const spec: InputSpec = { id: '9.3', label: '比例', type: 'ratio' };
    for (let i = 0; i < 2000; i++) {
      const raw = `${(i / 2000).toFixed(4)}`;
      expect(parseInputValue(spec, raw)).toEqual({ value: new D(raw) });
    }
    expect(parseInputValue(spec, '0.9995')).toEqual({ value: new D('0.9995') });
    // the first values met are remembered; a new one past the limit is read each time
    expect(parseInputValue(spec, '0.0005')).toBe(parseInputValue(spec, '0.0005'));
    expect(parseInputValue(spec, '0.0001')).toEqual(parseInputValue(spec, '0.0001'));
  });
});
