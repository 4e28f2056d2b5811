import type { InputSpec, InputValue } from './inputs';
import { definitionOf, type Rule } from '../rules';

/** When a blank input still counts as given: the other method of a "按高分计算" item is filled
 * (`anyGiven`), a hospital "未被抽取电话回访" has no rate to enter (`yes`: when that fact is 是), and
 * that yes/no itself is never required (`never`). The sheet's 填报状态 formulas follow the same rule. */
export type BlankExcuse = { kind: 'never' } | { kind: 'anyGiven'; ids: string[] } | { kind: 'yes'; id: string };

export function blankExcuse(rule: Rule, spec: InputSpec): BlankExcuse | undefined {
  if (rule.kind === 'bestOf') {
    const ids = definitionOf(rule)
      .inputs(rule)
      .map((s) => s.id)
      .filter((id) => id !== spec.id);
    return { kind: 'anyGiven', ids };
  }
  // a 基层服务 score entered stands for the grade (威海 一级 B3), and the score itself is never required
  if (rule.kind === 'choice' && rule.percentOf) {
    const scoreId = rule.percentOf.input.id;
    return spec.id === scoreId ? { kind: 'never' } : { kind: 'anyGiven', ids: [scoreId] };
  }
  if (rule.kind === 'proportional' && rule.notSampled) {
    const notSampledId = rule.notSampled.input.id;
    return spec.id === notSampledId ? { kind: 'never' } : { kind: 'yes', id: notSampledId };
  }
  return undefined;
}

export function excused(excuse: BlankExcuse | undefined, values: Map<string, InputValue>): boolean {
  if (excuse === undefined) return false;
  if (excuse.kind === 'never') return true;
  if (excuse.kind === 'yes') return values.get(excuse.id) === true;
  return excuse.ids.some((id) => values.has(id));
}
