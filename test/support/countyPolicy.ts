/**
 * A county's results notice (某县) as a policy file, for the tests of bands the notice leaves unstated
 * (issue 23): the header, veto, refund rules and 挂牌督办 every such case shares, around the grades the case
 * gives. Plain JSON, so that a test can parse it, check it (mib check) or break it.
 */
export function countyPolicyJson(id: string, grades: Record<string, unknown>[]): Record<string, any> {
  return {
    kind: 'policy',
    id,
    title: '某县考核结果运用办法',
    region: '某县',
    institution: 'any',
    provenance: { issuer: '某县医疗保障局', documentNumber: '某医保发〔2026〕1号', title: '通知', date: '2026-01-01' },
    scale: { points: 100, text: '考核实行百分制' },
    grades,
    veto: { effect: 'setScore', score: 0, text: '存在否决项的，考核得分为0分' },
    refund: { fractionalPoints: 'proportional', ratioRounding: 'none' },
    extraWithholding: [{ name: '挂牌督办', ratio: 0.1, text: '被挂牌督办的，再扣除10%' }],
  };
}
