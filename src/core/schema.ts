import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { RuleSchema } from './rules';

/** Where an official table comes from. Every rubric cites its document. */
export const ProvenanceSchema = /*#__PURE__*/ lazySchema(() =>
  z
  .object({
    issuer: z.string().min(1),
    documentNumber: z.string().min(1),
    attachment: z.string().min(1),
    title: z.string().min(1),
    date: z.string().min(1),
    seedFile: z.string().min(1),
  })
  .strict());

export const SectionSchema = /*#__PURE__*/ lazySchema(() =>
  z
  .object({
    name: z.string().min(1),
    /** the total printed beside the section name, e.g. 基础管理（155分） */
    points: z.number().nonnegative().optional(),
  })
  .strict());

export const ItemSchema = /*#__PURE__*/ lazySchema(() =>
  z
  .object({
    /** 序号 as printed */
    no: z.string().regex(/^\d+$/, '序号须为数字'),
    /** 类别代码 such as B1, where the table prints one */
    code: z.string().regex(/^[A-Z]\d+$/, '类别代码须为字母加数字，如 C16').optional(),
    section: z.string().min(1),
    /** 考核指标 / 考核项目 */
    indicator: z.string().min(1),
    /** 指标释义 / 内容, verbatim */
    definition: z.string().min(1),
    /** 计分方法 / 评分标准, verbatim */
    method: z.string().min(1),
    /** 计分类别 as printed (否决项, 扣分项, 得分项, 否决项/扣分项), or the A/B/C/D class of 威海 */
    category: z.string().min(1),
    /** 总分 / 分值; null where the table prints "/" (veto-only items) */
    points: z.number().positive().nullable(),
    /** 加分项: counts towards the bonus, not the table's total */
    bonus: z.boolean().optional(),
    /** 考核方法 */
    assessment: z.string().optional(),
    /** 考核科室 */
    departments: z.string().optional(),
    /** 备注 */
    remarks: z.string().optional(),
    /** 机构述职 rows the table prints for the item (职工医保（万元）, 居民医保（万元）) */
    reportRows: z.array(z.string()).optional(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict());

export const FooterSchema = /*#__PURE__*/ lazySchema(() =>
  z
  .object({
    /** the footer as printed */
    text: z.string().min(1),
    /** item counts per class the footer states, e.g. { A: 6, B: 7, C: 29, D: 5 } */
    categoryCounts: z.record(z.string().regex(/^[A-Z]$/), z.number().int().nonnegative()).optional(),
    /** bonus total the footer states (65 in 威海 二级) */
    bonusTotal: z.number().nonnegative().optional(),
  })
  .strict());

export const RubricSchema = /*#__PURE__*/ lazySchema(() =>
  z
  .object({
    $schema: z.string().optional(),
    kind: z.literal('rubric'),
    id: z.string().regex(/^[a-z0-9-]+$/, 'id 只能含小写字母、数字和连字符'),
    title: z.string().min(1),
    region: z.string().min(1),
    year: z.number().int(),
    institution: z.enum(['hospital', 'pharmacy']),
    /** which official column set the sheet shows */
    layout: z.enum(['jiangbei', 'weihai']),
    provenance: ProvenanceSchema,
    /** 合计 as printed (bonus items excluded) */
    total: z.number().positive(),
    sections: z.array(SectionSchema).min(1),
    items: z.array(ItemSchema).min(1),
    footer: FooterSchema.optional(),
    /** "出现否决项得分为0" */
    vetoEffect: z.enum(['zero']),
    /** table-level cap on all bonus items together (吉林: 加分项原则上不超过10分); none = sum of item caps */
    bonusCap: z.number().positive().optional(),
    /** how partial steps count in "每高于1个百分点" / "每少10%": proportional (default) or whole steps only */
    partialSteps: z.enum(['proportional', 'whole']).default('proportional'),
    /** clauses the table prints without points (`unpriced`, 江北 19.2): "record" (default) keeps the fact
     * and shows it but deducts nothing, as the table prints no penalty; "score" counts the points the
     * clause names (read from its sibling clause, said in its note) */
    unpricedClauses: z.enum(['record', 'score']).default('record'),
    /** where the 指标释义 and the 计分方法 put a bound differently (a threshold's `otherReading`, 江北 20
     * “是否高于90%” against “未达到90%的不得分”): "method" (default) follows the 计分方法, "definition" the 指标释义 */
    boundaryReading: z.enum(['method', 'definition']).default('method'),
    notes: z.array(z.string()).optional(),
  })
  .strict());

export type Rubric = z.infer<typeof RubricSchema>;
export type RubricItem = z.infer<typeof ItemSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
