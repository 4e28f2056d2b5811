import * as z from 'zod';
import { lazySchema } from './lazySchema';
import { RuleSchema } from '../rules';

/** `$comment`: a remark for whoever edits the file (JSON has no comments); read by no one else. The
 * starting files `mib new` writes explain themselves this way. */
export const commentField = () => z.string().optional().describe('给编写者看的说明（JSON 不能写注释），计分时不读；可以删去');

/** Where an official table comes from. Every rubric cites its document. */
export const ProvenanceSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      issuer: z.string().min(1).describe('发文单位，如 重庆市江北区医疗保障事务中心'),
      documentNumber: z.string().min(1).describe('文号，如 江医保中心发〔2024〕16号'),
      attachment: z.string().min(1).describe('附件序号，如 附件2；没有附件时写“正文”'),
      title: z.string().min(1).describe('文件标题'),
      date: z.string().min(1).describe('成文或印发日期，如 2024-12-20'),
      /** only our own transcriptions keep the seed text they were typed from */
      seedFile: z.string().min(1).optional().describe('（可不填）转录所依据的原文文本文件，只用于本项目自带的考核表'),
    })
    .strict()
    .describe('出处：考核表来自哪份文件'),
);

export const SectionSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      name: z.string().min(1).describe('类别名称，与考核项的 section 一字不差，如 基础管理'),
      /** the total printed beside the section name, e.g. 基础管理（155分） */
      points: z.number().nonnegative().optional().describe('（可不填）类别名旁印明的分值，如 基础管理（155分）写 155；填了就核对各项合计'),
    })
    .strict(),
);

export const ItemSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      $comment: commentField(),
      /** 序号 as printed */
      no: z.string().regex(/^\d+$/, '序号须为数字').describe('序号，照表上印的写，用文本："1"、"24"'),
      /** 类别代码 such as B1, where the table prints one */
      code: z
        .string()
        .regex(/^[A-Z]\d+$/, '类别代码须为字母加数字，如 C16')
        .optional()
        .describe('（可不填）表上印的类别代码，如 C16；填了则输入编号也可写 C16.1'),
      section: z.string().min(1).describe('所属类别，须是 sections 中的一个 name'),
      /** 考核指标 / 考核项目 */
      indicator: z.string().min(1).describe('考核指标 / 考核项目，照原文'),
      /** 指标释义 / 内容, verbatim */
      definition: z.string().min(1).describe('指标释义 / 考核内容，照原文'),
      /** 计分方法 / 评分标准, verbatim */
      method: z.string().min(1).describe('计分方法 / 评分标准，照原文（整段）'),
      /** 计分类别 as printed (否决项, 扣分项, 得分项, 否决项/扣分项), or the A/B/C/D class of 威海 */
      category: z.string().min(1).describe('计分类别，照原文：否决项、扣分项、得分项、否决项/扣分项，或 A/B/C/D 类'),
      /** 总分 / 分值; null where the table prints "/" (veto-only items) */
      points: z.number().positive().nullable().describe('本项分值；表上印“/”的（只有否决项）写 null'),
      /** 加分项: counts towards the bonus, not the table's total */
      bonus: z.boolean().optional().describe('（可不填，默认 false）true = 加分项：分值不计入合计 total，另计加分'),
      /** 考核方法 */
      assessment: z.string().optional().describe('（可不填）考核方法，照原文'),
      /** 考核科室 */
      departments: z.string().optional().describe('（可不填）考核科室，照原文'),
      /** 备注 */
      remarks: z.string().optional().describe('（可不填）备注，照原文'),
      /** 机构述职 rows the table prints for the item (职工医保（万元）, 居民医保（万元）) */
      reportRows: z.array(z.string()).optional().describe('（可不填）表上为本项印的述职填报行，如 职工医保（万元）'),
      rules: z.array(RuleSchema).min(1).describe('计分条款：把计分方法的每一句写成一条，按原文顺序；每条的 kind 见编写指南'),
    })
    .strict()
    .describe('考核项：表上的一行'),
);

export const FooterSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      /** the footer as printed */
      text: z.string().min(1).describe('表尾说明，照原文'),
      /** item counts per class the footer states, e.g. { A: 6, B: 7, C: 29, D: 5 } */
      categoryCounts: z
        .record(z.string().regex(/^[A-Z]$/), z.number().int().nonnegative())
        .optional()
        .describe('（可不填）表尾写明的各类项数，如 { "A": 6, "B": 7 }；填了就与表中各类代码核对'),
      /** bonus total the footer states (65 in 威海 二级) */
      bonusTotal: z.number().nonnegative().optional().describe('（可不填）表尾写明的加分项合计；填了就核对'),
    })
    .strict()
    .describe('（可不填）表尾'),
);

