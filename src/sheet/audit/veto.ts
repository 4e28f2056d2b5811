import { inputIndex, vetoOutcome } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck } from './types';

/** 否决项 triggered, with what the chosen policy makes of it ("存在否决项得分为0分"). */
export const vetoCheck: AuditCheck = ({ rubric, policy, plan, result, snapshot }) => {
  const { byId } = inputIndex(rubric);
  const consequence = policy ? `${policy.veto.text}（${policy.title}：${policy.veto.grade ?? vetoOutcome(policy.veto).zh}）` : '出现否决项得分为0';
  return result.items
    .filter((item) => item.veto)
    .map((item) => {
      const ids = item.clauses.filter((c) => c.veto).flatMap((c) => c.inputs);
      const first = snapshot.inputs.find((i) => i.id === ids[0]);
      const name = itemName(rubric, item.id);
      const what = ids.map((id) => byId.get(id)?.spec.label ?? id).join('；');
      return {
        kind: 'veto' as const,
        itemNo: item.id,
        ...(name.indicator && { indicator: name.indicator }),
        address: first?.address ?? plan.items.find((i) => i.itemNo === item.id)?.score ?? plan.fields.total,
        message: `否决项：${name.zh}——${what}（${ids.join('、')}）。${consequence}`,
        messageEn: `Veto: ${name.en} (${ids.join(', ')}). ${policy ? `Under ${policy.id}: ${policy.veto.grade ?? vetoOutcome(policy.veto).en}` : 'The total is 0'}`,
      };
    });
};
