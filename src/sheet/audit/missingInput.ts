import { inputIndex } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck } from './types';

/** A fact left blank: it counts as no finding for vetoes and deductions, as not achieved for earnings. */
export const missingInputCheck: AuditCheck = ({ rubric, snapshot, result, plan }) => {
  const { byId } = inputIndex(rubric);
  // 机构性质 left blank where a clause applies to public institutions only: the header cell is the fact
  const ownership = result.ownershipMissing
    ? [
        {
          kind: 'missingInput' as const,
          address: plan.fields.ownership,
          message: '未填写：机构性质（公立/民营）——本表有只适用于公立医疗机构的条款，未填写时按公立计',
          messageEn: 'Missing: ownership (公立/民营); clauses for public institutions only count meanwhile',
        },
      ]
    : [];
  return [
    ...ownership,
    ...result.missing.map((id) => {
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
    }),
  ];
};
