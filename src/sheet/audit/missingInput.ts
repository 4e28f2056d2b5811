import { inputIndex } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck } from './types';

/** A fact left blank: it counts as no finding for vetoes and deductions, as not achieved for earnings. */
export const missingInputCheck: AuditCheck = ({ rubric, snapshot, result }) => {
  const { byId } = inputIndex(rubric);
  return result.missing.map((id) => {
    const entry = byId.get(id);
    const name = itemName(rubric, entry?.item.no ?? '');
    return {
      kind: 'missingInput' as const,
      ...(entry && { itemNo: entry.item.no }),
      ...(name.indicator && { indicator: name.indicator }),
      address: snapshot.inputs.find((i) => i.id === id)?.address ?? '',
      message: `未填写：${id} ${entry?.spec.label ?? ''}（${name.zh}）`,
      messageEn: `Missing: ${id} (${name.en})`,
    };
  });
};
