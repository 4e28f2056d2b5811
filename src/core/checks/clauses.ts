import type { Rule } from '../rules';
import type { Rubric, RubricItem } from '../schema';

/** A clause of a rubric with the path that names it in the file; a 按高分计算 clause's methods are
 * clauses of their own (items.4.rules.0.methods.1), so every check sees them. */
export interface ClauseAt {
  item: RubricItem;
  rule: Rule | Extract<Rule, { kind: 'bestOf' }>['methods'][number];
  path: string;
}

export function clausesOf(rubric: Rubric): ClauseAt[] {
  return rubric.items.flatMap((item, i) =>
    item.rules.flatMap((rule, k) => {
      const path = `items.${i}.rules.${k}`;
      const own: ClauseAt = { item, rule, path };
      if (rule.kind !== 'bestOf') return [own];
      return [own, ...rule.methods.map((method, m) => ({ item, rule: method, path: `${path}.methods.${m}` }))];
    }),
  );
}
