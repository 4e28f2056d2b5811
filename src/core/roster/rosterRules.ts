import { D, fmt } from '../numbers/decimal';
import { ROSTER_RULE_DEFAULTS, type RosterRule, rosterRuleAmount, rosterRuleReading, rosterRuleSize, rosterRuleWords } from '../policy/rosterRules';
import type { Policy } from '../policy/schema';
import { SUBORDINATE_TEXT } from './composite';
import { equalRuns, type PeerMember, shareCount, sortedMembers } from './peer/shared';
import type { RosterConsequence, RosterRowResult, RosterRuleOutcome } from './types';

/** Why a row is not ranked: a grade withheld (暂不评定), a subordinate (随上级), a special case, no grade. */
type Left = keyof RosterRuleOutcome['excluded'];

function leftOut(row: RosterRowResult): Left | undefined {
  if (row.institution.specialCase !== undefined) return 'special';
  if (row.status === undefined) return row.gradeText === SUBORDINATE_TEXT ? 'subordinate' : 'ungraded';
  if (row.status === 'withheld') return 'withheld';
  return undefined;
}

const LEFT_WORDS: Record<Left, string> = { withheld: '暂不评定', subordinate: '下属机构（随上级）', special: '考核之外的情形', ungraded: '未评定' };

function groupWords(rule: RosterRule, group: string): string {
  if ((rule.group ?? ROSTER_RULE_DEFAULTS.group) === 'all') return '全部机构';
  return group === '' ? '未填级别/类型的机构' : `“${group}”`;
}

/** Whether the policy has 名单规则: they rank the final scores, so a roster's rows are held until all are
 * scored (scoreRoster's `onHeld`). */
export const ranksRoster = (policy: Policy | undefined): boolean => (policy?.rosterRules?.length ?? 0) > 0;

/**
 * Applies the policy's 名单规则 (src/core/policy/rosterRules.ts) to the scored rows: within each group
 * (the whole roster, or each 级别/类型), the rows with a grade of their own (final or 暂评; not 暂不评定, a
 * subordinate or a special case) are ranked by final score from the rule's end; the share becomes a count
 * as `rounding` says (5% of 7 = 0.35 → 0 under round); equal scores across the cut are all marked
 * (`include`) or none (`exclude`). Each marked row gets the consequence; each rule and group an outcome
 * whose lines say what happened, a count of nobody included.
 */
export function applyRosterRules(rows: readonly RosterRowResult[], policy: Policy | undefined): RosterRuleOutcome[] | undefined {
  const rules = policy?.rosterRules;
  if (!rules || rules.length === 0) return undefined;
  const outcomes: RosterRuleOutcome[] = [];
  rules.forEach((rule, r) => {
    const byLevel = (rule.group ?? ROSTER_RULE_DEFAULTS.group) === 'level';
    const groups = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const key = byLevel ? (row.institution.level ?? '') : '';
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    for (const [group, members] of groups) outcomes.push(applyToGroup(rows, rule, r, group, members));
  });
  return outcomes;
}

