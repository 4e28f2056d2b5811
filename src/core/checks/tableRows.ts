import { D, fmt } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import { compare, type Comparison, opText } from '../rules/shared';
import type { TableRule } from '../rules/table';
import type { ClauseAt } from './clauses';
import { domainOf, probes, within } from './inputDomain';
import { problem } from './problem';

/** A table row no value reaches, because the rows before it (tried first) already take all its values. */
export function unreachableRows(at: ClauseAt, rule: TableRule): Problem[] {
  const domain = domainOf(rule.input);
  if (!domain) return [];
  const values = probes(
    domain,
    rule.rows.map((r) => r.value),
  );
  const holds = (op: Comparison, bound: number, v: number) => compare(new D(v), op, bound);
  return rule.rows.flatMap((row, j) => {
    if (!within(domain, row.value)) return [];
    const reached = values.some((v) => holds(row.op, row.value, v) && !rule.rows.slice(0, j).some((r) => holds(r.op, r.value, v)));
    if (reached) return [];
    return [
      problem(
        `${at.path}.rows.${j}`,
        `第${at.item.no}项 ${rule.input.id}（${rule.input.label}）的第${j + 1}行（${opText[row.op]} ${fmt(row.value)}，得${fmt(row.points)}分）永远用不到：各行按顺序比较、先符合的为准，前面的行已包含它的全部取值；请调整行的顺序或界限`,
        `${rule.input.id}: row ${j + 1} is never reached (earlier rows take all its values)`,
      ),
    ];
  });
}
