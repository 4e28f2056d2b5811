/**
 * A zod schema (or a shape of schemas) built the first time it is used, not when its module loads.
 *
 * Why: the add-in's bundles carry the shipped rubrics already validated at build time
 * (scripts/build/shippedDataLoader.cjs), so the custom functions never parse a rubric file at run time.
 * With every schema lazy and marked pure, webpack drops the schemas the bundle never touches, and the
 * full zod API with them (about 26 KB gzipped of the functions bundle's 60 KB budget; the bundles keep
 * only the zod/mini schemas of cellValues.ts). Everywhere else (the CLI,
 * `mib check`, tests) the schema behaves as the built one: every property, method and prototype is
 * forwarded to it.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    set: (_target, key, value) => Reflect.set(real(), key, value),
  });
}
