import type { Problem } from '../messages/errors';
import { resolveInputId } from '../scoring/evaluate';
import { definitionOf } from '../rules';
import type { Rubric } from '../files/schema';
import { clausesOf } from './clauses';
import { problem as p } from './problem';

/**
 * `mib check` on the clauses that compare with last year (`previousYear`, rules/previousYear.ts): the
 * clause has one fact of its own (the change), the measure it names is another fact of the table, and a
 * number (a ratio, a signed ratio, a number or a count) whose change can be computed.
 */
export function checkPreviousYear(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  for (const { rule, path } of clausesOf(rubric)) {
    const declared = rule.previousYear;
    if (!declared) continue;
    const at = `${path}.previousYear.measure`;
    const own = definitionOf(rule).inputs(rule);
    if (own.length !== 1) {
      problems.push(p(`${path}.previousYear`, '与上年比较的条款须只有一个事实（变化值）', 'a previous-year clause needs exactly one fact'));
      continue;
    }
    const measure = resolveInputId(rubric, declared.measure);
    if (!measure) {
      problems.push(
        p(at, `输入编号 ${declared.measure} 不在本表中：写本表中与上年比较的那个事实的编号`, `input ${declared.measure} is not in the table`),
      );
      continue;
    }
    if (measure === own[0]!.id) {
      problems.push(
        p(
          at,
          `${measure} 是本条自己的事实：measure 写被比较的另一个事实（如 威海 A6 的 30.2 比较 30.1）`,
          'the measure must be another fact than the clause’s own',
        ),
      );
      continue;
    }
    const spec = clausesOf(rubric)
      .flatMap((c) => definitionOf(c.rule).inputs(c.rule))
      .find((s) => s.id === measure);
    if (spec && !['ratio', 'signedRatio', 'number', 'count', 'points'].includes(spec.type))
      problems.push(p(at, `${measure} 不是数值（类型为 ${spec.type}），无法计算与上年的变化`, `${measure} is not a number`));
  }
  return problems;
}
