import * as z from 'zod';

/**
 * A band the notice leaves unstated (issue 23): 灌南 prints refunds down to 70 and nothing below. Rather
 * than invent a rule, the file marks the band: a refund tier `{ "kind": "unstated", "text": … }`, and a
 * grade band `"unstated": true` where the notice prints no grade either. A score in such a band is shown
 * as this word, with the notice's text as the reason, and never gets an amount.
 */
export const UNSTATED = '方案未规定';

export const unstatedTierShape = () => ({
  kind: z.literal('unstated').describe(`原文未规定本分数段的返还：不计算金额，显示“${UNSTATED}”`),
  text: z.string().min(1).describe('说明原文规定到哪里的原文，如 “考核得分70分以下的，方案未规定保证金返还”'),
});

export interface UnstatedTier {
  kind: 'unstated';
  text: string;
}

/** The line a trace gives a score in an unstated refund band. */
export function unstatedRefundLine(tier: UnstatedTier): string {
  return `${tier.text} → ${UNSTATED}保证金返还，不计算金额`;
}

/** The bands a policy marks unstated, each as one reading (口径说明): where the score lies, what the notice
 * leaves out, and its text, so that every face that lists the readings says why it shows 方案未规定. */
export function unstatedReadings(
  grades: readonly { label: string; min?: number; max?: number; text: string; unstated?: true; refund?: { kind: string; text: string } }[],
): string[] {
  return grades.flatMap((band) => {
    const span =
      band.min === undefined ? `${band.max ?? ''} 分以下` : band.max === undefined ? `${band.min} 分及以上` : `[${band.min}, ${band.max}) 分`;
    const what = [band.unstated && `等次（${band.text}）`, band.refund?.kind === 'unstated' && `保证金返还（${band.refund.text}）`].filter(Boolean);
    return what.length === 0 ? [] : [`${span}：原文未规定${what.join('与')}，得分在此段的显示“${UNSTATED}”，不另定规则、不计算金额。`];
  });
}

/** A band's own fields: a stated band needs its name; an unstated one takes none (or the word itself). */
export function unstatedBandProblems(band: { label?: string | undefined; unstated?: true | undefined }): { path: string; message: string }[] {
  if (band.unstated === true) {
    return band.label === undefined || band.label === UNSTATED
      ? []
      : [
          {
            path: 'label',
            message: `原文未规定等次的分数段（"unstated": true）不写等次名称：得分落在此段时显示“${UNSTATED}”；原文印有等次“${band.label}”的，删去 "unstated"`,
          },
        ];
  }
  if (band.label === undefined)
    return [{ path: 'label', message: `缺少等次名称 label（照原文写，如 "合格"）；原文没有规定这一分数段的等次时，写 "unstated": true` }];
  if (band.label === UNSTATED) return [{ path: 'label', message: `“${UNSTATED}”不能作为等次名称：原文未规定等次的分数段写 "unstated": true` }];
  return [];
}
