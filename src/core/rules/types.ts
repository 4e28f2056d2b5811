import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import type { Dec } from '../numbers/decimal';
import type { InputSpec, InputValue } from '../scoring/inputs';
import { PreviousYearSchema } from './previousYear';

/** Fields every clause carries: the 计分方法 sentence it implements, verbatim, and an optional note
 * on how an ambiguous sentence was read; `appliesTo` where the table limits the clause to public
 * institutions (its verbatim words in `text`), and `unpriced` where the table prints no points for it
 * (the rubric's `unpricedClauses` then decides whether the clause's points count). */
export const clauseBase = /*#__PURE__*/ lazySchema(() => ({
  // the rubric's and policy's commentField, written out: schema.ts imports the rules
  $comment: z.string().optional().describe('给编写者看的说明（JSON 不能写注释），计分时不读；可以删去'),
  text: z.string().min(1).describe('本条依据的计分方法原文（一句），一字不差'),
  note: z.string().optional().describe('（可不填）本条的口径说明：原文可两读时按哪种读'),
  appliesTo: z
    .object({
      ownership: z.literal('public').describe('只适用于公立医疗机构'),
      text: z.string().min(1).describe('原文的限定词，如 （公立医疗机构）'),
    })
    .strict()
    .optional()
    .describe('（可不填）只适用于公立医疗机构的条款：民营机构不扣分、不否决'),
  unpriced: z.literal(true).optional().describe('（可不填）表上没印分值的条款写 true；是否计分由考核表的 unpricedClauses 决定'),
  // 较上年: the measure this clause's fact is the change of (rules/previousYear.ts)
  previousYear: PreviousYearSchema.optional(),
}));

export const pointsSchema = /*#__PURE__*/ lazySchema(() =>
  z.union([z.number().positive(), z.literal('all')]).describe('分数；"all" = 本项全部分值（原文“不得分”）'),
);

/** deduct or earn, said once for every kind that has both */
export const effectSchema = /*#__PURE__*/ lazySchema(() =>
  z.enum(['deduct', 'earn']).describe('deduct = 扣分（从本项分值中扣），earn = 得分（从 0 加起）'),
);
/** "all" is the item's whole points: the table's "不得分". */
export type Points = z.infer<typeof pointsSchema>;

export interface RuleContext {
  /** the typed value, or undefined when the fact is missing (or invalid, reported elsewhere) */
  value(spec: InputSpec): InputValue | undefined;
  itemPoints: Dec;
  /** how to count partial steps in "每高于1个百分点" / "每少10%": exact fractions or whole steps only */
  partialSteps: 'proportional' | 'whole';
  /** false when the caller reads no trace (a roster scoring thousands of institutions): a rule may then
   * leave `lines` empty (see `traced`); absent or true, every face keeps its lines */
  trace?: boolean;
}

export type RuleRole = 'veto' | 'deduct' | 'earn';

export interface RuleOutcome {
  deduct?: Dec;
  earn?: Dec;
  veto?: boolean;
  /** points this clause's own cap kept from applying (e.g. "最多扣5分", "最高20分") */
  notApplied?: Dec;
  /** Chinese lines a reviewer reads, each citing the clause's input id; empty under `ctx.trace` false */
  lines: string[];
}

/** What a blank input counts as, in the words the sheet's prompts, the pane's 填报 view, MIB.INPUTS and
 * the README use: 不填视为未发现 (veto, deduction), 不填视为未达到 (earning, threshold), 不填按最后一档计
 * (band). Each kind's evaluate says the matching words in its trace ("按未达到计", "按未发现计"). */
export interface BlankMeaning {
  zh: string;
  en: string;
}

export interface RuleDefinition<R> {
  inputs(rule: R): InputSpec[];
  role(rule: R): RuleRole;
  /** most a clause can earn (earn rules), for the validator's reachable-maximum check */
  maxEarn?(rule: R, itemPoints: Dec): Dec;
  evaluate(rule: R, ctx: RuleContext): RuleOutcome;
  /** what a blank `spec` (one of this clause's inputs) counts as: the words match what evaluate does */
  blankMeans(rule: R, spec: InputSpec): BlankMeaning;
  /** a rule-specific check of a parsed value (e.g. a discretionary total below the printed minimum) */
  checkValue?(rule: R, spec: InputSpec, value: InputValue): string | null;
}
