import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core';

describe('fingerprint (FNV-1a, 32 bits)', () => {
  it('gives the published FNV-1a values and tells one changed character apart', () => {
    expect(fingerprint('')).toBe('811c9dc5');
    expect(fingerprint('a')).toBe('e40c292c');
    expect(fingerprint('{"id":"x","total":100}')).not.toBe(fingerprint('{"id":"x","total":101}'));
  });
});