/** The sheet's column set. A table without its own layout gets 江北's columns (序号, 考核指标, 指标释义,
 * 计分方法…), which fit any table that prints those; 威海's adds 类别代码 and 考核方法/考核科室. */
export const defaultLayout = 'jiangbei';

export const RubricSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      $schema: z.string().optional().describe('（可不填）JSON Schema 的位置，让编辑器提示字段：如 "../rubrics/rubric.schema.json"'),
      $comment: commentField(),
      kind: z.literal('rubric').describe('文件类型：考核表写 "rubric"'),
      id: z
        .string()
        .regex(/^[a-z0-9-]+$/, 'id 只能含小写字母、数字和连字符')
        .describe('编号：小写字母、数字和连字符，如 xx-2025-hospital；不能与自带的考核表重名'),
      title: z.string().min(1).describe('考核表标题，照原文'),
      region: z.string().min(1).describe('地区，如 重庆市江北区'),
      year: z.number().int().describe('考核年度，如 2025'),
      institution: z.enum(['hospital', 'pharmacy']).describe('机构类别：hospital = 定点医疗机构，pharmacy = 定点零售药店'),
      /** which official column set the sheet shows */
      layout: z
        .enum(['jiangbei', 'weihai'])
        .default(defaultLayout)
        .describe('（可不填，默认 jiangbei）工作表的列：jiangbei = 序号/考核指标/指标释义/计分方法…；weihai = 另有类别代码、考核方法、考核科室'),
      provenance: ProvenanceSchema,
      /** 合计 as printed (bonus items excluded) */
      total: z.number().positive().describe('表上印的合计分值（不含加分项），如 100；与各项合计不同时 mib check 警告'),
      sections: z.array(SectionSchema).min(1).describe('类别（一级指标），按表上顺序'),
      items: z.array(ItemSchema).min(1).describe('考核项，按表上顺序'),
      footer: FooterSchema.optional(),
      /** "出现否决项得分为0": the total without a policy; under a policy its veto decides (assess's tableTotal) */
      vetoEffect: z
        .enum(['zero'])
        .describe('出现否决项时本表得分：目前只有 "zero"（得分为0），只在不按政策评分时适用；按政策评定时得分、等次、返还都由政策的 veto 决定'),
      /** table-level cap on all bonus items together (吉林: 加分项原则上不超过10分); none = sum of item caps */
      bonusCap: z.number().positive().optional().describe('（可不填）全部加分项合计的上限，如 10；不填 = 各加分项分值之和'),
      /** how partial steps count in "每高于1个百分点" / "每少10%": proportional (default) or whole steps only */
      partialSteps: z
        .enum(['proportional', 'whole'])
        .default('proportional')
        .describe('（可不填，默认 proportional）“每高于1个百分点”“每少10%”的不足一步部分：proportional = 按比例计，whole = 只计整步'),
      /** clauses the table prints without points (`unpriced`, 江北 19.2): "record" (default) keeps the fact
       * and shows it but deducts nothing, as the table prints no penalty; "score" counts the points the
       * clause names (read from its sibling clause, said in its note) */
      unpricedClauses: z
        .enum(['record', 'score'])
        .default('record')
        .describe('（可不填，默认 record）表上没印分值的条款（unpriced）：record = 只记录不扣分，score = 按条款写的分值计'),
      /** where the 指标释义 and the 计分方法 put a bound differently (a threshold's `otherReading`, 江北 20
       * “是否高于90%” against “未达到90%的不得分”): "method" (default) follows the 计分方法, "definition" the 指标释义 */
      boundaryReading: z
        .enum(['method', 'definition'])
        .default('method')
        .describe('（可不填，默认 method）指标释义与计分方法的界限写法不同时（条款的 otherReading）：method = 按计分方法，definition = 按指标释义'),
      notes: z.array(z.string()).optional().describe('（可不填）口径说明：原文有两种读法时，这里写明按哪种读；mib score、工作表和任务窗格都显示'),
    })
    .strict()
    .describe('MIB 考核表：一张官方考核表的全部考核项与计分方法'),
);

export type Rubric = z.infer<typeof RubricSchema>;
export type RubricItem = z.infer<typeof ItemSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
