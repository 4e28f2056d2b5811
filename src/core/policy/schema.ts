import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { extraWithholdingShape } from './extraWithholding';
import { vetoProblems, vetoShape } from './vetoEffect';
import { withholdTierShape } from './withhold';

/** How a refund counts a fraction of a point under "较90分每低1分扣除…": exactly (84.5 is 5.5 points
 * below 90), only whole points (5), or every started point (6). */
export const fractionalPointsValues = ['proportional', 'whole', 'started'] as const;
export const FractionalPointsSchema = /*#__PURE__*/ lazySchema(() => z.enum(fractionalPointsValues));
/** How "保留两位小数点" keeps the refund ratio: as a percent with two decimals (90.66%) or as a fraction
 * with two decimals (0.91); "none" keeps it exact. */
export const ratioRoundingValues = ['percent-2', 'fraction-2', 'none'] as const;
export const RatioRoundingSchema = /*#__PURE__*/ lazySchema(() => z.enum(ratioRoundingValues));
/** Whether a downgrade (降档) also moves the refund to the lower grade's rule, or only the label moves. */
export const downgradeRefundValues = ['grade', 'score'] as const;
export const DowngradeRefundSchema = /*#__PURE__*/ lazySchema(() => z.enum(downgradeRefundValues));

const RefundTierSchema = /*#__PURE__*/ lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), text: z.string() }).strict(),
  z.object({ kind: z.literal('none'), text: z.string() }).strict(),
  z
    .object({
      kind: z.literal('perPointBelow'),
      /** the score from which points are counted down (90 in 吉林, 85 in 宁德) */
      base: z.number(),
      /** share of the deposit withheld per point below `base` (0.02 = 2%) */
      ratePerPoint: z.number().positive().max(1),
      text: z.string(),
    })
    .strict(),
  z.object(withholdTierShape()).strict(),
]));
export type RefundTier = z.infer<typeof RefundTierSchema>;

export const GradeBandSchema = /*#__PURE__*/ lazySchema(() => z
  .object({
    label: z.string().min(1),
    /** inclusive lower bound; absent = no lower bound */
    min: z.number().optional(),
    /** exclusive upper bound; absent = no upper bound */
    max: z.number().optional(),
    /** the sentence that defines the band */
    text: z.string().min(1),
    refund: RefundTierSchema.optional(),
    /** what the grade brings, as the document says it */
    consequences: z.array(z.string()).optional(),
    /** 宁德: 优秀 → 次年总额控制指标增长率提高一个百分点 (0.01) */
    budgetGrowthBonus: z.number().optional(),
    /** the agreement ends (宁德 pharmacies under 70, 江北 不合格) */
    agreementEnds: z.boolean().optional(),
  })
  .strict());
export type GradeBand = z.infer<typeof GradeBandSchema>;

export const PolicySchema = /*#__PURE__*/ lazySchema(() => z
  .object({
    $schema: z.string().optional(),
    kind: z.literal('policy'),
    id: z.string().regex(/^[a-z0-9-]+$/, 'id 只能含小写字母、数字和连字符'),
    title: z.string().min(1),
    region: z.string().min(1),
    institution: z.enum(['hospital', 'pharmacy', 'any']),
    provenance: z
      .object({
        issuer: z.string().min(1),
        documentNumber: z.string().min(1),
        title: z.string().min(1),
        date: z.string().min(1),
        seedFile: z.string().min(1),
        articles: z.string().optional(),
      })
      .strict(),
    /** the scale the policy grades on: 吉林 第八条 "扣分项总分 100 分，加分项原则上不超过 10 分"; 宁德 "考核采取百分制".
     * A table on another scale (威海 795) is graded only after an explicit conversion. */
    scale: z
      .object({
        /** the points the grade bands are written against (100 for 百分制) */
        points: z.number().positive(),
        /** bonus points the policy allows on top (吉林 10); 0 when it allows none */
        bonus: z.number().nonnegative().default(0),
        /** the sentence that sets the scale, verbatim */
        text: z.string().min(1),
      })
      .strict(),
    /** grades from best to worst, each a half-open band [min, max) */
    grades: z.array(GradeBandSchema).min(2),
    /** what a veto (否决项 / 一票否决 / 严重违规) does: see vetoEffect.ts */
    veto: z
      .object(vetoShape())
      .strict()
      .superRefine((veto, ctx) => {
        for (const problem of vetoProblems(veto)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
      }),
    refund: z
      .object({
        fractionalPoints: FractionalPointsSchema,
        ratioRounding: RatioRoundingSchema,
        text: z.string().optional(),
      })
      .strict()
      .optional(),
    /** further shares withheld for named circumstances of the institution (挂牌督办: 再扣除10%) */
    extraWithholding: extraWithholdingShape().optional(),
    downgrade: z
      .object({
        reasons: z.array(z.object({ steps: z.number().int().positive(), text: z.string() }).strict()).min(1),
        refundFollows: DowngradeRefundSchema,
      })
      .strict()
      .optional(),
    composite: z
      .object({ own: z.number().min(0).max(1), subordinates: z.number().min(0).max(1), text: z.string() })
      .strict()
      .optional(),
    /** institutions outside the normal assessment: 吉林 第十三条–第十五条, 宁德 准入不满一年 */
    specialCases: z
      .object({
        requestedTerminationWithViolations: z.object({ lowestOfGrade: z.string(), text: z.string() }).strict().optional(),
        requestedTerminationClean: z.object({ text: z.string() }).strict().optional(),
        rescinded: z.object({ text: z.string() }).strict().optional(),
        underSixMonths: z.object({ text: z.string() }).strict().optional(),
        newlyAdmitted: z.object({ text: z.string() }).strict().optional(),
      })
      .strict()
      .optional(),
    notes: z.array(z.string()).optional(),
  })
  .strict());
export type Policy = z.infer<typeof PolicySchema>;
export const specialCaseKinds = ['requestedTerminationWithViolations', 'requestedTerminationClean', 'rescinded', 'underSixMonths', 'newlyAdmitted'] as const;
export type SpecialCase = (typeof specialCaseKinds)[number];
export type FractionalPoints = z.infer<typeof FractionalPointsSchema>;
export type RatioRounding = z.infer<typeof RatioRoundingSchema>;
export type DowngradeRefund = z.infer<typeof DowngradeRefundSchema>;
