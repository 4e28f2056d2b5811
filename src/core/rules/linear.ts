import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { constant, D, fmt, ZERO } from '../numbers/decimal';
import { InputSpecSchema } from '../scoring/inputs';
import { applyCap, asDec, blankNotAchieved, EARNS_NOTHING, boundText, describe, NOT_ACHIEVED, stepsBeyond, traced } from './shared';
import { PeerLowBandSchema } from './peer';
import { clauseBase, type RuleDefinition, effectSchema } from './types';

/** Points per step beyond a reference: "每高于该区间1个百分点扣0.5分，最多扣5分" (威海 A1: the input is
 * how far the rate lies above the low interval, reference 0, step 0.01), "低位区间占比20%，每高于该区间
 * 1个百分点扣1分" (威海 A6, as an earning from `base` 10), "得6分，每少10%的，减1分" (威海 一级 B4,
 * reference 1, direction below, step 0.1). Partial steps count as the rubric's `partialSteps` option says.
 * A missing measurement is not achieved: the full deduction (cap, else the item's points) or no earning. */
export const LinearSchema = /*#__PURE__*/ lazySchema(() =>
  z
    .object({
      kind: z.literal('linear'),
      input: InputSpecSchema.extend({ type: z.enum(['ratio', 'signedRatio', 'number']) }),
      reference: z.number().describe('从哪里数起：“高于区间上限”的上限、“每少10%”的 100%（写 1）'),
      direction: z.enum(['above', 'below']).describe('above = 每高于一步，below = 每低于（每少）一步'),
      step: z.number().positive().describe('一步多大：1个百分点写 0.01，10% 写 0.1'),
      pointsPerStep: z.number().positive().describe('每一步扣（减）几分'),
      effect: effectSchema,
      /** earn only: the points before steps are taken off */
      base: z.number().positive().optional().describe('（earn 必填，deduct 不填）扣步数之前的分，如 “得6分，每少10%的，减1分”写 6'),
      /** deduct only: "最多扣5分" */
      cap: z.number().positive().optional().describe('（可不填，只用于 deduct）本条最多扣几分：“最多扣5分”写 5'),
      peer: PeerLowBandSchema.optional(),
      ...clauseBase,
    })
    .strict()
    .refine((r) => (r.effect === 'earn') === (r.base !== undefined), { message: 'earn 须给出 base；deduct 不带 base' })
    // the roster feeds a low band's clause the excess above the band (reference + excess): only "每高于" counts it
    .refine((r) => r.peer?.kind !== 'lowBand' || r.direction === 'above', {
      message: '低位区间（peer.lowBand）按“每高于该区间”计：direction 须为 above',
      path: ['direction'],
    }),
);
export type LinearRule = z.infer<typeof LinearSchema>;

export const linear: RuleDefinition<LinearRule> = {
  inputs: (rule) => [rule.input],
  role: (rule) => rule.effect,
  blankMeans: (rule) => {
    if (rule.effect === 'earn') return blankNotAchieved(EARNS_NOTHING);
    return rule.cap !== undefined
      ? blankNotAchieved({ zh: `扣${fmt(rule.cap)}分`, en: `${fmt(rule.cap)} deducted` })
      : blankNotAchieved({ zh: '扣满本项分值', en: "the item's points deducted" });
  },
  maxEarn: (rule) => new D(rule.base ?? 0),
  evaluate(rule, ctx) {
    const raw = ctx.value(rule.input);
    const value = asDec(raw);
    if (value === undefined) {
      if (rule.effect === 'earn') return { earn: ZERO, lines: traced(ctx, () => [`${describe(rule.input, raw)} → ${NOT_ACHIEVED}，得0分`]) };
      const full = rule.cap !== undefined ? new D(rule.cap) : ctx.itemPoints;
      return { deduct: full, lines: traced(ctx, () => [`${describe(rule.input, raw)} → ${NOT_ACHIEVED}，扣${fmt(full)}分`]) };
    }
    const steps = stepsBeyond(value, rule.reference, rule.direction, rule.step, ctx.partialSteps);
    const amount = steps.isZero() ? steps : steps.times(constant(rule.pointsPerStep));
    const stepText = () => {
      const where = `${rule.direction === 'above' ? '高于' : '低于'} ${boundText(rule.input, rule.reference)}`;
      const unit = rule.input.type === 'number' ? fmt(rule.step) : `${fmt(new D(rule.step).times(100))}个百分点`;
      return `${describe(rule.input, raw)}，${where} ${fmt(steps)} 个“${unit}”`;
    };
    if (rule.effect === 'earn') {
      const base = new D(rule.base ?? 0);
      const earn = D.max(ZERO, base.minus(amount));
      return { earn, lines: traced(ctx, () => [`${stepText()} → ${fmt(base)} − ${fmt(steps)}×${fmt(rule.pointsPerStep)} = ${fmt(earn)}分`]) };
    }
    const { applied, notApplied } = applyCap(amount, rule.cap);
    const lines = traced(ctx, () => {
      let line = `${stepText()} → ${fmt(steps)}×${fmt(rule.pointsPerStep)} = 扣${fmt(amount)}分`;
      if (notApplied.gt(0)) line += `（最多扣${fmt(rule.cap ?? 0)}分，${fmt(notApplied)}分不计）`;
      return [line];
    });
    return { deduct: applied, notApplied, lines };
  },
};
