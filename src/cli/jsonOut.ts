/**
 * `JSON.stringify(value, null, 2)` written a block of lines at a time, so that no single string holds a
 * whole roster (one of 100,000 rows is near a gigabyte of text, past the longest string V8 can make:
 * “Invalid string length”). The top object's arrays are written one element at a time, and an element
 * given as a `LazyList` is built only as it is written. The text is the same, byte for byte, as the
 * one-string call would give (a test holds them equal).
 */
export function writePrettyJson(write: (lines: string) => void, value: Record<string, unknown>): void {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    write('{}');
    return;
  }
  write('{');
  entries.forEach(([key, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    const name = `  ${JSON.stringify(key)}: `;
    const list = v instanceof LazyList ? v : Array.isArray(v) ? new LazyList(v.length, (k) => v[k]) : undefined;
    if (list === undefined || list.length === 0) {
      write(`${name}${indented(JSON.stringify(v instanceof LazyList ? [] : v, null, 2), '  ')}${comma}`);
      return;
    }
    write(`${name}[`);
    for (let k = 0; k < list.length; k++) {
      // an element JSON cannot hold (undefined, a function) is null inside an array, as JSON.stringify has it
      const text = JSON.stringify(list.at(k), null, 2) ?? 'null';
      write(`    ${indented(text, '    ')}${k < list.length - 1 ? ',' : ''}`);
    }
    write(`  ]${comma}`);
  });
  write('}');
}

/** An array whose elements are made as they are asked for; as JSON (toJSON) it is the whole array. */
export class LazyList<T> {
  constructor(
    readonly length: number,
    readonly at: (index: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k));
  }
}

const indented = (text: string, indent: string) => text.replace(/\n/g, `\n${indent}`);
