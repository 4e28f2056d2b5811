import * as z from 'zod';
import { type SpecialCase, specialCaseKinds, specialCaseLabels, specialCaseNamed } from '../core';

/** The special cases `--case` takes (吉林 第十三–十五条, 宁德 准入不满一年): the id or the short Chinese name. */
export const specialCaseNames = specialCaseKinds.map((kind) => specialCaseLabels[kind].name);

export const SpecialCaseSchema = z.string().transform((text, ctx): SpecialCase => {
  const kind = specialCaseNamed(text);
  if (kind === undefined) {
    ctx.addIssue({ code: 'custom', message: `应为以下情形之一：${specialCaseNames.join('、')}（或 ${specialCaseKinds.join('、')}）` });
    return z.NEVER;
  }
  return kind;
});
