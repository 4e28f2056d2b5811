import { describe, expect, it } from 'vitest';
import { defaultPeerOptions } from '../../../src/core/roster/peer/options';
import { peerLowBand, printedLowBand } from '../../../src/core/roster/peer/lowBand';
import { context, members, values } from './peerSupport';

// 威海 A1 (seed 001): "根据本市同级定点医疗机构自费率情况，合理设置低位区间，每高于该区间1个百分点扣0.5分"
describe('peer low band (威海 A1, A2, A6)', () => {
  const rates = ['0.05', '0.08', '0.10', '0.12', '0.15', '0.20', '0.22', '0.25', '0.30', '0.31'];

  it('the lowest 20% of ten peers is two: the band ends at 8%, each rate is fed as its excess', () => {
    const result = peerLowBand(members(...rates), { reference: 0, max: 1 }, defaultPeerOptions, context);
    expect(result.group.cutPoints.map((c) => c.toString())).toEqual(['0.08']);
    expect(values(result.readings, 10)).toEqual(['0', '0', '0.02', '0.04', '0.07', '0.12', '0.14', '0.17', '0.22', '0.23']);
    expect(result.readings.get(4)!.line).toContain('高出');
  });

  it('the share is an option: the lowest 40% ends at 12%', () => {
    const result = peerLowBand(members(...rates), { reference: 0 }, { ...defaultPeerOptions, lowBandShare: 0.4 }, context);
    expect(result.group.cutPoints[0]!.toString()).toBe('0.12');
    expect(values(result.readings, 10).slice(3, 5)).toEqual(['0', '0.03']);
  });

  it('A6 read as the peers (a6LowBand peers): the clause counts from its printed 20%, so it is fed 20% + the excess', () => {
    const result = peerLowBand(members(...rates), { reference: 0.2, max: 1 }, defaultPeerOptions, context);
    // 15% lies 7 points above the band's 8%: the clause, counting from 20%, sees 27%
    expect(result.readings.get(4)!.value).toBe('0.27');
    expect(result.readings.get(0)!.value).toBe('0.2');
  });

  it('A6 read as printed (a6LowBand fixed): each rate goes to the clause as it is', () => {
    const result = printedLowBand(members(...rates), { reference: 0.2 }, context);
    expect(values(result.readings, 10)).toEqual(rates.map((r) => String(Number(r))));
    expect(result.group.cutPoints[0]!.toString()).toBe('0.2');
  });

  it('20% of 7 peers: one under round and floor, two under ceil', () => {
    const seven = members('0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7');
    const upper = (tierRounding: 'round' | 'floor' | 'ceil') =>
      peerLowBand(seven, { reference: 0 }, { ...defaultPeerOptions, tierRounding }, context).group.cutPoints[0]!.toString();
    expect([upper('round'), upper('floor'), upper('ceil')]).toEqual(['0.1', '0.1', '0.2']);
  });
});
