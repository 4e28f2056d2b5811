import { documentName } from '../files/rubricLabel';
import { type Dec, dec, fmt, sum } from '../numbers/decimal';
import { MibError } from '../messages/errors';
import type { Policy } from './schema';

/** 吉林 第十一条: own score × 70% + the mean of the subordinate institutions' (or persons') scores × 30%. */
export function compositeScore(policy: Policy, own: Dec | number, subordinates: (Dec | number)[]): { score: Dec; trace: string[] } {
  const rule = policy.composite;
  if (!rule) {
    throw new MibError(
      'not-applicable',
      'policy',
      `政策“${documentName(policy)}”没有下属机构综合得分的规定`,
      `policy ${policy.id} has no composite rule`,
    );
  }
  if (subordinates.length === 0) {
    throw new MibError('invalid-argument', 'subordinates', '至少需要一个下属机构（人员）的考核得分', 'at least one subordinate score is needed');
  }
  const mean = sum(subordinates.map((s) => dec(s))).div(subordinates.length);
  const ownD = dec(own);
  const score = ownD.times(rule.own).plus(mean.times(rule.subordinates));
  return {
    score,
    trace: [
      rule.text,
      `下属机构平均分 = ${fmt(mean)}（${subordinates.length} 个）`,
      `${fmt(ownD)}×${fmt(rule.own)} + ${fmt(mean)}×${fmt(rule.subordinates)} = ${fmt(score)}`,
    ],
  };
}
