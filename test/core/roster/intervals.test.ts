import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core/numbers/decimal';
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

// 威海 二级 A5 (seed 001): four intervals, yet "过高的增长率参照第三区间评分"; "原则上，增长率第一区间最低值不应大于
// 当年医保基金收入增长幅度"
describe('威海 A5: the printed interval of a trimmed high value and the fund-growth bound', () => {
  const four = ['第一区间', '第二区间', '第三区间', '第四区间'];
  const a5 = { kind: 'intervals', measure: '医疗费用总额增长率', trimmedHighInterval: 3, fundGrowthBound: true } as const;
  const rates = ['0', '0.01', '0.02', '0.03', '0.04', '0.4'];

  it('a trimmed high value goes to the printed 第三区间 by default, to the 第四 with the option last', () => {
    const printed = peerIntervals(members(...rates), four, { ...defaultPeerOptions, trim: 0.2 }, context, { declaration: a5 });
    expect(values(printed.readings, 6)).toEqual([1, 1, 2, 3, 4, 3]);
    const last = peerIntervals(members(...rates), four, { ...defaultPeerOptions, trim: 0.2, trimmedHighInterval: 'last' }, context, {
      declaration: a5,
    });
    expect(values(last.readings, 6)).toEqual([1, 1, 2, 3, 4, 4]);
    // a declaration without trimmedHighInterval (A3, three intervals) keeps the last
    expect(values(peerIntervals(members(...rates), three, { ...defaultPeerOptions, trim: 0.2 }, context).readings, 6)).toEqual([1, 1, 1, 2, 3, 3]);
  });

  it('the fund’s growth below every rate starts the equal-width intervals there; equal-count keeps its members', () => {
    const fast = ['0.06', '0.07', '0.08', '0.09', '0.1', '0.14'];
    const without = peerIntervals(members(...fast), four, defaultPeerOptions, context, { declaration: a5 });
    expect(values(without.readings, 6)).toEqual([1, 1, 1, 2, 2, 4]);
    expect(without.group.reading).toContain('未用');
    const bounded = peerIntervals(members(...fast), four, defaultPeerOptions, context, { declaration: a5, fundGrowth: new D('0.05') });
    expect(values(bounded.readings, 6)).toEqual([1, 1, 2, 2, 3, 4]);
    expect(bounded.group.firstIntervalFrom?.toNumber()).toBe(0.05);
    const counted = peerIntervals(members(...fast), four, { ...defaultPeerOptions, intervals: 'equal-count' }, context, {
      declaration: a5,
      fundGrowth: new D('0.05'),
    });
    expect(counted.group.firstIntervalFrom).toBeUndefined();
    expect(counted.group.reading).toContain('各家所在区间不变');
  });

  it('a table may not name an interval it does not have', async () => {
    const { BandSchema } = await import('../../../src/core/rules/band');
    const rule = {
      kind: 'band',
      deductions: [0, 5, 8],
      cutPoints: '三个区间',
      text: '过高的增长率参照第三区间评分',
      peer: { ...a5, trimmedHighInterval: 4 },
      input: { id: '28.1', type: 'band', label: '区间', options: ['第一区间', '第二区间', '第三区间'] },
    };
    expect(BandSchema.safeParse(rule).success).toBe(false);
    expect(BandSchema.safeParse({ ...rule, peer: a5 }).success).toBe(true);
  });
});
