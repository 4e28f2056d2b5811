import { describe, expect, it } from 'vitest';
import { defaultPeerOptions } from '../../../src/core/roster/peer/options';
import { peerIntervals } from '../../../src/core/roster/peer/intervals';
import { context, members, values } from './peerSupport';

const three = ['第一区间', '第二区间', '第三区间'];
const run = (measures: number[], options: Partial<typeof defaultPeerOptions> = {}) =>
  peerIntervals(members(...measures), three, { ...defaultPeerOptions, ...options }, context);

// 威海 A3 (seed 001): "从低到高依次平均划分为三个区间…可剔除部分过高或过低的数据。过低的增长率参照第一区间评分，过高的增长率参照第三区间评分"
describe('peer intervals (威海 A3–A5)', () => {
  const peers = [0, 1, 2, 3, 10, 11];

  it('equal width divides [min, max] into three: 0–3.67, 3.67–7.33, 7.33–11', () => {
    const result = run(peers);
    expect(values(result.readings, 6)).toEqual([1, 1, 1, 1, 3, 3]);
    expect(result.group.cutPoints.map((c) => c.toDecimalPlaces(4).toNumber())).toEqual([3.6667, 7.3333]);
    expect(result.group.reading).toContain('等宽区间');
  });

  it('equal count gives each interval two of the six peers: a different band for 2 and 3', () => {
    const result = run(peers, { intervals: 'equal-count' });
    expect(values(result.readings, 6)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(result.group.cutPoints.map((c) => c.toNumber())).toEqual([1, 3]);
    expect(result.readings.get(2)!.line).toContain('等人数区间');
    expect(result.readings.get(2)!.line).toContain('第二区间');
  });

  it('a value on a cut point goes to the lower interval', () => {
    expect(values(run([0, 3, 6, 9]).readings, 4)).toEqual([1, 1, 2, 3]);
  });

  it('trimming sets the outliers aside; the low one counts in the first interval, the high one in the third', () => {
    const spread = [-50, 1, 2, 3, 4, 5, 6];
    expect(values(run(spread).readings, 7)).toEqual([1, 3, 3, 3, 3, 3, 3]);
    const trimmed = run(spread, { trim: 0.15 });
    expect(values(trimmed.readings, 7)).toEqual([1, 1, 1, 2, 3, 3, 3]);
    expect(trimmed.group.trimmedLow).toBe(1);
    expect(trimmed.group.trimmedHigh).toBe(1);
    expect(trimmed.readings.get(0)!.line).toContain('剔除的过低值');
    expect(trimmed.readings.get(6)!.line).toContain('剔除的过高值');
  });

  it('equal measures across an equal-count cut all go to the better interval, or all to the worse', () => {
    const tied = [1, 2, 2, 3, 4, 5];
    expect(values(run(tied, { intervals: 'equal-count' }).readings, 6)).toEqual([1, 1, 1, 2, 3, 3]);
    expect(values(run(tied, { intervals: 'equal-count', ties: 'worse' }).readings, 6)).toEqual([1, 2, 2, 2, 3, 3]);
  });

  it('four intervals (威海 二级 A5) and all peers equal', () => {
    const four = ['第一区间', '第二区间', '第三区间', '第四区间'];
    const result = peerIntervals(members(0, 1, 2, 3, 4, 5, 6, 7, 8), four, defaultPeerOptions, context);
    expect(values(result.readings, 9)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(values(run([5, 5, 5]).readings, 3)).toEqual([1, 1, 1]);
  });
});
