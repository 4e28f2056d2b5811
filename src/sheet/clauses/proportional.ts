import { ifChain, num, withoutBinaryNoise, yes } from '../formulaParts';
import type { ClauseFormulaOf } from './types';

/** "按…所得分数的百分数×30分", "评分分值=满意度×10分" with the sample-size factor, and "未被抽取电话回访的医院得4分". */
export const proportionalFormula: ClauseFormulaOf<'proportional'> = (rule, ctx) => {
  const ref = ctx.ref(rule.input.id);
  let formula = rule.scale === 1 ? `${ref}*${num(rule.points)}` : `${ref}/${num(rule.scale)}*${num(rule.points)}`;
  if (rule.sampleFactor) {
    const sample = ctx.ref(rule.sampleFactor.input.id);
    const factor = ifChain(
      rule.sampleFactor.bands.map((band): [string, string] => [`${withoutBinaryNoise(sample)}>=${num(band.min)}`, num(band.factor)]),
      '0',
    );
    formula = `${formula}*IF(${sample}="",0,${factor})`;
  }
  if (rule.notSampled) formula = `IF(${yes(ctx.ref(rule.notSampled.input.id))},${num(rule.points)},${formula})`;
  return { formula, role: 'earn' };
};
