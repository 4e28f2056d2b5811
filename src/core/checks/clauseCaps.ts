import { fmt } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import type { ClauseAt } from './clauses';
import { problem } from './problem';

/** A clause's own ceiling above its item's points can never be reached: the item stops at its points.
 * Not wrong in scoring, but usually a slip, so a warning. */
export function capWarnings(at: ClauseAt): Problem[] {
  const rule = at.rule;
  const points = at.item.points;
  if (points === null) return [];
  if (rule.kind !== 'perOccurrence' && rule.kind !== 'linear' && rule.kind !== 'discretionary') return [];
  const id = rule.input.id;
  const limits: { value: number; field: string; words: string }[] = [];
  if (rule.cap !== undefined) {
    limits.push({ value: rule.cap, field: `${at.path}.cap`, words: `本条最多${rule.effect === 'deduct' ? '扣' : '得'} ${fmt(rule.cap)} 分（cap）` });
  }
  if (rule.kind === 'linear' && rule.base !== undefined)
    limits.push({ value: rule.base, field: `${at.path}.base`, words: `本条起始得分 ${fmt(rule.base)} 分（base）` });
  return limits
    .filter((l) => l.value > points)
    .map((l) =>
      problem(
        l.field,
        `第${at.item.no}项 ${id}：${l.words}，超过本项分值 ${fmt(points)} 分；本项最多计 ${fmt(points)} 分，超出的部分永远用不到：请核对 cap / base 与本项分值（points）`,
        `${id}: the clause's cap ${l.value} exceeds its item's ${points} points`,
      ),
    );
}
