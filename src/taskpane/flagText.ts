import type { AuditFlagKind } from '../sheet/audit';

/** The words each flag's message opens with that only restate its kind (the badge says it). A message
 * that opens otherwise, such as 自评得分不是数 (more than the kind), is kept whole. */
const KIND_OPENINGS: Record<AuditFlagKind, readonly string[]> = {
  rubricChanged: ['考核表已更新', 'The table was updated'],
  veto: ['否决项', 'Veto'],
  overCap: ['扣分超过单项分值', "Deductions over the item's points"],
  clauseCap: ['条款扣分封顶', 'Clause cap'],
  invalidInput: ['输入无效', 'Invalid input'],
  missingInput: ['未填写', 'Missing'],
  formulaChanged: ['公式与考核表不符', 'Formula no longer matches the rubric'],
  valueOverFormula: ['公式被数值覆盖', 'Value typed over a formula'],
  selfScoreDiffers: ['自评与计算不符', 'Self-score differs'],
};

/** A flag's text without the kind it opens with (“否决项：…”, “Veto: …”): the kind is said once, by the badge. */
export function flagBody(kind: AuditFlagKind, message: string): string {
  for (const opening of KIND_OPENINGS[kind])
    for (const colon of ['：', ': ']) if (message.startsWith(opening + colon)) return message.slice(opening.length + colon.length);
  return message;
}
