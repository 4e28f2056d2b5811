import * as z from 'zod';
import { D, type Dec, pct } from '../numbers/decimal';

/**
 * A refund tier that withholds a fixed share of the deposit for the whole band ("[80, 90) 扣除20%，
 * [70, 80) 扣除40%"), beside 吉林's and 宁德's per-point reductions. The share is of the deposit, so the
 * band pays back 1 − ratio whatever the score within it.
 */
export const withholdTierShape = () => ({
  kind: z.literal('withhold').describe('整档扣除固定比例'),
  /** share of the deposit withheld in this band (0.2 = 20%) */
  ratio: z.number().min(0).max(1).describe('本档扣除的保证金比例，小数，如 0.2 表示扣除20%（返还80%）'),
  text: z.string().describe('规定本档扣除比例的原文'),
});

export interface WithholdTier {
  kind: 'withhold';
  ratio: number;
  text: string;
}

/** The ratio paid back under a withhold tier, with the arithmetic in Chinese. */
export function withholdRatio(tier: WithholdTier): { ratio: Dec; line: string } {
  const ratio = new D(1).minus(tier.ratio);
  return { ratio, line: `${tier.text} → 扣除 ${pct(tier.ratio)}，退还 1 − ${pct(tier.ratio)} = ${pct(ratio)}` };
}
