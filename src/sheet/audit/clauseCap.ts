import { fmt } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck } from './types';

/** A clause's own cap at work ("最多扣5分"): not a deduction over the item's points, so flagged apart, at
 * the clause cell that shows the raw amount. */
export const clauseCapCheck: AuditCheck = ({ rubric, plan, result }) =>
  result.items.flatMap((item) => {
    const name = itemName(rubric, item.id);
    const cells = plan.items.find((i) => i.itemNo === item.id);
    return item.clauses.flatMap((clause, k) => {
      if (!clause.capped.gt(0) || clause.cap === undefined) return [];
      const raw = fmt(clause.deduct.plus(clause.capped));
      const cap = fmt(clause.cap);
      return [
        {
          kind: 'clauseCap' as const,
          itemNo: item.id,
          ...(name.indicator && { indicator: name.indicator }),
          address: cells?.clauses[k] ?? cells?.score ?? plan.fields.total,
          message: `条款扣分封顶：${name.zh}第${k + 1}条“最多扣${cap}分”：扣 ${raw} 分，按 ${cap} 分计`,
          messageEn: `Clause cap: ${name.en}, clause ${k + 1} ("at most ${cap}"): deducts ${raw}, counted as ${cap}`,
        },
      ];
    });
  });
