import { describe, expect, it } from 'vitest';
import { fmt } from '../../../src/core/numbers/decimal';
import { peerIntervals } from '../../../src/core/roster/peer/intervals';
import { peerLowBand, printedLowBand } from '../../../src/core/roster/peer/lowBand';
import { defaultPeerOptions } from '../../../src/core/roster/peer/options';
import { peerRanking } from '../../../src/core/roster/peer/ranking';
import type { PeerClauseContext, PeerComputation, PeerMember } from '../../../src/core/roster/peer/shared';
import { peerTiers } from '../../../src/core/roster/peer/tiers';
import { context, members } from './peerSupport';

// A 10,000-row roster has a reading per peer clause and row, and the sheet writes only their values: a
// member's line is worded when it is first read (the JSON, the trace, 展开), then kept.
const hundred = members(...Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) / 1000));
const computations: [string, (peers: PeerMember[], ctx: PeerClauseContext) => PeerComputation][] = [
  ['intervals', (peers, ctx) => peerIntervals(peers, ['第一区间', '第二区间', '第三区间'], { ...defaultPeerOptions, trim: 0.1 }, ctx)],
  ['low band', (peers, ctx) => peerLowBand(peers, { reference: 0.05, max: 1 }, defaultPeerOptions, ctx)],
  ['printed low band', (peers, ctx) => printedLowBand(peers, { reference: 0.2, max: 1 }, ctx)],
  ['tiers', (peers, ctx) => peerTiers(peers, [0.2, 0.6, 0.2], ['优秀', '良好', '一般'], defaultPeerOptions, ctx)],
  ['ranking', (peers, ctx) => peerRanking(peers, true, 'better', ctx)],
];

describe.each(computations)('%s over 100 peers', (_, compute) => {
  it('shows no member measure until a line is read; the line is the same on every read and in JSON', () => {
    let shown = 0;
    const counting: PeerClauseContext = { ...context, show: (d) => (shown++, fmt(d)) };
    const result = compute(hundred, counting);
    // the group's own line shows its cut points, never the hundred measures
    expect(shown).toBeLessThan(5);
    const values = [...result.readings.values()].map((r) => r.value);
    expect(values).toHaveLength(100);
    const before = shown;
    const reading = result.readings.get(42)!;
    const line = reading.line;
    expect(shown).toBeGreaterThan(before);
    expect(line).toMatch(/^27\.1 门诊次均费用增长率 0\.054（全部机构）：/);
    const after = shown;
    expect(reading.line).toBe(line);
    expect(shown).toBe(after);
    expect(JSON.parse(JSON.stringify(reading))).toEqual({
      inputId: '27.1',
      itemNo: '27',
      code: 'A3',
      measure: '0.054',
      group: '',
      value: reading.value,
      line,
    });
  });
});

describe('a member reading’s measure', () => {
  it('is the member’s exact value, kept as a copy: one Decimal for every reading made of it, and for equal measures', () => {
    // a measure parsed from text keeps its digits in an array grown a push at a time; the readings keep a copy
    const parsed = members('0.123456789012345678', '-0', '1e-9', '12345678901234567890.5', '0.10', '0.1', '0');
    const { readings } = peerLowBand(parsed, { reference: 0.05, max: 1 }, defaultPeerOptions, context);
    parsed.forEach((member) => {
      const first = readings.get(member.key)!.measure!;
      expect(first.valueOf()).toBe(member.measure.valueOf()); // the sign of −0 too
      expect(readings.get(member.key)!.measure).toBe(first);
      expect(first).not.toBe(member.measure);
      expect(first.d).toEqual(member.measure.d);
    });
    // 0.10 and 0.1 are one value, and one Decimal; −0 and 0 are not
    expect(readings.get(4)!.measure).toBe(readings.get(5)!.measure);
    expect(readings.get(1)!.measure).not.toBe(readings.get(6)!.measure);
  });
});
