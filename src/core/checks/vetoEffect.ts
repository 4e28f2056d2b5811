import { D, type Dec, fmt, pct } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import type { Policy } from '../policy/schema';
import { literalVetoScore, vetoEffectOf } from '../policy/vetoEffect';
import { problem } from './problem';
import { bandIndexOf, refundRatio, refundsReadable, sampleScores, unlessThrown } from './refundTiers';

/**
 * A veto (否决项, 一票否决) is never better than the lowest grade: every bundled notice makes it 不合格, and
 * a veto that leaves a passing grade would grade a disqualified institution as passed. The veto grade
 * must therefore be the last (lowest) of `grades`; a score the veto sets must lie within the scale; and
 * the refund under a veto must not exceed what the lowest grade pays its own scores (a per-point tier on
 * the lowest grade would otherwise pay a vetoed 95 in full when the score stands).
 */
export function checkVetoEffect(policy: Policy, bandsTile: boolean): Problem[] {
  const out: Problem[] = [];
  const last = policy.grades[policy.grades.length - 1];
  const at = policy.grades.findIndex((g) => g.label === policy.veto.grade);
  if (!last) return out;
  if (at >= 0 && at !== policy.grades.length - 1) {
    out.push(
      problem(
        'veto.grade',
        `否决后的等次“${policy.veto.grade}”好于最低等次“${last.label}”：否决项须评为最低等次（grades 从高到低排列，最后一个为最低），请写 "grade": "${last.label}"`,
        `veto grade ${policy.veto.grade} is better than the lowest grade ${last.label}`,
      ),
    );
  }
  const top = policy.scale.points + policy.scale.bonus;
  if (policy.veto.score !== undefined && (policy.veto.score < 0 || policy.veto.score > top)) {
    out.push(
      problem(
        'veto.score',
        `否决后的得分 ${fmt(policy.veto.score)} 不在政策分制 0 到 ${fmt(top)} 分之内：如“存在否决项得分为0分”写 "score": 0`,
        `veto score ${policy.veto.score} lies outside the scale 0 to ${top}`,
      ),
    );
  }
  if (out.length > 0 || !bandsTile) return out;
  const better = unlessThrown(() => neverBetter(policy), 'veto');
  if (better.length > 0 || at < 0 || !refundsReadable(policy)) return better;
  return unlessThrown(() => vetoRefund(policy), 'veto');
}

/** The grade a veto gives a score as the file writes it: the band of the score the veto leads to
 * (setScore sets it even where the institution's own is lower), no better than the veto grade. */
function literalGradeIndex(policy: Policy, score: Dec): number {
  const vetoed = bandIndexOf(policy, literalVetoScore(policy.veto, score));
  const ceiling = policy.grades.findIndex((g) => g.label === policy.veto.grade);
  return Math.max(vetoed, ceiling);
}

/**
 * A veto is never better than no veto, for any score: the grade the veto leads to as the file writes it
 * (setScore sets the score, also upwards) must be no better than the score's own grade, and the refund
 * under the veto no more than without it. The scoring never lifts a score (vetoedScore takes the lower),
 * but a file that says so is refused, so that what it says and what is computed are one.
 */
function neverBetter(policy: Policy): Problem[] {
  const effect = vetoEffectOf(policy.veto);
  const last = policy.grades[policy.grades.length - 1]!;
  const refunds = refundsReadable(policy);
  const settings = refunds ? { fractionalPoints: policy.refund!.fractionalPoints, ratioRounding: policy.refund!.ratioRounding } : undefined;
  for (const score of sampleScores(policy)) {
    const own = bandIndexOf(policy, score);
    const vetoed = literalGradeIndex(policy, score);
    if (own >= 0 && vetoed >= 0 && vetoed < own) {
      const to = literalVetoScore(policy.veto, score);
      const ownLabel = policy.grades[own]!.label;
      const vetoLabel = policy.grades[vetoed]!.label;
      return [
        problem(
          'veto',
          `否决好于不否决：${fmt(score)} 分本为“${ownLabel}”，否决后得分按 ${fmt(to)} 分计，评为“${vetoLabel}”。` +
            (effect === 'setScore'
              ? `请写否决后的等次 "grade": "${last.label}"（等次不高于最低等次），或改为 "effect": "capScore"（得分最高按 ${fmt(policy.veto.score ?? 0)} 分计，更低的得分不变）`
              : `请写否决后的等次 "grade": "${last.label}"`),
          `a veto is better than none: ${score} is ${ownLabel} without it, ${vetoLabel} with it (score ${to})`,
        ),
      ];
    }
    if (!settings || own < 0) continue;
    // the refund as the file writes it: setScore's score (even above the institution's own), the veto grade
    const literal = effect === 'setScore' ? new D(policy.veto.score ?? 0) : score;
    const withVeto = refundRatio(policy, literal, { ...settings, veto: true });
    const without = refundRatio(policy, score, settings);
    // where the notice leaves either refund unstated there is no amount to compare
    if (withVeto !== null && without !== null && withVeto.gt(without)) {
      return [
        problem(
          'veto',
          `否决好于不否决：${fmt(score)} 分不否决时退还 ${pct(without)}，否决后退还 ${pct(withVeto)}。否决后的返还不得多于不否决：请检查最低等次“${last.label}”的返还（否决项一般不予退还，写 "kind": "none"）与否决的 score、grade`,
          `a veto is better than none: ${score} refunds ${without} without it, ${withVeto} with it`,
        ),
      ];
    }
  }
  return [];
}

/** The refund under a veto, at every sampled score, against the most the lowest grade pays its own scores. */
function vetoRefund(policy: Policy): Problem[] {
  const last = policy.grades[policy.grades.length - 1]!;
  const settings = { fractionalPoints: policy.refund!.fractionalPoints, ratioRounding: policy.refund!.ratioRounding };
  const scores = sampleScores(policy);
  const lastIndex = policy.grades.length - 1;
  const ownBest = scores
    .filter((s) => bandIndexOf(policy, s) === lastIndex)
    .reduce((m, s) => D.max(m, refundRatio(policy, s, settings) ?? m), new D(0));
  for (const score of scores) {
    const vetoed = refundRatio(policy, score, { ...settings, veto: true });
    if (vetoed !== null && vetoed.gt(ownBest)) {
      return [
        problem(
          'veto',
          `否决后 ${fmt(score)} 分仍退还 ${pct(vetoed)}，多于最低等次“${last.label}”本身最多退还的 ${pct(ownBest)}：否决不得好于最低等次。请把“${last.label}”的返还写为不退还（"kind": "none"），或为否决写得分（veto.score）`,
          `a veto at ${score} still refunds ${vetoed}, more than the lowest grade's own ${ownBest}`,
        ),
      ];
    }
  }
  return [];
}
