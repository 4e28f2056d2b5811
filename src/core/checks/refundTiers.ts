import { D, type Dec, fmt, pct } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import { isUnstated, type RefundOptions, refundOutcome } from '../policy/refund';
import type { GradeBand, Policy, RefundTier } from '../policy/schema';
import { problem } from './problem';

type TierCheck<K extends RefundTier['kind']> = (tier: Extract<RefundTier, { kind: K }>, band: GradeBand, field: string, policy: Policy) => Problem[];

/** A per-point tier counts down from its base. A base below its own band's lower bound gives every score
 * of the band 100%, so the rule never bites; a base above the scale counts points no score can have.
 * A base above the band's upper bound is what 吉林 第十条 does (合格 [70, 80) counts from 90) and stays. */
const perPointBelow: TierCheck<'perPointBelow'> = (tier, band, field, policy) => {
  const out: Problem[] = [];
  const low = band.min ?? 0;
  if (tier.base < low) {
    out.push(
      problem(
        `${field}.base`,
        `等次“${band.label}”的返还基准分 base ${fmt(tier.base)} 低于本等次的下限 ${fmt(low)}：本等次的得分都不低于基准分，返还比例总是 100%；基准分应不低于 ${fmt(low)}（如“较90分每低1分扣除2%”写 base 90）`,
        `grade ${band.label}: refund base ${tier.base} lies below the band's lower bound ${low}`,
      ),
    );
  }
  if (tier.base > policy.scale.points) {
    out.push(
      problem(
        `${field}.base`,
        `等次“${band.label}”的返还基准分 base ${fmt(tier.base)} 高于政策分制 ${fmt(policy.scale.points)} 分：基准分应是分制内的分数（如 90）`,
        `grade ${band.label}: refund base ${tier.base} lies above the scale's ${policy.scale.points} points`,
      ),
    );
  }
  return out;
};

/** Checks of each tier kind's own numbers. A new kind adds its entry here; the range and order checks
 * below need nothing, as they read every tier through the core's refundOf (and so tierRatio). */
const tierChecks: { [K in RefundTier['kind']]?: TierCheck<K> } = { perPointBelow };

function tierProblems(tier: RefundTier, band: GradeBand, field: string, policy: Policy): Problem[] {
  const check = tierChecks[tier.kind] as TierCheck<RefundTier['kind']> | undefined;
  return check ? check(tier, band, field, policy) : [];
}

/** Scores that show every tier's shape: 0 and the scale's top, each band's bounds and just below them,
 * each base, and the points between, all within [0, points + bonus]. */
export function sampleScores(policy: Policy): Dec[] {
  const top = new D(policy.scale.points).plus(policy.scale.bonus);
  const marks = [new D(0), top];
  for (const band of policy.grades) {
    for (const bound of [band.min, band.max]) if (bound !== undefined) marks.push(new D(bound), new D(bound).minus(0.01));
    if (band.refund?.kind === 'perPointBelow') marks.push(new D(band.refund.base));
  }
  const inside = marks.filter((s) => s.gte(0) && s.lte(top)).sort((a, b) => a.comparedTo(b));
  const distinct = inside.filter((s, i) => i === 0 || !s.eq(inside[i - 1]!));
  const between = distinct.slice(1).map((s, i) => s.plus(distinct[i]!).div(2));
  return [...distinct, ...between].sort((a, b) => a.comparedTo(b));
}

/** The share a score gets back of a deposit of 1, or null where the notice leaves its band unstated. */
export function refundRatio(policy: Policy, score: Dec, options: RefundOptions): Dec | null {
  const refund = refundOutcome(policy, score, 1, options);
  return isUnstated(refund) ? null : refund.ratio;
}

/** The band (index) a score lies in, or -1. */
export function bandIndexOf(policy: Policy, score: Dec): number {
  return policy.grades.findIndex((g) => (g.min === undefined || score.gte(g.min)) && (g.max === undefined || score.lt(g.max)));
}

/** Whether refunds can be read at all: a refund rule, and a tier on every grade (else checkPolicy has
 * already said which grade lacks one). */
export function refundsReadable(policy: Policy): boolean {
  return policy.refund !== undefined && policy.grades.every((g) => g.refund !== undefined);
}

/**
 * Refund tiers: each tier's own numbers, then every sampled score's ratio in [0, 1] and never lower for a
 * higher score (tiers swapped between bands, or a per-point rate that drops a band below the one under it).
 * Run only on bands that tile the score line (checkBands found nothing).
 */
export function checkRefundTiers(policy: Policy): Problem[] {
  if (!refundsReadable(policy)) return [];
  return unlessThrown(() => tierOrder(policy), 'grades');
}

/** A check that reads the policy through the core: an error the core throws (it should not, once the
 * bands tile) is reported as the file's problem, never as a crash of `mib check`. */
export function unlessThrown(check: () => Problem[], field: string): Problem[] {
  try {
    return check();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return [problem(field, `无法按此文件计算返还：${message}`, `the refund cannot be computed from this file: ${message}`)];
  }
}

function tierOrder(policy: Policy): Problem[] {
  const out = policy.grades.flatMap((band, i) => (band.refund ? tierProblems(band.refund, band, `grades.${i}.refund`, policy) : []));
  if (out.length > 0) return out;
  const settings = { fractionalPoints: policy.refund!.fractionalPoints, ratioRounding: policy.refund!.ratioRounding };
  let best: { score: Dec; ratio: Dec; band: number } | undefined;
  const reported = new Set<number>();
  for (const score of sampleScores(policy)) {
    const band = bandIndexOf(policy, score);
    const label = policy.grades[band]?.label ?? '';
    const ratio = refundRatio(policy, score, settings);
    // a band the notice leaves unstated pays nothing it states: neither more nor less than its neighbours
    if (ratio === null) continue;
    if ((ratio.lt(0) || ratio.gt(1)) && !reported.has(band)) {
      reported.add(band);
      out.push(
        problem(
          `grades.${band}.refund`,
          `等次“${label}”在 ${fmt(score)} 分时返还 ${pct(ratio)}，超出 0% 到 100%：返还比例按小数填写（退还 80% 写 0.8）`,
          `grade ${label}: refund ratio ${ratio} at ${score} lies outside [0, 1]`,
        ),
      );
    }
    if (best && ratio.lt(best.ratio) && !reported.has(band)) {
      reported.add(band);
      const lower = policy.grades[best.band]?.label ?? '';
      out.push(
        problem(
          `grades.${band}.refund`,
          `返还比例随得分升高而下降：${fmt(best.score)} 分（${lower}）退还 ${pct(best.ratio)}，${fmt(score)} 分（${label}）只退还 ${pct(ratio)}；得分越高，返还不得越少。请检查各等次的 refund 是否写反，或 base、ratePerPoint 是否写错`,
          `refund falls as the score rises: ${best.score} (${lower}) gets ${best.ratio}, ${score} (${label}) only ${ratio}`,
        ),
      );
    }
    if (!best || ratio.gte(best.ratio)) best = { score, ratio, band };
  }
  return out;
}
