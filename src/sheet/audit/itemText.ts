import type { Rubric } from '../../core';

/** 第4项（C3）“医保支付资格相关人员是否管理到位” */
export function itemName(rubric: Rubric, itemNo: string): { zh: string; en: string; indicator?: string } {
  const item = rubric.items.find((i) => i.no === itemNo);
  if (!item) return { zh: `第${itemNo}项`, en: `item ${itemNo}` };
  const code = item.code ? `（${item.code}）` : '';
  return { zh: `第${item.no}项${code}“${item.indicator}”`, en: `item ${item.no}${item.code ? ` (${item.code})` : ''}`, indicator: item.indicator };
}
