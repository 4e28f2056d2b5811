import { DecimalValue, fmt, parsedOrNull } from '../../core';
import { itemName } from './itemText';
import type { AuditCheck, AuditFlag } from './types';

/** 机构自评得分 that differs from the computed score (or is not a number). */
export const selfScoreCheck: AuditCheck = ({ snapshot, rubric, result }) => {
  const flags: AuditFlag[] = [];
  for (const self of snapshot.selfScores) {
    if (self.value === null || self.value === '') continue;
    const item = result.items.find((i) => i.id === self.itemNo);
    if (!item) continue;
    const name = itemName(rubric, self.itemNo);
    const given = parsedOrNull(DecimalValue, self.value);
    if (given !== null && given.eq(item.score)) continue;
    flags.push({
      kind: 'selfScoreDiffers',
      itemNo: self.itemNo,
      ...(name.indicator && { indicator: name.indicator }),
      address: self.address,
      message:
        given === null
          ? `自评得分不是数：${name.zh}填写的是“${String(self.value)}”`
          : `自评与计算不符：${name.zh}自评 ${fmt(given)} 分，计算得 ${fmt(item.score)} 分（差 ${fmt(given.minus(item.score))}）`,
      messageEn:
        given === null
          ? `Self-score is not a number: ${name.en} has "${String(self.value)}"`
          : `Self-score differs: ${name.en} self ${fmt(given)}, computed ${fmt(item.score)}`,
    });
  }
  return flags;
};
