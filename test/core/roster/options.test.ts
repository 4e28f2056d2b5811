import { describe, expect, it } from 'vitest';
import { defaultPeerOptions, MibError, peerOptionsOf, PeerOptionsSchema } from '../../../src/core';

describe('peer options', () => {
  it('the documented defaults', () => {
    expect(defaultPeerOptions).toEqual({
      intervals: 'equal-width',
      trim: 0,
      lowBandShare: 0.2,
      a6LowBand: 'fixed',
      tierRounding: 'round',
      ties: 'better',
      // 威海 A5 "过高的增长率参照第三区间评分": the printed interval; the fund's growth has no default
      trimmedHighInterval: 'printed',
    });
    expect(peerOptionsOf({ intervals: 'equal-count' })).toEqual({ ...defaultPeerOptions, intervals: 'equal-count' });
  });

  it('a bad option is refused in Chinese, naming it', () => {
    expect(PeerOptionsSchema.safeParse({ ties: 'random' }).success).toBe(false);
    expect(() => peerOptionsOf({ trim: 0.6 })).toThrow(MibError);
    expect(() => peerOptionsOf({ intervals: 'quantile' as never })).toThrow(/^名册的选项有误：intervals/);
    expect(() => peerOptionsOf({ trimmedHighInterval: 'third' as never })).toThrow(/^名册的选项有误：trimmedHighInterval/);
    expect(() => peerOptionsOf({ fundGrowth: -1 })).toThrow(/^名册的选项有误：fundGrowth/);
  });
});
