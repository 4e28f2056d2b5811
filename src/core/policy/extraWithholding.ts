import { documentName } from '../files/rubricLabel';
import * as z from 'zod';
import { D, type Dec, pct } from '../numbers/decimal';
import { MibError } from '../messages/errors';

/**
 * A further share of the deposit withheld for a named circumstance of the institution ("被挂牌督办的，
 * 再扣除10%"), whatever its grade. Reading: "再扣除10%" is a further 10 percentage points of the deposit,
 * taken off the refund ratio the tier gives: 1 − tier withheld − extra, floored at 0 (not 10% of what
 * the tier leaves). Several circumstances add up.
 */
export const extraWithholdingShape = () =>
  z
    .array(
      z
        .object({
          /** the circumstance as a reviewer names it (挂牌督办); no commas, 、 or spaces: a cell lists several */
          name: z
            .string()
            .regex(/^[^,，、;；\s]+$/, '情形名称不能为空，也不能含逗号、顿号、分号或空格（一个单元格可列出多个情形）')
            .describe('情形名称，如 挂牌督办'),
          /** share of the deposit withheld on top of the tier (0.1 = a further 10 percentage points) */
          ratio: z.number().positive().max(1).describe('再扣除的保证金比例，小数，如 0.1 表示再扣除10%'),
          /** the sentence that sets it, verbatim */
          text: z.string().min(1).describe('规定该情形扣减的原文'),
        })
        .strict(),
    )
    .min(1)
    .refine((list) => new Set(list.map((c) => c.name)).size === list.length, '扣减情形的名称不能重复');

/** The reading, as 口径说明 shows it wherever a policy names circumstances. */
export const EXTRA_WITHHOLDING_READING =
  '另行扣减情形（如“再扣除10%”）按保证金的百分点从该等次的返还比例中再扣除：返还比例 = 等次返还比例 − 另扣比例（多个情形相加），不低于0；不按等次返还后剩余金额的百分比计算。';

/** The circumstances a cell or a flag lists: "挂牌督办, 其他" / "挂牌督办、其他" / ["挂牌督办"]. */
export function circumstancesFrom(value: string | readonly string[]): string[] {
  // a blank names none (most rows of a roster): nothing to split
  if (value === '') return [];
  const parts = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(/[,，、;；\s]+/));
  return [...new Set(parts.filter((p) => p !== ''))];
}

/** The circumstances a policy names (its `extraWithholding`). */
export type ExtraWithholding = z.infer<ReturnType<typeof extraWithholdingShape>>;

/** The extra share withheld for the circumstances named, with a line each; unknown names are refused
 * with the policy's own list. Takes the fields it reads, so this file needs nothing of the policy's schema
 * (which builds its shape from this file). */
export function extraWithheld(
  policy: { id: string; region: string; title: string; extraWithholding?: ExtraWithholding },
  names: readonly string[],
): { ratio: Dec; lines: string[] } {
  const known = policy.extraWithholding ?? [];
  let ratio = new D(0);
  const lines: string[] = [];
  for (const name of circumstancesFrom(names)) {
    const rule = known.find((c) => c.name === name);
    if (!rule) {
      const list = known.map((c) => c.name).join('、');
      throw new MibError(
        'invalid-argument',
        'circumstance',
        `政策“${documentName(policy)}”没有“${name}”这一扣减情形${list ? `；它规定的情形有：${list}` : '；它没有规定任何另行扣减的情形'}`,
        `policy ${policy.id} has no circumstance "${name}"`,
      );
    }
    ratio = ratio.plus(rule.ratio);
    lines.push(`${rule.text} → 另扣除保证金的 ${pct(rule.ratio)}`);
  }
  return { ratio, lines };
}

/** The refund ratio after the extra: the tier's ratio less the extra percentage points, at least 0. */
export function afterExtra(tierRatio: Dec, extra: Dec): Dec {
  return D.max(0, tierRatio.minus(extra));
}
