/**
 * The Chinese name of every `kind` a rubric or policy file may write, for the messages `mib check`
 * gives when a kind is wrong and for the JSON Schemas' hover text. A kind added in another file (a new
 * rule or refund tier) without a name here is still listed, by its English word alone.
 */
export const kindNames: Record<string, string> = {
  // a file
  rubric: '考核表',
  policy: '等次与返还政策',
  // a clause of a rubric (src/core/rules)
  veto: '否决项：是/否事实，成立则本表否决',
  perOccurrence: '按次数扣分或得分，如 每次扣1分',
  condition: '是/否条件扣分或得分，如 …的，不得分 / 得2分',
  discretionary: '酌情扣分或加分，如 每次扣5-10分',
  threshold: '达标线，如 未达到50%的扣10分',
  allOf: '多个条件同时达到才得分',
  proportional: '按比例得分，如 满意度×10',
  linear: '每高于/低于一步扣分或减分，如 每高于1个百分点扣0.5分',
  band: '区间扣分，如 三个区间各扣几分',
  choice: '按等次选项得分，如 优/良/中/差',
  rankTop: '排名前几名得分',
  table: '分档得分表，如 ≥90% 得10分，≥80% 得8分…',
  bestOf: '多种计分方法按高分计算',
  manual: '由审核人直接给分',
  // a refund tier of a grade (src/core/policy)
  full: '全额返还',
  none: '不予返还',
  perPointBelow: '较基准分每低1分扣除一定比例',
  withhold: '整档扣除固定比例，如 [80, 90) 扣除20%',
  unstated: '原文未规定本分数段的返还，不计算金额',
};

/** `veto（否决项…）` for one kind, the English word alone for a kind without a name. */
export function kindWithName(kind: string): string {
  const name = Object.hasOwn(kindNames, kind) ? kindNames[kind] : undefined;
  return name ? `${kind}（${name}）` : kind;
}
