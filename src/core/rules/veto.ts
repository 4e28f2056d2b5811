import * as z from 'zod';
import { lazySchema } from '../files/lazySchema';
import { InputSpecSchema } from '../scoring/inputs';
import { blankNoFinding, describe, NO_FINDING, traced } from './shared';
import { clauseBase, type RuleDefinition } from './types';

/** 否决项: a yes/no fact that, when true, vetoes the whole assessment
 * (江北 1: "未缴纳罚金的不签订协议"). A missing fact counts as no finding. */
export const VetoSchema = /*#__PURE__*/ lazySchema(() =>
  z.object({ kind: z.literal('veto'), input: InputSpecSchema.extend({ type: z.literal('boolean') }), ...clauseBase }).strict(),
);
export type VetoRule = z.infer<typeof VetoSchema>;

export const veto: RuleDefinition<VetoRule> = {
  inputs: (rule) => [rule.input],
  role: () => 'veto',
  blankMeans: () => blankNoFinding({ zh: '不否决', en: 'no veto' }),
  evaluate(rule, ctx) {
    const value = ctx.value(rule.input);
    const triggered = value === true;
    return {
      veto: triggered,
      lines: traced(ctx, () => [`${describe(rule.input, value)}${value === undefined ? `（${NO_FINDING}）` : ''}${triggered ? ' → 否决项' : ''}`]),
    };
  },
};
