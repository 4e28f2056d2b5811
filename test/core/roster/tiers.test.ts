import { describe, expect, it } from 'vitest';
import { defaultPeerOptions } from '../../../src/core/roster/peer/options';
import { peerTiers } from '../../../src/core/roster/peer/tiers';
import { context, members, values } from './peerSupport';

const labels = ['优秀', '良好', '一般'];
const shares = [0.2, 0.6, 0.2];

// 威海 一级 B3 (seed 001): "考核结果根据得分由高到低排名，分别为优秀，占比20%…良好，占比60%…一般，占比20%"
describe('peer tiers (威海 一级 B3)', () => {
  const seven = members(95, 90, 85, 80, 75, 70, 65);
  const counts = (tierRounding: 'round' | 'floor' | 'ceil') =>
    [1, 2, 3].map(
      (t) => values(peerTiers(seven, shares, labels, { ...defaultPeerOptions, tierRounding }, context).readings, 7).filter((v) => v === t).length,
    );

  it('20% of 7: round gives 1 / 5 / 1, floor 1 / 4 / 2, ceil 2 / 4 / 1', () => {
    expect(counts('round')).toEqual([1, 5, 1]);
    expect(counts('floor')).toEqual([1, 4, 2]);
    expect(counts('ceil')).toEqual([2, 4, 1]);
  });

  it('ten peers: the best two 优秀, the next six 良好, the last two 一般; the line names the place and the counts', () => {
    const ten = peerTiers(members(50, 100, 90, 85, 80, 75, 70, 65, 60, 55), shares, labels, defaultPeerOptions, context);
    expect(values(ten.readings, 10)).toEqual([3, 1, 1, 2, 2, 2, 2, 2, 2, 3]);
    expect(ten.readings.get(1)!.line).toContain('第 1 名');
    expect(ten.readings.get(1)!.line).toContain('优秀 2 家');
    expect(ten.group.cutPoints.map((c) => c.toNumber())).toEqual([90, 60]);
  });

  it('equal scores across the 优秀 boundary are all 优秀 (ties better) or all 良好 (ties worse)', () => {
    const tied = members(95, 90, 90, 80, 75, 70, 65, 60, 55, 50);
    expect(values(peerTiers(tied, shares, labels, defaultPeerOptions, context).readings, 10).slice(0, 3)).toEqual([1, 1, 1]);
    expect(values(peerTiers(tied, shares, labels, { ...defaultPeerOptions, ties: 'worse' }, context).readings, 10).slice(0, 3)).toEqual([1, 2, 2]);
  });
});
