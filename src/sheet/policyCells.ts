import { OUT_OF_SCALE, type Policy } from '../core';
import { ifChain, num, str } from './formulaParts';

type Band = Policy['grades'][number];

/** The label of the band holding `score`, as nested IFs over the bands' lower bounds, best first. */
function gradeChain(bands: Band[], score: string): string {
  const pairs = bands.slice(0, -1).map((band): [string, string] => [`${score}>=${num(band.min ?? 0)}`, str(band.label)]);
  return ifChain(pairs, str(bands[bands.length - 1]?.label ?? ''));
}

function bandIndexOf(policy: Policy, score: number): number {
  return policy.grades.findIndex((g) => (g.min === undefined || score >= g.min) && (g.max === undefined || score < g.max));
}

/** The score the grade is read from: a veto may set it (江北: 存在否决项得分为0分). */
export function effectiveScore(policy: Policy, total: string, vetoCount: string): string {
  return policy.veto.score === undefined ? total : `IF(${vetoCount}>0,${num(policy.veto.score)},${total})`;
}

/**
 * 等次 as a plain formula: the half-open bands of the policy (each [min, max), best first), and under a
 * veto the policy's veto grade or any worse one the score gives. Downgrades (降档) are a reviewer's
 * decision and are applied with MIB.GRADE's third argument, not here.
 */
export function gradeFormula(policy: Policy, total: string, vetoCount: string, top?: number): string {
  const vetoIndex = policy.grades.findIndex((g) => g.label === policy.veto.grade);
  let vetoed: string;
  if (policy.veto.score !== undefined) {
    const own = bandIndexOf(policy, policy.veto.score);
    vetoed = str(policy.grades[Math.max(own, vetoIndex)]?.label ?? policy.veto.grade);
  } else {
    vetoed = gradeChain(policy.grades.slice(Math.max(0, vetoIndex)), total);
  }
  const graded = `IF(${vetoCount}>0,${vetoed},${gradeChain(policy.grades, total)})`;
  // a converted score can pass the policy's scale (威海's bonus under a policy without one): never graded
  return top === undefined ? `=${graded}` : `=IF(${total}>${num(top)},${str(OUT_OF_SCALE)},${graded})`;
}

/** The most a policy grades: its scale's points and the bonus it allows. */
export function policyTop(policy: Policy): number {
  return policy.scale.points + policy.scale.bonus;
}

/** The refund ratio of one tier as formula text over the (effective) score. */
function tierRatio(tier: NonNullable<Band['refund']>, score: string, refund: NonNullable<Policy['refund']>): string {
  if (tier.kind === 'full') return '1';
  if (tier.kind === 'none') return '0';
  const gap = `MAX(0,${num(tier.base)}-${score})`;
  const below = refund.fractionalPoints === 'whole' ? `INT(${gap})` : refund.fractionalPoints === 'started' ? `ROUNDUP(${gap},0)` : gap;
  const raw = `MAX(0,1-${below}*${num(tier.ratePerPoint)})`;
  if (refund.ratioRounding === 'percent-2') return `ROUND(${raw}*100,2)/100`;
  if (refund.ratioRounding === 'fraction-2') return `ROUND(${raw},2)`;
  return raw;
}

/**
 * 退还保证金 as a plain formula: the grade cell picks the tier, the tier gives the ratio, the amount
 * rounds half-up to the cent (the inner ROUND to 6 places removes binary noise such as 0.015000000001
 * before the cent is decided). Blank when no deposit is entered; null when the policy sets no refund.
 */
export function refundFormula(policy: Policy, grade: string, score: string, deposit: string): string | null {
  const refund = policy.refund;
  if (!refund) return null;
  const pairs = policy.grades.map((band): [string, string] => [`${grade}=${str(band.label)}`, band.refund ? tierRatio(band.refund, score, refund) : '0']);
  const ratio = ifChain(pairs.slice(0, -1), pairs[pairs.length - 1]?.[1] ?? '0');
  return `=IF(${deposit}="","",ROUND(ROUND(${deposit}*${ratio},6),2))`;
}
