// The fields and choices a JSON Schema (src/core/files/jsonSchema.ts) allows, and those a document uses, named
// alike: `items[].rules[].perOccurrence.cap` for a field of one clause kind, `…effect=earn` for one value of
// an enum. The features × faces generator is held to cover the first with the second.

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, field: string) => (path === '' ? field : `${path}.${field}`);

/** Every path a document of the schema may hold, and every enum value (or string const) at its path. */
export function schemaPaths(schema: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, path: string, root: boolean) => {
    if (!isNode(node)) return;
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[key])) for (const branch of node[key]) walk(branch, path, root);
    if (Array.isArray(node.enum)) for (const value of node.enum) if (typeof value === 'string') out.add(`${path}=${value}`);
    if (typeof node.const === 'string') out.add(`${path}=${node.const}`);
    if (isNode(node.items)) walk(node.items, `${path}[]`, false);
    if (!isNode(node.properties)) return;
    const kind = (node.properties.kind as Node | undefined)?.const;
    const at = !root && typeof kind === 'string' ? join(path, kind) : path;
    for (const [name, property] of Object.entries(node.properties)) {
      if (name === 'kind' && !root) continue;
      out.add(join(at, name));
      walk(property, join(at, name), false);
    }
  };
  walk(schema, '', true);
  return out;
}

/** The paths and string values a document uses, named as schemaPaths names them. */
export function documentPaths(document: unknown, into = new Set<string>()): Set<string> {
  const walk = (value: unknown, path: string, root: boolean) => {
    if (Array.isArray(value)) {
      for (const element of value) walk(element, `${path}[]`, false);
      return;
    }
    if (typeof value === 'string') into.add(`${path}=${value}`);
    if (!isNode(value)) return;
    const at = !root && typeof value.kind === 'string' ? join(path, value.kind) : path;
    for (const [name, child] of Object.entries(value)) {
      if (name === 'kind' && !root) continue;
      if (child === undefined) continue;
      into.add(join(at, name));
      walk(child, join(at, name), false);
    }
  };
  walk(document, '', true);
  return into;
}
