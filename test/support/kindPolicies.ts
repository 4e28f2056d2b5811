// Policies for the kinds regions use beyond the bundled files, built from 吉林's file with one part
// changed, so that each test names only what its sentence sets.
import { getPolicy, type Policy, PolicySchema } from '../../src/core';

/** 吉林's bands with fixed withheld shares per band (issue 13: "withhold 20% in [80, 90), 40% in
 * [70, 80)"), 60% in [60, 70), and a further 10% for 挂牌督办. Parsed, so the schema must accept it. */
export function withholdPolicy(): Policy {
  const base = getPolicy('jilin-2025');
  const shares: Record<string, number> = { 良: 0.2, 合格: 0.4, 基本合格: 0.6 };
  return PolicySchema.parse({
    ...base,
    id: 'test-withhold',
    grades: base.grades.map((band) => {
      const ratio = shares[band.label];
      return ratio === undefined ? band : { ...band, refund: { kind: 'withhold', ratio, text: `${band.label}：扣除质量保证金的${ratio * 100}%` } };
    }),
    extraWithholding: [{ name: '挂牌督办', ratio: 0.1, text: '被挂牌督办的，再扣除10%' }],
  });
}

/** 吉林's bands and refunds with another veto: 湖北 "严重违规 按60分计" is `{ effect: 'setScore', score: 60 }`. */
export function vetoPolicy(veto: Policy['veto']): Policy {
  return PolicySchema.parse({ ...getPolicy('jilin-2025'), id: `test-veto-${(veto.effect ?? 'default').toLowerCase()}`, veto });
}

/** 湖北: "存在严重违规行为的，考核得分按60分计" (issue 13). */
export const hubeiVeto = { effect: 'setScore', score: 60, text: '存在严重违规行为的，考核得分按60分计' } as const;
/** A cap: "存在违规行为的，考核得分最高按60分计" (the score is at most 60). */
export const capVeto = { effect: 'capScore', score: 60, text: '存在违规行为的，考核得分最高按60分计' } as const;
