import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { extraWithholdingShape } from './extraWithholding';
import { rosterRulesShape } from './rosterRules';
import { vetoProblems, vetoShape } from './vetoEffect';
import { UNSTATED, unstatedBandProblems, unstatedTierShape } from './unstated';
import { withholdTierShape } from './withhold';
import { commentField } from '../files/schema';

/** How a refund counts a fraction of a point under "较90分每低1分扣除…": exactly (84.5 is 5.5 points
 * below 90), only whole points (5), or every started point (6). */
export const fractionalPointsValues = ['proportional', 'whole', 'started'] as const;
export const FractionalPointsSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .enum(fractionalPointsValues)
    .describe('“每低1分”如何计不足1分的部分：proportional = 按实际差值（84.5 分低 5.5 分），whole = 只计整分（5），started = 不足1分按1分计（6）'),
);
/** How "保留两位小数点" keeps the refund ratio: as a percent with two decimals (90.66%) or as a fraction
 * with two decimals (0.91); "none" keeps it exact. */
export const ratioRoundingValues = ['percent-2', 'fraction-2', 'none'] as const;
export const RatioRoundingSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .enum(ratioRoundingValues)
    .describe('返还比例“保留两位小数”的读法：percent-2 = 百分数两位小数（90.66%），fraction-2 = 小数两位（0.91），none = 不取舍'),
);
/** Whether a downgrade (降档) also moves the refund to the lower grade's rule, or only the label moves. */
export const downgradeRefundValues = ['grade', 'score'] as const;
export const DowngradeRefundSchema = /*#__PURE__*/ lazySchema(() =>
  z.enum(downgradeRefundValues).describe('降档是否也降返还档次：grade = 按降档后的等次返还，score = 只降等次，返还仍按得分'),
);

const RefundTierSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('full').describe('全额返还'), text: z.string().describe('规定返还的原文') }).strict(),
      z.object({ kind: z.literal('none').describe('不予返还'), text: z.string().describe('规定不返还的原文') }).strict(),
      z
        .object({
          kind: z.literal('perPointBelow').describe('较基准分每低1分扣除保证金的一定比例'),
          /** the score from which points are counted down (90 in 吉林, 85 in 宁德) */
          base: z.number().describe('从哪一分起往下数（吉林 90，宁德 85）'),
          /** share of the deposit withheld per point below `base` (0.02 = 2%) */
          ratePerPoint: z.number().positive().max(1).describe('每低1分扣除的保证金比例，小数：2% 写 0.02'),
          text: z.string().describe('规定返还的原文'),
        })
        .strict(),
      z.object(withholdTierShape()).strict(),
      z.object(unstatedTierShape()).strict(),
    ])
    .describe(
      '本等次的保证金返还规定：kind 为 full（全额）、none（不返还）、perPointBelow（每低1分扣比例）、withhold（整档扣除固定比例）或 unstated（原文未规定，不计算金额）',
    ),
);
export type RefundTier = z.infer<typeof RefundTierSchema>;

