import { type Rule, ruleDefinitions } from '../rules';
import type { Rubric, RubricItem } from '../files/schema';

/** A clause of a rubric with the path that names it in the file; a clause written inside another (a 按高分计算
 * clause's methods, items.4.rules.0.methods.1) is a clause of its own, so every check and every reading sees it. */
export interface ClauseAt {
  item: RubricItem;
  rule: Rule;
  path: string;
}

const ruleKinds = new Set<string>(Object.keys(ruleDefinitions));

/** A clause is an object with a rule kind and its own text; other nested objects (an input, a peer
 * declaration, a table row) are not. */
function isClause(value: object): value is Rule {
  const { kind, text } = value as { kind?: unknown; text?: unknown };
  return typeof kind === 'string' && ruleKinds.has(kind) && typeof text === 'string';
}

/**
 * A rule and every clause written inside it, at any depth (bestOf's methods, and whatever kind nests
 * clauses later), each with its path below `path`, in the file's order. The one walker for every place
 * that needs each clause: the checks, the readings (口径说明) of `mib score`, the sheet and the pane.
 */
export function clausesWithin(rule: Rule, path = ''): { rule: Rule; path: string }[] {
  const found: { rule: Rule; path: string }[] = [{ rule, path }];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}.${i}`));
    else if (typeof value === 'object' && value !== null) {
      if (isClause(value)) found.push(...clausesWithin(value, at));
      else for (const [key, v] of Object.entries(value)) visit(v, `${at}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(rule)) visit(value, `${path}.${key}`);
  return found;
}

export function clausesOf(rubric: Rubric): ClauseAt[] {
  return rubric.items.flatMap((item, i) =>
    item.rules.flatMap((rule, k) => clausesWithin(rule, `items.${i}.rules.${k}`).map((c) => ({ item, rule: c.rule, path: c.path }))),
  );
}
