import type { Ownership } from '../scoring/applicability';
import { downgradeRefundReading, vetoReading } from '../readings/decisionReadings';
import type { Policy } from '../policy/schema';
import { type Reading, readingsOf } from '../readings/readings';
import type { Rubric } from '../files/schema';
import { rosterRuleRosterReading } from './rosterRules';
import type { RosterRowResult, RosterRuleOutcome } from './types';

/**
 * The rubric's and the policy's readings that applied to a roster (口径说明), for its text report, its
 * JSON, the workbook's 口径说明 sheet and the pane: the table's and each clause's (any depth), the policy's
 * notes and refund reading, how many institutions were read as 公立 / 民营, and, where a row had one, what
 * a veto and a 降档 did, and the 另行扣减 reading where a row names a circumstance (扣减情形). The peer
 * options are said apart (同级比较的口径).
 */
export function rosterReadings(
  rubric: Rubric,
  policy: Policy | undefined,
  rows: readonly RosterRowResult[],
  rules: readonly RosterRuleOutcome[] = [],
): Reading[] {
  const ownershipCounts: Record<Ownership | 'unknown', number> = { public: 0, private: 0, unknown: 0 };
  for (const row of rows) ownershipCounts[row.institution.ownership ?? 'unknown']++;
  const circumstances = rows.some((row) => (row.institution.circumstances?.length ?? 0) > 0);
  // a roster applies its 名单规则: their one-sheet reading ("须按全部机构的得分排名") gives way to how they were applied
  const out = readingsOf(rubric, { ...(policy && { policy }), ownershipCounts }).filter(
    (r) => (circumstances || r.id !== 'extraWithholding') && r.id !== 'rosterRules',
  );
  if (!policy) return out;
  // each rule's reading, then what it gave in each group (the 口径说明 sheet keeps "按此无机构列入" too)
  (policy.rosterRules ?? []).forEach((rule, r) => {
    const outcomes = rules.filter((o) => o.rule === r).map((o) => o.lines.map((line) => line.trim()).join('；'));
    out.push({ source: 'policy', id: 'rosterRules', text: [rosterRuleRosterReading(rule), ...outcomes].join(' 结果：') });
  });
  if (rows.some((row) => row.vetoItems.length > 0)) out.push(vetoReading(policy, policy.refund !== undefined));
  if (policy.refund && rows.some((row) => (row.institution.downgrade ?? 0) > 0))
    out.push(downgradeRefundReading(policy.downgrade?.refundFollows ?? 'grade'));
  return out;
}