// built where it is used, not behind lazySchema's proxy: zod's JSON Schema generator looks a pipe (the
// transform below) up by the object it is given, which a proxy is not
const gradeBandSchema = () =>
  z
    .object({
      $comment: commentField(),
      label: z
        .string()
        .min(1)
        .optional()
        .describe(`等次名称，照原文：优秀、良好、合格、不合格…（原文未规定等次的分数段写 "unstated": true，不写 label，显示为“${UNSTATED}”）`),
      unstated: z
        .literal(true)
        .optional()
        .describe(`（可不填）true = 原文没有规定这一分数段的等次：得分落在此段时等次显示“${UNSTATED}”，text 写明原文规定到哪里`),
      /** inclusive lower bound; absent = no lower bound */
      min: z.number().optional().describe('（最低一档不填）本等次的最低分，含：90 分以上（含90分）写 90'),
      /** exclusive upper bound; absent = no upper bound */
      max: z.number().optional().describe('（最高一档不填）上一等次的 min，不含：“80–90 分（不含90）”写 90'),
      /** the sentence that defines the band */
      text: z.string().min(1).describe('规定本等次的原文'),
      refund: RefundTierSchema.optional(),
      /** what the grade brings, as the document says it */
      consequences: z.array(z.string()).optional().describe('（可不填）本等次带来的后果，照原文'),
      /** 宁德: 优秀 → 次年总额控制指标增长率提高一个百分点 (0.01) */
      budgetGrowthBonus: z.number().optional().describe('（可不填）次年总额控制指标增长率提高多少，小数：一个百分点写 0.01'),
      /** the agreement ends (宁德 pharmacies under 70, 江北 不合格) */
      agreementEnds: z.boolean().optional().describe('（可不填）true = 本等次终止（或不续签）医保服务协议'),
    })
    .strict()
    .superRefine((band, ctx) => {
      for (const problem of unstatedBandProblems(band)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    })
    // an unstated band is shown, graded and matched by the one label every face uses
    .transform(({ label, ...band }) => ({ ...band, label: label ?? UNSTATED }))
    .describe('一个等次：得分在 [min, max) 内');
export const GradeBandSchema = /*#__PURE__*/ lazySchema(gradeBandSchema);
export type GradeBand = z.infer<typeof GradeBandSchema>;

export const PolicySchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      $schema: z.string().optional().describe('（可不填）JSON Schema 的位置，让编辑器提示字段：如 "../rubrics/policy.schema.json"'),
      $comment: commentField(),
      kind: z.literal('policy').describe('文件类型：政策写 "policy"'),
      id: z
        .string()
        .regex(/^[a-z0-9-]+$/, 'id 只能含小写字母、数字和连字符')
        .describe('编号：小写字母、数字和连字符，如 xx-2025；不能与自带的政策重名'),
      title: z.string().min(1).describe('政策名称，照原文'),
      region: z.string().min(1).describe('地区'),
      institution: z.enum(['hospital', 'pharmacy', 'any']).describe('适用机构：hospital = 医疗机构，pharmacy = 零售药店，any = 都适用'),
      provenance: z
        .object({
          issuer: z.string().min(1).describe('发文单位'),
          documentNumber: z.string().min(1).describe('文号，如 吉医保发〔2025〕9号'),
          title: z.string().min(1).describe('文件标题'),
          date: z.string().min(1).describe('成文或印发日期'),
          seedFile: z.string().min(1).optional().describe('（可不填）转录所依据的原文文本文件，只用于本项目自带的政策'),
          articles: z.string().optional().describe('（可不填）依据的条款，如 第八条至第十五条'),
        })
        .strict()
        .describe('出处：政策来自哪份文件'),
      /** the scale the policy grades on: 吉林 第八条 "扣分项总分 100 分，加分项原则上不超过 10 分"; 宁德 "考核采取百分制".
       * A table on another scale (威海 795) is graded only after an explicit conversion. */
      scale: z
        .object({
          /** the points the grade bands are written against (100 for 百分制) */
          points: z.number().positive().describe('等次分数线所依据的满分：百分制写 100'),
          /** bonus points the policy allows on top (吉林 10); 0 when it allows none */
          bonus: z.number().nonnegative().default(0).describe('（可不填，默认 0）满分之外允许的加分，如 吉林 10'),
          /** the sentence that sets the scale, verbatim */
          text: z.string().min(1).describe('规定分制的原文，如 “考核采取百分制”'),
        })
        .strict()
        .describe('分制：等次按多少分评定；考核表满分不同时须折算（--convert）'),
      /** grades from best to worst, each a half-open band [min, max) */
      grades: z.array(gradeBandSchema()).min(2).describe('等次，从高到低；相邻两档的分数线须首尾相接，不得有空档或重叠'),
      /** what a veto (否决项 / 一票否决 / 严重违规) does: see vetoEffect.ts */
      veto: z
        .object(vetoShape())
        .strict()
        .superRefine((veto, ctx) => {
          for (const problem of vetoProblems(veto)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
        })
        .describe('否决项（一票否决）的后果'),
      refund: z
        .object({
          // absent: the guide's defaults (docs/编写考核表与政策.md 第八节), the readings the notices take
          fractionalPoints: FractionalPointsSchema.default('proportional').describe(
            '（可不填，默认 proportional）“每低1分”如何计不足1分的部分：proportional = 按实际差值（84.5 分低 5.5 分），whole = 只计整分（5），started = 不足1分按1分计（6）',
          ),
          ratioRounding: RatioRoundingSchema.default('none').describe(
            '（可不填，默认 none）返还比例“保留两位小数”的读法：percent-2 = 百分数两位小数（90.66%），fraction-2 = 小数两位（0.91），none = 不取舍',
          ),
          text: z.string().optional().describe('（可不填）规定返还的原文'),
        })
        .strict()
        .optional()
        .describe('（可不填）保证金返还：有此项时每个等次都须有 refund'),
      /** further shares withheld for named circumstances of the institution (挂牌督办: 再扣除10%) */
      extraWithholding: extraWithholdingShape()
        .optional()
        .describe('（可不填）另行扣减的情形：机构存在所列情形时，在等次返还比例之外再扣除的比例，如 挂牌督办 再扣除10%'),
      downgrade: z
        .object({
          reasons: z
            .array(z.object({ steps: z.number().int().positive().describe('降几档'), text: z.string().describe('规定降档的原文') }).strict())
            .min(1)
            .describe('降档的情形'),
          refundFollows: DowngradeRefundSchema,
        })
        .strict()
        .optional()
        .describe('（可不填）降档'),
      composite: z
        .object({
          own: z.number().min(0).max(1).describe('机构自身得分的权重，如 0.7'),
          subordinates: z.number().min(0).max(1).describe('下属机构平均得分的权重，如 0.3'),
          text: z.string().describe('规定的原文'),
        })
        .strict()
        .optional()
        .describe('（可不填）含下属机构的综合得分'),
      /** institutions outside the normal assessment: 吉林 第十三条–第十五条, 宁德 准入不满一年 */
      specialCases: z
        .object({
          requestedTerminationWithViolations: z
            .object({ lowestOfGrade: z.string().describe('按哪个等次的最低档处理'), text: z.string().describe('原文') })
            .strict()
            .optional()
            .describe('申请终止协议且有违规'),
          requestedTerminationClean: z
            .object({ text: z.string().describe('原文') })
            .strict()
            .optional()
            .describe('申请终止协议且无违规'),
          rescinded: z
            .object({ text: z.string().describe('原文') })
            .strict()
            .optional()
            .describe('解除协议'),
          underSixMonths: z
            .object({ text: z.string().describe('原文') })
            .strict()
            .optional()
            .describe('履约不满6个月'),
          newlyAdmitted: z
            .object({ text: z.string().describe('原文') })
            .strict()
            .optional()
            .describe('准入不满一年'),
        })
        .strict()
        .optional()
        .describe('（可不填）考核之外的情形'),
      /** consequences for the top or bottom of the roster's ranking (太原 "排名后5%…暂停"): see rosterRules.ts */
      rosterRules: rosterRulesShape()
        .optional()
        .describe(
          '（可不填）名单规则：按全部机构最终得分排名，前或后一定比例（或家数）的机构有某种后果，如 “考核得分排名后5%的……暂停”；只在名单汇总（mib roster）中判定',
        ),
      notes: z.array(z.string()).optional().describe('（可不填）口径说明：原文有两种读法时写明按哪种读'),
    })
    .strict()
    .describe('MIB 等次与返还政策：得分对应的等次、否决、保证金返还'),
);
export type Policy = z.infer<typeof PolicySchema>;
export const specialCaseKinds = [
  'requestedTerminationWithViolations',
  'requestedTerminationClean',
  'rescinded',
  'underSixMonths',
  'newlyAdmitted',
] as const;
export type SpecialCase = (typeof specialCaseKinds)[number];
export type FractionalPoints = z.infer<typeof FractionalPointsSchema>;
export type RatioRounding = z.infer<typeof RatioRoundingSchema>;
export type DowngradeRefund = z.infer<typeof DowngradeRefundSchema>;
