import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { cmp, constant, D, fmt, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { asDec, blankNotAchieved, EARNS_NOTHING, describe, NOT_ACHIEVED, traced } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** Points in proportion to a measured share: "按...所得分数的百分数×30分" (威海 B4, a 0–100 score,
 * `scale` 100), "评分分值=满意度×10分" (威海 B3, a ratio, `scale` 1). `sampleFactor` scales the result by
 * the sample size ("评价人数占...15%视为有效；10%-15%，评分分值×50%；10%以下的不得分"): the first band
 * whose `min` the sample reaches applies, none means 0. `notSampled` is the "未被抽取电话回访的医院得4分"
 * case: when it is 是 the clause earns its full points. Missing measurements earn nothing. */
const SampleFactorSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      input: InputSpecSchema.extend({ type: z.literal('ratio') }),
      bands: z
        .array(
          z
            .object({ min: z.number().min(0).max(1).describe('比例达到多少（含），小数'), factor: z.number().min(0).max(1).describe('系数，小数') })
            .strict(),
        )
        .min(1)
        .describe('比例达到 min 时乘的系数，从高到低'),
    })
    .strict(),
);

export const ProportionalSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('proportional'),
      input: InputSpecSchema.extend({ type: z.enum(['ratio', 'number']) }),
      scale: z.number().positive().describe('事实的满值：比例写 1，百分制满意度写 100'),
      points: z.number().positive().describe('满值时得的分：得分 = 事实 ÷ scale × points'),
      sampleFactor: SampleFactorSchema.optional().describe('（可不填）再按另一个比例乘系数（威海 B3 评价人数占比）'),
      notSampled: z
        .object({ input: InputSpecSchema.extend({ type: z.literal('boolean') }) })
        .strict()
        .optional()
        .describe('（可不填）“未被抽取”时得满分的是/否事实'),
      ...clauseBase,
    })
    .strict(),
);
export type ProportionalRule = z.infer<typeof ProportionalSchema>;

export const proportional: RuleDefinition<ProportionalRule> = {
  inputs: (rule) => [rule.input, ...(rule.sampleFactor ? [rule.sampleFactor.input] : []), ...(rule.notSampled ? [rule.notSampled.input] : [])],
  role: () => 'earn',
  blankMeans: (rule, spec) => {
    // "未被抽取电话回访" left blank: the hospital was drawn, and the rate decides
    if (spec.id === rule.notSampled?.input.id)
      return { zh: '不填视为已被抽取，按满意度计分', en: 'blank counts as drawn for the survey: the rate decides' };
    if (spec.id === rule.sampleFactor?.input.id) return blankNotAchieved({ zh: '系数为0，不得分', en: 'factor 0, nothing earned' });
    return rule.notSampled
      ? blankNotAchieved({ zh: '得0分（未被抽取的除外）', en: 'nothing earned (unless not drawn)' })
      : blankNotAchieved(EARNS_NOTHING);
  },
  maxEarn: (rule) => new D(rule.points),
  evaluate(rule, ctx) {
    const { notSampled, sampleFactor } = rule;
    if (notSampled) {
      const flag = ctx.value(notSampled.input);
      if (flag === true)
        return { earn: new D(rule.points), lines: traced(ctx, () => [`${describe(notSampled.input, flag)} → 得${fmt(rule.points)}分`]) };
    }
    const raw = ctx.value(rule.input);
    const value = asDec(raw);
    if (value === undefined) return { earn: ZERO, lines: traced(ctx, () => [`${describe(rule.input, raw)} → ${NOT_ACHIEVED}，得0分`]) };
    const measured = value.div(rule.scale).times(rule.points);
    const line = () => `${describe(rule.input, raw)} → ${rule.scale === 1 ? fmt(value) : `${fmt(value)}%`} × ${fmt(rule.points)} = ${fmt(measured)}`;
    if (!sampleFactor) return { earn: measured, lines: traced(ctx, () => [`${line()}分`]) };
    const sampleRaw = ctx.value(sampleFactor.input);
    const sample = asDec(sampleRaw);
    const band = sample === undefined ? undefined : sampleFactor.bands.find((b) => cmp(sample, constant(b.min)) >= 0);
    const factor = band?.factor ?? 0;
    const earn = measured.times(factor);
    return {
      earn,
      lines: traced(ctx, () => [
        `${line()} × ${fmt(factor)} = ${fmt(earn)}分`,
        `${describe(sampleFactor.input, sampleRaw)} → ${sample === undefined ? `${NOT_ACHIEVED}，` : ''}系数 ${fmt(factor)}`,
      ]),
    };
  },
};
