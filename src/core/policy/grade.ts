import { documentName } from '../files/rubricLabel';
import { cmp, constant, type Dec, dec, fmt } from '../numbers/decimal';
import { MibError } from '../messages/errors';
import { checkWithinScale } from './scale';
import type { GradeBand, Policy } from './schema';
import { vetoedScore, vetoEffectOf } from './vetoEffect';

export interface GradeResult {
  /** the grade after veto and downgrade */
  label: string;
  band: GradeBand;
  /** the grade the score alone gives */
  scoreLabel: string;
  /** the score the grade was read from (a veto may set it, e.g. 江北 0) */
  score: Dec;
  vetoed: boolean;
  downgradeSteps: number;
  /** what the grade brings: the band's consequences, or the veto's own where the policy states them */
  consequences: string[];
  /** the agreement ends: only where the band that says so is the one the score (or the veto's score) lies in */
  agreementEnds: boolean;
  trace: string[];
}

export interface GradeOptions {
  veto?: boolean;
  /** 降档: how many grades to move down (吉林: 1 for 省级通报批评, 2 for 国家医保局通报批评) */
  downgrade?: number;
}

function bandOf(policy: Policy, score: Dec): { band: GradeBand; index: number } {
  const index = policy.grades.findIndex(
    (g) => (g.min === undefined || cmp(score, constant(g.min)) >= 0) && (g.max === undefined || cmp(score, constant(g.max)) < 0),
  );
  const band = policy.grades[index];
  if (!band) {
    throw new MibError(
      'invalid-file',
      'grades',
      `政策“${documentName(policy)}”的等次区间没有覆盖 ${fmt(score)} 分`,
      `policy ${policy.id} has no grade for ${fmt(score)}`,
    );
  }
  return { band, index };
}

export function gradeIndex(policy: Policy, label: string): number {
  return policy.grades.findIndex((g) => g.label === label);
}

/** The most grades a policy's 降档 rules move down (0 when it has none), and the sentence that says so:
 * one limit for gradeOf and for a roster's 降档 column. */
export function downgradeLimit(policy: Policy): { allowed: number; zh: string; en: string } {
  const allowed = Math.max(0, ...(policy.downgrade?.reasons.map((r) => r.steps) ?? [0]));
  return allowed === 0
    ? { allowed, zh: `政策“${documentName(policy)}”没有降档规定`, en: `policy ${policy.id} has no downgrade rule` }
    : { allowed, zh: `政策“${documentName(policy)}”最多降${allowed}档`, en: `policy ${policy.id} allows at most ${allowed} grades down` };
}

/** The grade of a score under a policy: the band that holds the score, then 一票否决, then 降档. */
export function gradeOf(policy: Policy, score: Dec | number, options: GradeOptions = {}): GradeResult {
  const steps = options.downgrade ?? 0;
  if (!Number.isInteger(steps) || steps < 0) {
    throw new MibError(
      'invalid-argument',
      'downgrade',
      `降档数应为 0 或正整数，收到的是 ${steps}`,
      `downgrade must be a whole number ≥ 0, got ${steps}`,
    );
  }
  const limit = downgradeLimit(policy);
  if (steps > limit.allowed) {
    throw new MibError('not-applicable', 'downgrade', limit.allowed === 0 ? limit.zh : `${limit.zh}，收到的是 ${steps}`, limit.en);
  }
  const trace: string[] = [];
  const vetoed = options.veto === true;
  let effective = dec(score);
  checkWithinScale(policy, effective);
  if (vetoed) {
    // fail keeps the score; setScore sets it (江北 0, 湖北 60); capScore holds it to at most a number
    const after = vetoedScore(policy.veto, effective);
    effective = after.score;
    if (after.line) trace.push(after.line);
  }
  const own = bandOf(policy, effective);
  trace.push(`${fmt(effective)} 分：${own.band.text} → ${own.band.label}`);
  let index = own.index;
  if (vetoed) {
    // the veto grade is a ceiling: a score whose band is worse keeps its own band
    const ceiling = policy.veto.grade === undefined ? -1 : gradeIndex(policy, policy.veto.grade);
    const vetoIndex = Math.max(index, ceiling);
    if (vetoIndex !== index || vetoEffectOf(policy.veto) === 'fail') trace.push(`${policy.veto.text} → ${policy.veto.grade ?? ''}`);
    index = vetoIndex;
  } else if (steps > 0) {
    index = Math.min(policy.grades.length - 1, index + steps);
    const reason = policy.downgrade?.reasons.find((r) => r.steps === steps)?.text ?? '';
    trace.push(`降${steps}档（${reason}）→ ${policy.grades[index]?.label}`);
  }
  const band = policy.grades[index] ?? own.band;
  let consequences = band.consequences ?? [];
  let agreementEnds = band.agreementEnds === true;
  if (vetoed && band !== own.band && policy.veto.consequences) {
    // the veto names its own consequences: the veto band's (e.g. 宁德 "70分以下…终止定点服务协议") are
    // tied to a score this institution does not have
    consequences = policy.veto.consequences;
    if (agreementEnds)
      trace.push(
        `${band.text}的“${(band.consequences ?? []).join('；')}”只适用于该分数段；本机构 ${fmt(effective)} 分，否决的后果为：${consequences.join('；')}`,
      );
    agreementEnds = false;
  }
  return {
    label: band.label,
    band,
    scoreLabel: own.band.label,
    score: effective,
    vetoed,
    downgradeSteps: vetoed ? 0 : steps,
    consequences,
    agreementEnds,
    trace,
  };
}
