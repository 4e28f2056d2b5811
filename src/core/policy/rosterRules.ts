import * as z from 'zod';
import { pct } from '../numbers/decimal';
import { commentField } from '../files/schema';

/**
 * Roster rules (名单规则, issue 23): a consequence for the institutions at the top or the bottom of a
 * ranking of the roster's final scores, "考核得分排名后5%的定点机构，暂停…" (太原), "末位的约谈", "前10%的通报
 * 表扬". They need every institution's score, so only `mib roster` (and the pane's 汇总) applies them; a
 * one-institution sheet says so in its 口径说明.
 *
 * The readings the texts leave open are named options with a documented default:
 * - `rounding` (a share of a small group as a count): `round` 四舍五入 (default), `floor` 去尾, `ceil` 进一.
 *   5% of 20 is 1 under each; 5% of 7 is 0.35: 0 (round, floor) or 1 (ceil). A share that comes to 0
 *   marks nobody, and the roster says so.
 * - `ties` (equal final scores across the cut): `include` 并列的都列入 (default: the count may be passed),
 *   `exclude` 并列跨越分界的都不列入 (the count may not be reached).
 */
export const rosterRoundingValues = ['round', 'floor', 'ceil'] as const;
export const rosterTiesValues = ['include', 'exclude'] as const;
export const rosterGroupValues = ['all', 'level'] as const;

export const rosterRuleShape = () =>
  z
    .object({
      $comment: commentField(),
      rank: z.enum(['top', 'bottom']).describe('按最终得分排名的哪一端：top = 前（得分最高的），bottom = 后（得分最低的，末位）'),
      share: z.number().gt(0).max(1).optional().describe('（与 count 二选一）比例，小数：“后5%”写 0.05'),
      count: z.number().int().min(1).optional().describe('（与 share 二选一）家数：“末位”写 1，“后3名”写 3'),
      group: z
        .enum(rosterGroupValues)
        .optional()
        .describe('（可不填，默认 all）在什么范围内排名：all = 全部机构，level = 同一级别/类型（名单的“级别/类型”列）内'),
      rounding: z
        .enum(rosterRoundingValues)
        .optional()
        .describe(
          '（可不填，默认 round；只用于 share）比例折成家数时：round = 四舍五入，floor = 去尾，ceil = 进一。7 家的 5% 为 0.35 家：round、floor 为 0 家，ceil 为 1 家',
        ),
      ties: z
        .enum(rosterTiesValues)
        .optional()
        .describe('（可不填，默认 include）得分相同跨越分界时：include = 并列的都列入，exclude = 并列的都不列入'),
      consequence: z.string().min(1).describe('后果的简称，显示在汇总名单的“名单规则”列，如 暂停医保结算、通报表扬'),
      text: z.string().min(1).describe('规定这条规则的原文，如 “考核得分排名后5%的定点医药机构，暂停……”'),
    })
    .strict()
    .describe('一条名单规则：按名单全部（或同级别/类型）机构的最终得分排名，前或后一定比例（或家数）的机构有某种后果');

export const rosterRulesShape = () => z.array(rosterRuleShape()).min(1);

export type RosterRule = z.infer<ReturnType<typeof rosterRuleShape>>;
export type RosterRounding = (typeof rosterRoundingValues)[number];
export type RosterTies = (typeof rosterTiesValues)[number];

/** The documented defaults. */
export const ROSTER_RULE_DEFAULTS = { group: 'all', rounding: 'round', ties: 'include' } as const;

export const rosterRuleWords = {
  rank: { top: '前', bottom: '后' },
  group: { all: '全部机构', level: '同一级别/类型' },
  rounding: { round: '四舍五入', floor: '去尾', ceil: '进一' },
  ties: { include: '并列的都列入', exclude: '并列跨越分界的都不列入' },
} as const;

/** "5%" / "3 家": how many the rule names. */
export function rosterRuleSize(rule: RosterRule): string {
  return rule.share !== undefined ? pct(rule.share) : `${rule.count} 家`;
}

/** "后 5%" / "前 3 家": the end and how many, in words. */
export function rosterRuleAmount(rule: RosterRule): string {
  return `${rosterRuleWords.rank[rule.rank]} ${rosterRuleSize(rule)}`;
}

/** The rule's reading in one line: the range ranked, the end and the amount, the rounding and ties. */
export function rosterRuleReading(rule: RosterRule): string {
  const group = rule.group ?? ROSTER_RULE_DEFAULTS.group;
  const rounding = rule.rounding ?? ROSTER_RULE_DEFAULTS.rounding;
  const ties = rule.ties ?? ROSTER_RULE_DEFAULTS.ties;
  return [
    `按${rosterRuleWords.group[group]}的最终得分排名，${rosterRuleAmount(rule)}：${rule.consequence}`,
    ...(rule.share !== undefined ? [`比例折成家数${rosterRuleWords.rounding[rounding]}`] : []),
    rosterRuleWords.ties[ties],
  ].join('；');
}

/** What a one-institution sheet (`mib score`, the sheet, the pane's 说明) says of a roster rule: it needs the
 * roster's scores (in the clerk's words: the printed sheet names no command). */
export function rosterRuleSheetReading(rule: RosterRule): string {
  return `名单规则“${rule.text}”（${rosterRuleReading(rule)}）须按全部机构的得分排名，单张考核表不能判定，在全部机构的名单汇总计分后给出。`;
}
