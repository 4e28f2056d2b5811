// Mutations of a rubric or policy file, as a person writing one could slip: numbers scaled, negated,
// zeroed or nudged, min and max swapped, array entries dropped, duplicated or reordered, a key left out,
// a veto grade changed, refund tiers swapped. Used by the property test of `mib check`.
import fc from 'fast-check';

type Json = unknown;
type Path = (string | number)[];

export interface Mutation {
  /** what was done, for a failing case's report */
  what: string;
  apply(file: Record<string, unknown>): void;
}

function walk(value: Json, path: Path, visit: (value: Json, path: Path) => void): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

function at(file: Json, path: Path): any {
  return path.reduce<any>((node, key) => node?.[key], file);
}

const numberOps: { what: string; op: (n: number) => number }[] = [
  { what: '×100', op: (n) => n * 100 },
  { what: '÷100', op: (n) => n / 100 },
  { what: '×10', op: (n) => n * 10 },
  { what: '取负', op: (n) => -n },
  { what: '置0', op: () => 0 },
  { what: '+1', op: (n) => n + 1 },
  { what: '−1', op: (n) => n - 1 },
  { what: '+0.5', op: (n) => n + 0.5 },
  { what: '−0.5', op: (n) => n - 0.5 },
];

/** Every mutation site of a file and an arbitrary of one to three mutations on it. */
export function mutationsOf(file: Record<string, unknown>): fc.Arbitrary<Mutation[]> {
  const numbers: Path[] = [];
  const minMax: Path[] = [];
  const arrays: Path[] = [];
  const optionalKeys: Path[] = [];
  walk(file, [], (value, path) => {
    if (typeof value === 'number') numbers.push(path);
    if (Array.isArray(value) && value.length >= 2) arrays.push(path);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      if (typeof o.min === 'number' && typeof o.max === 'number') minMax.push(path);
      for (const k of ['min', 'max', 'cap', 'base', 'score', 'refund', 'bonusCap', 'otherwise']) if (k in o) optionalKeys.push([...path, k]);
    }
  });
  const options: fc.Arbitrary<Mutation>[] = [];
  if (numbers.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...numbers), fc.constantFrom(...numberOps)).map(([path, { what, op }]) => ({
        what: `${path.join('.')} ${what}`,
        apply: (f) => {
          const parent = at(f, path.slice(0, -1));
          const key = path[path.length - 1]!;
          parent[key] = op(parent[key]);
        },
      })),
    );
  }
  if (minMax.length > 0) {
    options.push(
      fc.constantFrom(...minMax).map((path) => ({
        what: `${path.join('.')} min↔max`,
        apply: (f) => {
          const o = at(f, path);
          [o.min, o.max] = [o.max, o.min];
        },
      })),
    );
  }
  if (arrays.length > 0) {
    const arrayEdit = (what: string, edit: (a: unknown[], i: number, j: number) => void) =>
      fc.tuple(fc.constantFrom(...arrays), fc.nat(), fc.nat()).map(([path, i, j]) => ({
        what: `${path.join('.')} ${what} ${i} ${j}`,
        apply: (f: Record<string, unknown>) => {
          const a = at(f, path) as unknown[];
          edit(a, i % a.length, j % a.length);
        },
      }));
    options.push(
      arrayEdit('删去', (a, i) => void a.splice(i, 1)),
      arrayEdit('重复', (a, i) => void a.splice(i, 0, structuredClone(a[i]))),
      arrayEdit('交换', (a, i, j) => void ([a[i], a[j]] = [a[j], a[i]])),
    );
  }
  if (optionalKeys.length > 0) {
    options.push(
      fc.constantFrom(...optionalKeys).map((path) => ({
        what: `${path.join('.')} 删去`,
        apply: (f) => void delete at(f, path.slice(0, -1))[path[path.length - 1]!],
      })),
    );
  }
  const grades = (file as { grades?: { label: string }[] }).grades;
  if (file.kind === 'policy' && grades) {
    options.push(
      fc
        .constantFrom(...grades.map((g) => g.label))
        .map((label) => ({ what: `veto.grade → ${label}`, apply: (f) => void ((f as any).veto.grade = label) })),
      fc.tuple(fc.nat(grades.length - 1), fc.nat(grades.length - 1)).map(([i, j]) => ({
        what: `grades.${i}.refund ↔ grades.${j}.refund`,
        apply: (f) => {
          const g = (f as any).grades;
          [g[i].refund, g[j].refund] = [g[j].refund, g[i].refund];
        },
      })),
    );
  }
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 });
}

export function mutated(file: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const copy = structuredClone(file);
  for (const m of mutations) {
    try {
      m.apply(copy);
    } catch {
      // a mutation whose site an earlier one removed: it does nothing
    }
  }
  return copy;
}
