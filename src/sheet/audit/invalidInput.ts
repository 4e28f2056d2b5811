import { inputIndex } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck } from './types';

/** A fact of the wrong type or out of range (text in a count cell, a ratio of 150%). */
export const invalidInputCheck: AuditCheck = ({ rubric, snapshot, result }) => {
  const { byId } = inputIndex(rubric);
  return result.invalid.map((problem) => {
    const entry = byId.get(problem.field);
    const name = entry ? itemName(rubric, entry.item.no) : undefined;
    return {
      kind: 'invalidInput' as const,
      ...(entry && { itemNo: entry.item.no }),
      ...(name?.indicator && { indicator: name.indicator }),
      address: snapshot.inputs.find((i) => i.id === problem.field)?.address ?? '',
      message: `输入无效：${problem.message}`,
      messageEn: `Invalid input: ${problem.messageEn}`,
    };
  });
};
