import { fmt, weighedDeductions } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck } from './types';

/** 扣分超过单项分值: the raw deductions, the item's points, and the points not applied. */
export const overCapCheck: AuditCheck = ({ rubric, plan, result }) =>
  result.items
    .filter((item) => item.overCap.gt(0))
    .map((item) => {
      const name = itemName(rubric, item.id);
      return {
        kind: 'overCap' as const,
        itemNo: item.id,
        ...(name.indicator && { indicator: name.indicator }),
        address: plan.items.find((i) => i.itemNo === item.id)?.overCap ?? plan.fields.total,
        message: `扣分超过单项分值：${name.zh}共扣 ${fmt(weighedDeductions(item.clauses))} 分，本项 ${fmt(item.max)} 分，${fmt(item.overCap)} 分未计入`,
        messageEn: `Deductions over the item's points: ${name.en} deducts ${fmt(weighedDeductions(item.clauses))} of ${fmt(item.max)}; ${fmt(item.overCap)} not applied`,
      };
    });