function applyToGroup(rows: readonly RosterRowResult[], rule: RosterRule, r: number, group: string, indices: number[]): RosterRuleOutcome {
  const excluded: RosterRuleOutcome['excluded'] = { withheld: 0, subordinate: 0, special: 0, ungraded: 0 };
  const members: PeerMember[] = [];
  for (const i of indices) {
    const why = leftOut(rows[i]!);
    if (why) excluded[why]++;
    else members.push({ key: i, measure: rows[i]!.total });
  }
  // from the rule's end: the lowest first for 后 (bottom), the highest first for 前 (top)
  const sorted = sortedMembers(members, rule.rank === 'top');
  const n = sorted.length;
  const rounding = rule.rounding ?? ROSTER_RULE_DEFAULTS.rounding;
  const ties = rule.ties ?? ROSTER_RULE_DEFAULTS.ties;
  const target = rule.share !== undefined ? Math.min(n, shareCount(rule.share, n, rounding)) : Math.min(n, rule.count!);
  const runs = equalRuns(sorted);
  const marked: number[] = [];
  if (target > 0)
    sorted.forEach((_, p) => {
      if (ties === 'include' ? runs.first[p]! < target : runs.last[p]! < target) marked.push(p);
    });
  const provisional = sorted.some((m) => rows[m.key]!.status === 'provisional');
  const where = groupWords(rule, group);
  const amount = rosterRuleAmount(rule);
  const counted =
    rule.share !== undefined
      ? `${n} 家的 ${rosterRuleSize(rule)} 为 ${fmt(new D(rule.share).times(n))} 家，${rosterRuleWords.rounding[rounding]}为 ${target} 家`
      : `${rosterRuleSize(rule)}${n < rule.count! ? `（只有 ${n} 家参加排名）` : ''}`;
  const lines = [`${rule.consequence}（${where}${amount}）：${n} 家参加排名；${counted}`];
  const last = marked.length > 0 ? rows[sorted[marked[marked.length - 1]!]!.key]! : undefined;
  if (target === 0) lines.push(`  按此无机构列入“${rule.consequence}”${n === 0 ? '（没有可排名的机构）' : ''}`);
  else if (marked.length === 0) lines.push(`  得分相同跨越分界，${rosterRuleWords.ties[ties]}：按此无机构列入“${rule.consequence}”`);
  else {
    const names = marked.map(
      (p) => `${rows[sorted[p]!.key]!.institution.code} ${rows[sorted[p]!.key]!.institution.name}（${fmt(sorted[p]!.measure)} 分）`,
    );
    const tie = marked.length !== target ? `；得分相同跨越分界，${rosterRuleWords.ties[ties]}，共 ${marked.length} 家` : '';
    lines.push(`  列入 ${marked.length} 家${tie}：${names.slice(0, 20).join('、')}${names.length > 20 ? ` 等 ${names.length} 家` : ''}`);
  }
  const left = (Object.keys(excluded) as Left[]).filter((k) => excluded[k] > 0);
  if (left.length > 0) lines.push(`  未参加排名：${left.map((k) => `${LEFT_WORDS[k]} ${excluded[k]} 家`).join('、')}`);
  if (provisional && target > 0) lines.push('  排名中有暂评机构，列入与否待等次确认后才是最终的');
  for (const p of marked) {
    const row = rows[sorted[p]!.key] as RosterRowResult;
    const mark: RosterConsequence = {
      rule: r,
      consequence: rule.consequence,
      amount,
      rank: rule.rank,
      place: runs.first[p]! + 1,
      of: n,
      group,
      provisional,
    };
    (row.consequences ??= []).push(mark);
  }
  return {
    rule: r,
    rank: rule.rank,
    consequence: rule.consequence,
    text: rule.text,
    group,
    ranked: n,
    excluded,
    target,
    marked: marked.map((p) => rows[sorted[p]!.key]!.institution.code),
    ...(last && { cutScore: last.total }),
    provisional,
    lines,
  };
}

/** A row's marks in one cell: "暂停医保结算（后 5%，倒数第 1 名，共 20 家）". */
export function consequenceText(mark: RosterConsequence): string {
  const place = mark.rank === 'top' ? `第 ${mark.place} 名` : `倒数第 ${mark.place} 名`;
  return `${mark.consequence}（${mark.amount}，${place}，共 ${mark.of} 家${mark.group ? `“${mark.group}”` : ''}${mark.provisional ? '，暂定' : ''}）`;
}

/** The reading a roster shows for each rule (口径说明). */
export function rosterRuleRosterReading(rule: RosterRule): string {
  return `名单规则“${rule.text}”：${rosterRuleReading(rule)}。参加排名的是有本机构等次的机构（含暂评）；暂不评定、下属机构和考核之外的情形不参加。`;
}
