import { describe, expect, it } from 'vitest';
import { peerRanking } from '../../../src/core/roster/peer/ranking';
import { context, members, values } from './peerSupport';

// 江北 23.1 (seeds 000/002): "医保业务办理量排名前3加3分"
describe('peer ranking (江北 23.1)', () => {
  const volumes = members(500, 800, 800, 300, 700);

  it('ranks high to low; equal volumes share the better place (competition ranking 1, 1, 3)', () => {
    const result = peerRanking(volumes, true, 'better', context);
    expect(values(result.readings, 5)).toEqual([4, 1, 1, 5, 3]);
    expect(result.readings.get(4)!.line).toContain('第 3 名');
  });

  it('under ties worse the two share the worse place', () => {
    expect(values(peerRanking(volumes, true, 'worse', context).readings, 5)).toEqual([4, 2, 2, 5, 3]);
  });

  it('ascending ranks the smallest first', () => {
    expect(values(peerRanking(volumes, false, 'better', context).readings, 5)).toEqual([2, 4, 4, 1, 3]);
  });
});
