import { compositeScore, type Dec } from '../core';
import { asMatrix, cellsOf, readCell, showCell } from './cells';
import { fail, guard, isFailure, type Outcome } from './failure';
import { policyFrom } from './lookup';
import { numberFrom } from './numbers';

/** 吉林 第十一条 is the one composite rule in the bundled policies. */
export const DEFAULT_COMPOSITE_POLICY = 'jilin-2025';

/** The subordinates' scores: every non-blank cell of the range, each a number ≥ 0. */
function subordinateScores(raw: unknown): Outcome<Dec[]> {
  const scores: Dec[] = [];
  for (const [index, value] of cellsOf(asMatrix(raw) ?? []).entries()) {
    if (readCell(value).kind === 'blank') continue;
    const score = numberFrom(value, { what: '下属机构得分' });
    if (isFailure(score)) return fail(`下属机构得分区域第 ${index + 1} 个单元格（${showCell(value)}）不是有效得分：应为不小于 0 的数`);
    scores.push(score);
  }
  if (scores.length === 0) return fail('下属机构得分区域没有得分：至少需要一个下属机构（人员）的考核得分');
  return scores;
}

/** MIB.COMPOSITE: own score × 70% + the subordinates' mean × 30% (吉林 第十一条), or the policy's own weights. */
export function compositeOf(ownArg: unknown, subordinatesArg: unknown, policyArg: unknown): Outcome<number> {
  return guard(() => {
    const own = numberFrom(ownArg, { what: '本机构得分' });
    if (isFailure(own)) return own;
    const subordinates = subordinateScores(subordinatesArg);
    if (isFailure(subordinates)) return subordinates;
    const policy = policyFrom(policyArg, DEFAULT_COMPOSITE_POLICY);
    if (isFailure(policy)) return policy;
    if (!policy.composite) return fail(`政策“${policy.id}”没有下属机构综合得分的规定；吉林 第十一条见 ${DEFAULT_COMPOSITE_POLICY}`);
    return compositeScore(policy, own, subordinates).score.toNumber();
  });
}
