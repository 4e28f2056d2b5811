import { fmt } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import type { Policy } from '../policy/schema';
import { problem } from './problem';

/** Every grade can be given: its band meets the scores the policy grades, [0, points + bonus]. A scale
 * written 1 instead of 100 (or bands written 9000) leaves grades no score reaches. */
export function checkBandsInScale(policy: Policy): Problem[] {
  const top = policy.scale.points + policy.scale.bonus;
  return policy.grades.flatMap((band, i) => {
    if (band.min !== undefined && band.min > top) {
      return [
        problem(
          `grades.${i}.min`,
          `等次“${band.label}”的下限 ${fmt(band.min)} 高于政策分制的最高分 ${fmt(top)}（scale.points ${fmt(policy.scale.points)} + scale.bonus ${fmt(policy.scale.bonus)}），这个等次永远评不到：请核对 scale.points（百分制写 100）与各等次的分数线`,
          `grade ${band.label} starts at ${band.min}, above the scale's top ${top}`,
        ),
      ];
    }
    if (band.max !== undefined && band.max <= 0) {
      return [
        problem(
          `grades.${i}.max`,
          `等次“${band.label}”的上限 ${fmt(band.max)} 不高于 0 分，这个等次永远评不到：请核对各等次的分数线`,
          `grade ${band.label} ends at ${band.max}, at or below 0`,
        ),
      ];
    }
    return [];
  });
}
